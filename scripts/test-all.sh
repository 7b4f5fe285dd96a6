#!/usr/bin/env bash
# Sets up what the tests need that npm does not install (Chromium, PostgreSQL, fonts, GDAL, xmllint), then
# runs every check and test.
# Debian/Ubuntu: missing system packages are installed with apt-get (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# PostGIS for the PostgreSQL server (Debian 12's is 15): the vector tiles made by ST_AsMVT
# (tests/integration/postgis-tiles.test.ts, skipped without it).
ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || need+=(postgresql-15-postgis-3)
# Fonts so that headless Chromium renders the UI text (map labels use the app's own fonts).
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
# Clients nobody here wrote that read the exports and the OGC API: GDAL's ogrinfo, libxml2's xmllint.
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)

if [ ${#need[@]} -gt 0 ]; then
  echo "test-all: installing Debian packages: ${need[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

[ -d node_modules ] || npm ci
# The published GPX 1.1 and KML 2.2 schemas the export tests validate against, from Debian's packages.
scripts/fetch-schemas.sh

npm run check
# Every test, with the database suite run against both PGlite and a throw-away PostgreSQL server. When it
# fails, the failures and unhandled errors are printed again at the end: a log read from its tail (a CI
# summary) then shows them, not only the counts.
log=$(mktemp -t corridor-test-XXXXXX.log)
if ! scripts/with-postgres.sh npm test 2>&1 | tee "$log"; then
  echo
  plain=$(sed -e 's/\x1b\[[0-9;]*m//g' "$log")
  echo "test-all: the failures and errors of this run, again (the full log is above):"
  grep -E '^ *(FAIL|×) ' <<<"$plain" | sort -u | head -n 20 || true
  grep -E -A 12 '(Unhandled (Error|Rejection)|Uncaught Exception|Error: )' <<<"$plain" | head -n 60 || true
  rm -f "$log"
  exit 1
fi
rm -f "$log"
