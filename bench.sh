#!/usr/bin/env bash
# The registry benchmark (not part of the test run). Installs PostgreSQL from Debian packages when it
# is missing, starts a throwaway cluster on 127.0.0.1 with fsync on, builds Release and runs
# bench/OpenCcer.Benchmarks, which prints a summary and writes bench-results.json here.
# Options are passed through, e.g. ./bench.sh --seconds 30 --clients 32. Default run: about 2-3 minutes.
# ./bench.sh matching runs the exchange matching benchmark instead (no database, about a minute).
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '[bench] %s\n' "$*"; }

# A larger gen0 budget (128 MiB) for the benchmark process: the ledger allocates short-lived events and
# results at a high rate, and the default budget on this machine collects gen0 every few milliseconds.
# The same setting is recommended for the server in production (docs/performance.md). Override it by
# exporting DOTNET_GCgen0size yourself (0 = the runtime's default).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x8000000}"

# Benchmarks that need no database:
# ./bench.sh matching [--stream <file>] and ./bench.sh methodologies;
# ./bench.sh simulate [--steps N] [--seed S]: the long write-path simulation;
# ./bench.sh load [--rates ...] [--seconds S] [--server URL]: HTTP load on a server started on SQLite.
case "${1:-}" in
  matching|methodologies|simulate|load)
    log "building (Release)"
    dotnet build bench/OpenCcer.Benchmarks/OpenCcer.Benchmarks.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
    if [ "$1" = load ]; then dotnet build src/OpenCcer.Server/OpenCcer.Server.csproj -c Release -nologo -v quiet -clp:ErrorsOnly; fi
    exec dotnet bench/OpenCcer.Benchmarks/bin/Release/net10.0/OpenCcer.Benchmarks.dll "$@"
    ;;
esac

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "installing PostgreSQL"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

# A throwaway cluster owned by the postgres user, on 127.0.0.1 only, durable (fsync on), removed on exit.
pg_port=${OPENCCER_BENCH_PG_PORT:-55433}
pg_dir=$(mktemp -d /tmp/openccer-bench-pg.XXXXXX)
chown postgres:postgres "$pg_dir"
as_postgres() { runuser -u postgres -- "$@"; }
cleanup() {
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" --auth=trust --username=postgres -E UTF8 >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=on -c synchronous_commit=on -c max_connections=200" \
  start >/dev/null
log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (fsync on)"

log "building (Release)"
dotnet build bench/OpenCcer.Benchmarks/OpenCcer.Benchmarks.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

# pgbench connects over TCP with trust authentication, so the benchmark runs it directly.
dotnet bench/OpenCcer.Benchmarks/bin/Release/net10.0/OpenCcer.Benchmarks.dll registry \
  --postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" \
  --pgbench "$pg_bin/pgbench" \
  "$@"
