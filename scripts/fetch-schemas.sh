#!/usr/bin/env bash
# The XML schemas the export tests validate against: GPX 1.1 (Topografix) and OGC KML 2.2 (with the Atom and
# xAL schemas it imports). Debian ships them in the data of its `pytrainer` package; this downloads that
# package (without installing it or its dependencies) and extracts the schemas into .cache/schemas/
# (git-ignored). Nothing of them is kept in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=.cache/schemas
files=(Topografix_gpx11.xsd ogckml22.xsd atom-author-link.xsd xAL.xsd)
have=1
for f in "${files[@]}"; do [ -s "$dest/$f" ] || have=0; done
[ "$have" = 1 ] && exit 0

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp" # apt downloads as its own unprivileged user
if ! (cd "$tmp" && apt-get download -qq pytrainer >/dev/null 2>&1); then
  # A fresh machine may have no package lists yet.
  $SUDO apt-get update -qq
  (cd "$tmp" && apt-get download -qq pytrainer >/dev/null)
fi
dpkg-deb -x "$tmp"/pytrainer_*.deb "$tmp/x"
mkdir -p "$dest"
for f in "${files[@]}"; do cp "$tmp/x/usr/share/pytrainer/schemas/$f" "$dest/$f"; done
echo "fetch-schemas: GPX 1.1 and KML 2.2 schemas in $dest (from Debian's pytrainer package)"
