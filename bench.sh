#!/usr/bin/env bash
# Benchmarks. `./bench.sh booking`: the API in Release on a throwaway PostgreSQL; 200 clients, each with its own
# patient token, race for 100 open slots, then book distinct slots for 20 s; pgbench runs a comparable single-row
# insert transaction on the same server in the same run, and the SQL one booking sends (bench/BookingBench/booking.pgbench)
# as sql_tps; app_ratio = booking rps / sql_tps. Prints one line and writes artifacts/bench/booking.json.
# `./bench.sh video`: five runs of a patient and a doctor joining a video visit through the SPA in headless Chromium
# (fake camera and microphone, loopback); the doctor's admit click to the first decoded remote frame on both sides,
# against two bare RTCPeerConnections in one page of the same browser in the same run. Writes artifacts/bench/video.json.
# `./bench.sh video-sfu`: the same five runs through Janus (a throwaway one from scripts/lib.sh janus_start, the app with
# Video:Media = Janus), then a 10-participant room (the patient, the doctor and 8 guests let in by link, one browser
# context each, fake media, the room's cameras 320x180 at up to 10 fps): time until every page decodes every other one
# (framesDecoded advancing; Janus counts 10 publishers), and the CPU the API process and the Janus process use
# while the room fills and for 10 s full (utime + stime from /proc/PID/stat, as a % of ONE core; the API is in-process
# with the benchmark's browser driver, see bench/VideoBench). Writes artifacts/bench/video-sfu.json.
# `./bench.sh api`: the authenticated request path. Release build on SQLite, `wrk -t2 -c64 -d10s` against a bare
# minimal-API JSON GET (bench/BareApi, the framework ceiling), /health/live, a light authenticated GET
# (/api/care/hospital), /api/me and a doctor's slot search, all in the same run; prints the rates and each one's share
# of the bare figure, and writes artifacts/bench/api.json.
# `./bench.sh rush`: the release hour on PostgreSQL: 2,000 patients (each registered and signed in, with their own token)
# poll one popular doctor's slot list once a second; after 5 s the admin publishes that day's session (50 slots at one
# instant) and everyone who sees free slots races to book one. Checked against the database; writes artifacts/bench/rush.json.
# `./bench.sh web`: Lighthouse 12.2.3 (mobile preset) on `/`, `/login` and a signed-in patient's home, served by the
# published API (Release, SQLite, demo data) with the SPA built as `dotnet publish` builds it. Writes artifacts/bench/web.json.
# A benchmark, not a test: it never fails on speed (only if something breaks).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
source scripts/lib.sh

case "${1:-}" in
  booking | video | video-sfu | api | web | rush) ;;
  *) echo "usage: ./bench.sh booking|video|video-sfu|api|web|rush" >&2; exit 2 ;;
esac

WORK=$(mktemp -d /tmp/ih-bench.XXXXXX)
chmod 755 "$WORK"
APP_PID=""
PG_DIR=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  pg_stop || true
  janus_stop || true
  rm -rf "$WORK" 2>/dev/null || true
}
trap cleanup EXIT
log() { printf '== %s\n' "$*" >&2; }

