#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL, and removes it afterwards whatever happens.
#
#   scripts/with-postgres.sh npm run test:unit          # TEST_DATABASE_URL is set for the command
#   npm run test:pg                                     # the PostgreSQL tests alone
#
# The cluster lives in a temporary folder, listens on 127.0.0.1 only (a free port, or PG_PORT) and
# trusts local connections: it holds test data only. It is never DATABASE_URL, so servers the
# command starts keep their SQLite store unless a test gives them a database on purpose.
# initdb refuses to run as root, so under root (CI) the cluster runs as the `postgres` user that
# Debian's package creates, else as `nobody`. Set TEST_DATABASE_URL yourself to use another server.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "Usage: scripts/with-postgres.sh <command> [arguments...]" >&2
  exit 2
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

# Debian keeps the server programs off PATH, under /usr/lib/postgresql/<major>/bin.
bindir=""
if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  bindir="$(dirname "$(command -v initdb)")"
else
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "No PostgreSQL server programs (initdb, pg_ctl) found: apt-get install postgresql, or set TEST_DATABASE_URL." >&2
  exit 1
fi

port="${PG_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
as_owner=()
if [ "$(id -u)" -ne 0 ]; then
  folder="$(mktemp -d "${TMPDIR:-/tmp}/throwaway-postgres-XXXXXX")"
else
  # In /tmp, not TMPDIR: the unprivileged owner must be able to reach the folder.
  folder="$(mktemp -d /tmp/throwaway-postgres-XXXXXX)"
  owner=nobody
  id postgres >/dev/null 2>&1 && owner=postgres
  chown "$owner" "$folder"
  as_owner=(runuser -u "$owner" --)
fi

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${as_owner[@]}" "$bindir/initdb" -D "$folder/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 ||
  { cat "$folder/initdb.log" >&2; exit 1; }
# Room for several app servers' pools at once (the concurrency test runs four).
"${as_owner[@]}" "$bindir/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $port -k $folder -c max_connections=200" start >/dev/null ||
  { cat "$folder/server.log" >&2; exit 1; }

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "Throwaway PostgreSQL ($("$bindir/postgres" --version)) at $TEST_DATABASE_URL"
"$@"
