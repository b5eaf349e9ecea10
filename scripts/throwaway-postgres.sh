#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a unix socket only (no TCP), for tests and benchmarks.
#   scripts/throwaway-postgres.sh start DIR   → prints the MAMORI_TEST_DATABASE_URL on stdout
#   scripts/throwaway-postgres.sh stop DIR
# fsync is off: this cluster holds nothing worth keeping, and the suite should not wait on the disk.
set -euo pipefail

cmd=${1:?start|stop}
dir=${2:?directory}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL サーバーがありません: apt-get install postgresql (no PostgreSQL server found)" >&2
  exit 3
fi

# PostgreSQL refuses to run as root; root runs it as the postgres system user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_owner "$pg_bin/initdb" -D "$dir/data" -A trust -U mamori_test -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # The socket lives in our own directory, so any port number is free; pick one at random anyway.
    port=$(( 20000 + RANDOM % 20000 ))
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    # The host in the authority is a placeholder: pg takes the socket directory from ?host=.
    echo "postgresql://mamori_test@localhost/postgres?host=$dir&port=$port"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
