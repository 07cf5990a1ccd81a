#!/usr/bin/env bash
# Benchmarks. `./bench.sh booking`: the API in Release on a throwaway PostgreSQL; 200 clients, each with its own
# patient token, race for 100 open slots, then book distinct slots for 20 s; pgbench runs a comparable single-row
# insert transaction on the same server in the same run. Prints one line and writes artifacts/bench/booking.json.
# `./bench.sh video`: five runs of a patient and a doctor joining a video visit through the SPA in headless Chromium
# (fake camera and microphone, loopback); the doctor's admit click to the first decoded remote frame on both sides,
# against two bare RTCPeerConnections in one page of the same browser in the same run. Writes artifacts/bench/video.json.
# `./bench.sh web`: Lighthouse 12.2.3 (mobile preset) on `/`, `/login` and a signed-in patient's home, served by the
# published API (Release, SQLite, demo data) with the SPA built as `dotnet publish` builds it. Writes artifacts/bench/web.json.
# A benchmark, not a test: it never fails on speed (only if something breaks).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
source scripts/lib.sh

case "${1:-}" in
  booking | video | web) ;;
  *) echo "usage: ./bench.sh booking|video|web" >&2; exit 2 ;;
esac

WORK=$(mktemp -d /tmp/ih-bench.XXXXXX)
chmod 755 "$WORK"
APP_PID=""
PG_DIR=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  pg_stop || true
  rm -rf "$WORK" 2>/dev/null || true
}
trap cleanup EXIT
log() { printf '== %s\n' "$*" >&2; }

if [ "$1" = video ]; then
  ensure_apt chromium /usr/bin/chromium
  log "Building the API with the SPA and the video benchmark (Release)"
  dotnet build bench/VideoBench -c Release -o "$WORK/videobench" -nologo -clp:ErrorsOnly >/dev/null
  mkdir -p artifacts/bench
  log "Five runs: admit click to first decoded frame on both sides, and bare RTCPeerConnections"
  # Note: progress goes to stderr (shown after the run); the result line is the last line on stdout.
  if ! dotnet "$WORK/videobench/VideoBench.dll" --root "$ROOT" --out "$ROOT/artifacts/bench/video.json" >"$WORK/video.out" 2>"$WORK/video.err"; then
    grep -vE '^\[: |unexpected operator' "$WORK/video.err" >&2 || true
    exit 1
  fi
  grep -E '^run ' "$WORK/video.err" >&2 || true
  grep -E '^video: ' "$WORK/video.out"
  exit 0
fi

