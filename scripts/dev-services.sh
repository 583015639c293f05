#!/usr/bin/env bash
# Starts a throwaway Redis and PostgreSQL on 127.0.0.1 for trying several sync server
# instances by hand, and prints the REDIS_URL / DATABASE_URL to export. Ctrl+C stops both.
# (The tests start their own; this is only for manual runs.)
#   bash scripts/dev-services.sh            # redis on 6390, postgres on 5440
set -euo pipefail
REDIS_PORT=${REDIS_PORT:-6390}
PG_PORT=${PG_PORT:-5440}
dir=$(mktemp -d /tmp/tryghed-services-XXXX)
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PATH="${pgbin:+$pgbin:}$PATH"
command -v redis-server >/dev/null || { echo "redis-server missing: apt-get install -y redis-server"; exit 1; }
command -v initdb >/dev/null || { echo "PostgreSQL missing: apt-get install -y postgresql"; exit 1; }

as=()
if [ "$(id -u)" = 0 ]; then chown postgres "$dir" 2>/dev/null && as=(runuser -u postgres --) || { chown nobody "$dir"; as=(runuser -u nobody --); }; fi

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" >"$dir/redis.log" 2>&1 &
redis_pid=$!
"${as[@]}" initdb -D "$dir/pg" -U tryghed --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
"${as[@]}" postgres -D "$dir/pg" -p "$PG_PORT" -k "$dir" -c listen_addresses=127.0.0.1 >"$dir/pg.log" 2>&1 &
pg_pid=$!
trap 'kill $redis_pid $pg_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"' EXIT INT TERM
sleep 2
echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
echo "export DATABASE_URL=postgres://tryghed@127.0.0.1:$PG_PORT/postgres"
echo "(logs in $dir; Ctrl+C stops both)"
wait