# The authenticated request path against the framework's own ceiling (see the header).
bench_api() {
  ensure_apt wrk /usr/bin/wrk
  log "Building the API and the bare minimal API (Release)"
  dotnet publish src/InternetHospital.Api -c Release -o "$WORK/app" -nologo -clp:ErrorsOnly -p:SkipSpaBuild=true >/dev/null
  dotnet publish bench/BareApi -c Release -o "$WORK/bare" -nologo -clp:ErrorsOnly >/dev/null

  local port bare_port base bare
  port=$(free_port); bare_port=$(free_port)
  base="http://127.0.0.1:$port"; bare="http://127.0.0.1:$bare_port"
  log "Starting the API on $base (SQLite, demo data) and the bare API on $bare"
  # Development: demo accounts exist and keys are generated for this run only. The access token outlives the run.
  (cd "$WORK/app" && exec env \
    ASPNETCORE_ENVIRONMENT=Development \
    Urls="$base" \
    Storage__DataDirectory="$WORK/data" \
    Auth__SpaOrigins__0="$base" \
    Auth__AllowInsecureHttp=true \
    Auth__AccessTokenLifetime=00:30:00 \
    Logging__LogLevel__Default=Warning \
    Logging__LogLevel__Microsoft.AspNetCore=Warning \
    dotnet InternetHospital.Api.dll) >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  (cd "$WORK/bare" && exec env Urls="$bare" dotnet BareApi.dll) >"$WORK/bare.log" 2>&1 &
  BARE_PID=$!
  # Note: a busy shared machine can take minutes to start both; give up (saying so) after five.
  local ready=""
  for _ in $(seq 1 600); do
    curl -fs "$base/health/ready" >/dev/null 2>&1 && curl -fs "$bare/" >/dev/null 2>&1 && { ready=1; break; }
    kill -0 "$APP_PID" 2>/dev/null || { echo "the API did not start:" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }
    sleep 0.5
  done
  [ -n "$ready" ] || { echo "the API or the bare API did not answer within 5 minutes:" >&2; tail -n 30 "$WORK/app.log" "$WORK/bare.log" >&2; exit 1; }

  local token doctor
  token=$(python3 bench/api/token.py "$base" zhangwei@demo.test Demo-Pass-2026)
  doctor=$(curl -fsS -H "Authorization: Bearer $token" "$base/api/care/doctors" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("items", d) if isinstance(d, dict) else d; print(d[0]["id"])')

  # name url [token]: a 3 s warm-up (JIT, pools, caches), then the measured 10 s; any non-2xx answer fails the run.
  run_wrk() {
    local name=$1 url=$2 auth=${3:-}
    local args=(-t2 -c64)
    [ -n "$auth" ] && args+=(-H "Authorization: Bearer $auth")
    wrk "${args[@]}" -d3s "$url" >/dev/null
    wrk "${args[@]}" -d10s "$url" >"$WORK/wrk-$name.txt"
    if grep -q "Non-2xx" "$WORK/wrk-$name.txt"; then
      echo "$name: non-2xx answers from $url" >&2; cat "$WORK/wrk-$name.txt" >&2; exit 1
    fi
    awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk-$name.txt"
  }
  log "wrk -t2 -c64 -d10s: bare, health, auth, me, slots"
  local bare_rps health_rps auth_rps me_rps slots_rps
  bare_rps=$(run_wrk bare "$bare/")
  health_rps=$(run_wrk health "$base/health/live")
  auth_rps=$(run_wrk auth "$base/api/care/hospital" "$token")
  me_rps=$(run_wrk me "$base/api/me" "$token")
  slots_rps=$(run_wrk slots "$base/api/care/doctors/$doctor/slots?days=7" "$token")

  mkdir -p artifacts/bench
  python3 - "$bare_rps" "$health_rps" "$auth_rps" "$me_rps" "$slots_rps" artifacts/bench/api.json <<'PY'
import json, sys
bare, health, auth, me, slots = (float(v) for v in sys.argv[1:6])
ratio = lambda v: round(v / bare, 3) if bare else 0
result = {
    "tool": "wrk -t2 -c64 -d10s (after a 3 s warm-up)", "database": "SQLite", "build": "Release",
    "bare_rps": round(bare), "health_rps": round(health), "auth_rps": round(auth), "me_rps": round(me), "slots_rps": round(slots),
    "health_ratio": ratio(health), "auth_ratio": ratio(auth), "me_ratio": ratio(me), "slots_ratio": ratio(slots),
    "endpoints": {"bare": "bench/BareApi GET /", "health": "GET /health/live", "auth": "GET /api/care/hospital",
                  "me": "GET /api/me", "slots": "GET /api/care/doctors/{id}/slots?days=7"},
}
json.dump(result, open(sys.argv[6], "w"), indent=2)
print("api: bare_rps={bare_rps} health_rps={health_rps} auth_rps={auth_rps} me_rps={me_rps} slots_rps={slots_rps} auth_ratio={auth_ratio} slots_ratio={slots_ratio}".format(**result))
PY
}

if [ "$1" = api ]; then
  BARE_PID=""
  trap '[ -n "$BARE_PID" ] && kill "$BARE_PID" 2>/dev/null; cleanup' EXIT
  bench_api
  exit 0
fi

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

if [ "$1" = video-sfu ]; then
  ensure_apt chromium /usr/bin/chromium
  ensure_apt janus /usr/bin/janus
  log "Janus (throwaway, loopback, token auth)"
  janus_start "$WORK/janus"
  export IH_TEST_JANUS_API="$JANUS_API_URL" IH_TEST_JANUS_ADMIN="$JANUS_ADMIN_URL" IH_TEST_JANUS_ADMIN_SECRET="$JANUS_ADMIN_SECRET" \
    IH_TEST_JANUS_WS="$JANUS_WS_URL" IH_TEST_JANUS_REC_DIR="$JANUS_REC_DIR"
  log "Building the API with the SPA and the video benchmark (Release)"
  dotnet build bench/VideoBench -c Release -o "$WORK/videobench" -nologo -clp:ErrorsOnly >/dev/null
  mkdir -p artifacts/bench
  log "Five runs through Janus (admit click to first decoded frame on both sides), then a room of ${SFU_PARTICIPANTS:-10}"
  # Note: progress goes to stderr (shown after the run); the result line is the last line on stdout.
  if ! dotnet "$WORK/videobench/VideoBench.dll" --sfu --janus-pid "$JANUS_PID" --participants "${SFU_PARTICIPANTS:-10}" \
      --root "$ROOT" --out "$ROOT/artifacts/bench/video-sfu.json" >"$WORK/video-sfu.out" 2>"$WORK/video-sfu.err"; then
    grep -vE '^\[: |unexpected operator' "$WORK/video-sfu.err" >&2 || true
    tail -n 20 "$WORK/janus/janus.log" >&2 || true
    exit 1
  fi
  grep -E '^(run|room)[ :]' "$WORK/video-sfu.err" >&2 || true
  grep -E '^video-sfu: ' "$WORK/video-sfu.out"
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

# Note: the rush's one released day comes from a weekly session three days ahead: a one-week horizon makes it one day.
# Each patient books once there, so the anti-scalping limit stays the hospital's default.
if [ "$1" = rush ]; then BOOKING_HORIZON_WEEKS=1; BOOKING_MAX_HOLDS=3; fi

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
  Booking__MaxActiveHolds="${BOOKING_MAX_HOLDS:-100000}" \
  Booking__HorizonWeeks="${BOOKING_HORIZON_WEEKS:-27}" \
  Booking__JobInterval=00:10:00 \
  Logging__LogLevel__Default=Warning \
  Logging__LogLevel__Microsoft.AspNetCore=Warning \
  dotnet InternetHospital.Api.dll) >"$WORK/app.log" 2>&1 &