# ./bench.sh web: the published app on SQLite, Lighthouse from bench/WebBench (its own packages, not web/'s).
bench_web() {
  ensure_apt chromium /usr/bin/chromium
  log "Lighthouse 12.2.3 and puppeteer-core (bench/WebBench, npm ci)"
  (cd bench/WebBench && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  log "Publishing the API with the SPA (Release)"
  dotnet publish src/InternetHospital.Api -c Release -o "$WORK/app" -nologo -clp:ErrorsOnly >/dev/null

  APP_PORT=$(free_port)
  BASE="http://127.0.0.1:$APP_PORT"
  log "Starting the API on $BASE"
  # Development: demo data (the signed-in page is the demo patient's) and generated keys, this run only.
  (cd "$WORK/app" && exec env \
    ASPNETCORE_ENVIRONMENT=Development \
    Urls="$BASE" \
    Database__Provider=Sqlite \
    Database__ConnectionString="Data Source=$WORK/web.db" \
    Database__MigrateOnStartup=true \
    Storage__DataDirectory="$WORK/data" \
    Auth__SpaOrigins__0="$BASE" \
    Auth__AllowInsecureHttp=true \
    Hospital__PublicUrl="$BASE" \
    Logging__LogLevel__Default=Warning \
    dotnet InternetHospital.Api.dll) >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the API did not start:" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }
    sleep 0.5
  done

  mkdir -p artifacts/bench
  log "Lighthouse (mobile): /, /login, the patient's home signed in (${WEB_RUNS:-3} runs each, median)"
  # Note: progress and accessibility findings go to stderr; the result line is the last line on stdout.
  CHROME_PATH=/usr/bin/chromium node bench/WebBench/run.mjs --base "$BASE" --webroot "$WORK/app/wwwroot" \
    --out "$ROOT/artifacts/bench/web.json" --runs "${WEB_RUNS:-3}" 2> >(grep -vE '^\[: |unexpected operator' >&2)
}

if [ "$1" = web ]; then
  bench_web
  exit 0
fi

ensure_apt postgresql "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -n 1 || echo /nonexistent)"
PGBENCH="$(pg_bin)/pgbench"; PSQL="$(pg_bin)/psql"

log "PostgreSQL (throwaway cluster)"
pg_start "$WORK/pg"
"$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE ih_bench" >/dev/null
DB="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=ih_bench"

log "Building the API (Release) and the load generator"
dotnet publish src/InternetHospital.Api -c Release -o "$WORK/app" -nologo -clp:ErrorsOnly -p:SkipSpaBuild=true >/dev/null
dotnet build bench/BookingBench -c Release -o "$WORK/loadgen" -nologo -clp:ErrorsOnly >/dev/null

APP_PORT=$(free_port)
BASE="http://127.0.0.1:$APP_PORT"
log "Starting the API on $BASE"
# Development environment: the demo admin exists and keys are generated (this run only). The bench raises, for its
# own instance only, the per-address rate limits (200 clients share one address here), the token lifetime (the run
# outlasts 5 minutes) and the anti-scalping hold limit (each client books many distinct slots in the sustained phase).
(cd "$WORK/app" && exec env \
  ASPNETCORE_ENVIRONMENT=Development \
  Urls="$BASE" \
  Database__Provider=PostgreSQL \
  Database__ConnectionString="$DB;Maximum Pool Size=128" \
  Database__MigrateOnStartup=true \
  Storage__DataDirectory="$WORK/data" \
  Auth__SpaOrigins__0="$BASE" \
  Auth__AllowInsecureHttp=true \
  Auth__AccessTokenLifetime=00:30:00 \
  RateLimits__SignIn__PermitLimit=100000 \
  RateLimits__Registration__PermitLimit=100000 \
  RateLimits__Token__PermitLimit=100000 \
  Booking__MaxActiveHolds=100000 \
  Booking__HorizonWeeks=27 \
  Booking__JobInterval=00:10:00 \
  Logging__LogLevel__Default=Warning \
  Logging__LogLevel__Microsoft.AspNetCore=Warning \
  dotnet InternetHospital.Api.dll) >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the API did not start:" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }
  sleep 0.5
done

log "Load: setup, race, sustained phase"
dotnet "$WORK/loadgen/BookingBench.dll" --base "$BASE" --db "$DB" --out "$WORK/app-result.json" --seconds 20 --days 180

# The API is done: stop it so its connection pool does not count against pgbench's 200 connections.
kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
APP_PID=""

log "pgbench: a single-row insert transaction with a unique slot, 200 clients, 10 s"
"$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ih_bench -qc \
  "CREATE TABLE bench_booking (id uuid PRIMARY KEY, slot_id uuid NOT NULL UNIQUE, patient_id uuid NOT NULL, created_at timestamptz NOT NULL)" >/dev/null
cat >"$WORK/insert.sql" <<'SQL'
INSERT INTO bench_booking (id, slot_id, patient_id, created_at) VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now());
SQL
"$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c 200 -j 2 -T 10 -f "$WORK/insert.sql" ih_bench >"$WORK/pgbench.txt" 2>&1 \
  || { echo "pgbench failed:" >&2; tail -n 20 "$WORK/pgbench.txt" >&2; exit 1; }
PG_TPS=$(awk '/^tps = / { print $3; exit }' "$WORK/pgbench.txt")

mkdir -p artifacts/bench
python3 - "$WORK/app-result.json" "$PG_TPS" artifacts/bench/booking.json <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
pg_tps = float(sys.argv[2])
result["pg_tps"] = round(pg_tps, 1)
result["ratio"] = round(result["rps"] / pg_tps, 3) if pg_tps else 0
result["pgbench"] = {"clients": 200, "seconds": 10, "transaction": "INSERT one row with a unique slot id"}
json.dump(result, open(sys.argv[3], "w"), indent=2)
print("booking: slots={slots} clients={clients} booked={booked} double={double} lost={lost} rps={rps} p50_ms={p50_ms} p99_ms={p99_ms} pg_tps={pg_tps} ratio={ratio}".format(**result))
PY
