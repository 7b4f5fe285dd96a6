#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server on 127.0.0.1 and TEST_DATABASE_URL pointing at it,
# so the integration suite runs against a real server as well as the embedded PGlite.
# Usage: scripts/with-postgres.sh <command> [args…]
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2
  exit 1
fi

# The throw-away server runs as the superuser `postgres`, so a database may CREATE EXTENSION postgis (migration
# 0021 does) when the extension is installed for this server's version: say so when it is not.
major=$(basename "$(dirname "$bindir")")
if [ ! -f "/usr/share/postgresql/$major/extension/postgis.control" ]; then
  echo "with-postgres: PostGIS is not installed for PostgreSQL $major (Debian: apt-get install postgresql-$major-postgis-3): tiles will be cut in JavaScript and the PostGIS tile tests skipped" >&2
fi

dir=$(mktemp -d -t corridor-pg-XXXXXX)
port=${TEST_PG_PORT:-54329}
as_db_user=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: run it as the postgres user Debian's package creates.
  chown postgres "$dir"
  as_db_user=(runuser -u postgres --)
fi

cleanup() {
  "${as_db_user[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_db_user[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${as_db_user[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
