#!/usr/bin/env bash
# Runs a bench with PostGIS beside it, the way the tests run with PostgreSQL, so that its PostGIS comparison is
# part of every run rather than something to set up by hand:
# - BENCH_PG_URL set: that server is used (the bench creates the extension in it and its own scratch schema);
# - else, PostgreSQL and PostGIS installed: a throw-away server (scripts/with-postgres.sh) for this run alone,
#   on TEST_PG_PORT (default 54338, so that it does not meet the tests' server on 54329);
# - else: the bench alone, after saying which package is missing; its PostGIS part then says it was skipped.
# Usage: scripts/with-postgis-bench.sh <command> [args…]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${BENCH_PG_URL:-}" ]; then
  exec "$@"
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "bench: PostgreSQL is not installed (Debian: apt-get install postgresql postgresql-15-postgis-3): no PostGIS comparison in this run" >&2
  exec "$@"
fi
major=$(basename "$(dirname "$bindir")")
if [ ! -f "/usr/share/postgresql/$major/extension/postgis.control" ]; then
  echo "bench: PostGIS is not installed for PostgreSQL $major (Debian: apt-get install postgresql-$major-postgis-3): no PostGIS comparison in this run" >&2
  exec "$@"
fi

export TEST_PG_PORT="${TEST_PG_PORT:-54338}"
# with-postgres.sh exports TEST_DATABASE_URL; the benches read BENCH_PG_URL.
exec scripts/with-postgres.sh bash -c 'BENCH_PG_URL="$TEST_DATABASE_URL" exec "$@"' with-postgis-bench "$@"
