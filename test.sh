#!/usr/bin/env bash
# Runs every test of OpenCCER. Installs what the tests need when it is missing (PostgreSQL from
# Debian packages), starts a throwaway PostgreSQL cluster on 127.0.0.1, runs all test projects, and
# prints one closing line "N passed, N failed". Exits non-zero on any failure or when no test ran.
# An optional argument is a dotnet test filter that narrows the run, e.g. for a long crash-safety run:
# OPENCCER_CRASH_KILLS=20 ./test.sh 'FullyQualifiedName~CrashSafetyTests'
set -euo pipefail
cd "$(dirname "$0")"
filter=()
if [ $# -gt 0 ]; then filter=(--filter "$1"); fi

log() { printf '[test] %s\n' "$*"; }

apt_updated=0
# apt-get needs root: use sudo only when not root and sudo is there.
as_root=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then as_root="sudo"; fi
need_package() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  log "installing $*"
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL server binaries (the client alone is not enough).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need_package postgresql
fi
# Debian's Chromium for the browser tests (driven by Playwright, which downloads no browser).
if [ ! -x /usr/bin/chromium ]; then
  need_package chromium
fi

pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

# A throwaway cluster owned by the postgres user, on 127.0.0.1 only, removed on exit.
pg_port=${OPENCCER_TEST_PG_PORT:-55432}
pg_dir=$(mktemp -d /tmp/openccer-pg.XXXXXX)
chown postgres:postgres "$pg_dir"
as_postgres() { runuser -u postgres -- "$@"; }
cleanup() {
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir" "${TMPDIR:-/tmp}/openccer-tests"
}
trap cleanup EXIT
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" --auth=trust --username=postgres -E UTF8 >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c max_connections=200" start >/dev/null
as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE openccer_test" >/dev/null
export OPENCCER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=openccer_test;Pooling=true;Maximum Pool Size=50"
log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

log "building"
dotnet build OpenCcer.slnx -c Release -nologo -v quiet -clp:ErrorsOnly

log "checking formatting (dotnet format --verify-no-changes)"
if ! dotnet format OpenCcer.slnx --verify-no-changes --no-restore >/dev/null 2>&1; then
  dotnet format OpenCcer.slnx --verify-no-changes --no-restore 2>&1 | head -20
  echo "0 passed, 1 failed"
  echo "formatting differs from .editorconfig: run 'dotnet format OpenCcer.slnx'" >&2
  exit 1
fi

results=$(mktemp)
set +e
dotnet test OpenCcer.slnx -c Release --no-build -nologo "${filter[@]}" 2>&1 | tee "$results"
test_exit=${PIPESTATUS[0]}
set -e

# Sum the per-assembly summaries, e.g. "Passed!  - Failed:     0, Passed:    17, Skipped:     0, Total:    17".
read -r passed failed skipped < <(awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ {
  f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }' "$results")
rm -f "$results"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$test_exit" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