APP_PID=$!
# Note: on a busy machine the first start (migrations, seeding) can take minutes; give up only after five.
for _ in $(seq 1 600); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the API did not start:" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/health/ready" >/dev/null 2>&1 || { echo "the API was not ready after 5 minutes:" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }

if [ "$1" = rush ]; then
  log "Rush: ${RUSH_CLIENTS:-2000} patients, ${RUSH_SLOTS:-50} slots released at one instant"
  dotnet "$WORK/loadgen/BookingBench.dll" --rush --base "$BASE" --db "$DB" --out "$WORK/rush.json" \
    --clients "${RUSH_CLIENTS:-2000}" --slots "${RUSH_SLOTS:-50}" --poll-ms 1000 --before 5 --limit 90
  mkdir -p artifacts/bench
  cp "$WORK/rush.json" artifacts/bench/rush.json
  python3 - artifacts/bench/rush.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("rush: clients={clients} slots={slots} booked={booked} double={double} lost={lost} search_p50_ms={search_p50_ms} search_p99_ms={search_p99_ms} book_p50_ms={book_p50_ms} book_p99_ms={book_p99_ms} errors={errors}".format(**r))
PY
  exit 0
fi

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

log "pgbench: the SQL of one booking (bench/BookingBench/booking.pgbench, from the EF log), 200 clients, 10 s"
# Real rows for the statements' parameters: a patient and the account acting for them, another patient holding the
# inserted appointments, and a slot with its doctor and department.
read -r ACCOUNT PATIENT < <("$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ih_bench -AtF' ' -c \
  'SELECT "AccountId", "PatientId" FROM "PatientAccesses" WHERE "RevokedAt" IS NULL ORDER BY "PatientId" LIMIT 1')
HOLDER=$("$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ih_bench -Atc "SELECT \"Id\" FROM \"Patients\" WHERE \"Id\" <> '$PATIENT' LIMIT 1")
read -r SLOT DOCTOR DEPARTMENT < <("$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ih_bench -AtF' ' -c \
  'SELECT "Id", "DoctorId", "DepartmentId" FROM "Slots" ORDER BY "Start" DESC LIMIT 1')
"$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M extended -c 200 -j 2 -T 10 \
  -D account="$ACCOUNT" -D patient="$PATIENT" -D holder="$HOLDER" -D slot="$SLOT" -D doctor="$DOCTOR" -D department="$DEPARTMENT" \
  -f bench/BookingBench/booking.pgbench ih_bench >"$WORK/pgbench-booking.txt" 2>&1 \
  || { echo "pgbench (booking SQL) failed:" >&2; tail -n 20 "$WORK/pgbench-booking.txt" >&2; exit 1; }
SQL_TPS=$(awk '/^tps = / { print $3; exit }' "$WORK/pgbench-booking.txt")

mkdir -p artifacts/bench
python3 - "$WORK/app-result.json" "$PG_TPS" "$SQL_TPS" artifacts/bench/booking.json <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
pg_tps = float(sys.argv[2])
sql_tps = float(sys.argv[3])
result["pg_tps"] = round(pg_tps, 1)
result["ratio"] = round(result["rps"] / pg_tps, 3) if pg_tps else 0
result["pgbench"] = {"clients": 200, "seconds": 10, "transaction": "INSERT one row with a unique slot id"}
result["sql_tps"] = round(sql_tps, 1)
result["app_ratio"] = round(result["rps"] / sql_tps, 3) if sql_tps else 0
result["pgbench_booking_sql"] = {"clients": 200, "seconds": 10, "protocol": "extended", "script": "bench/BookingBench/booking.pgbench"}
json.dump(result, open(sys.argv[4], "w"), indent=2)
print("booking: slots={slots} clients={clients} booked={booked} double={double} lost={lost} rps={rps} p50_ms={p50_ms} p99_ms={p99_ms} pg_tps={pg_tps} ratio={ratio} sql_tps={sql_tps} app_ratio={app_ratio}".format(**result))
PY
