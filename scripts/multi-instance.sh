#!/usr/bin/env bash
# The multi-instance suite: THREE processes of the built API (`dotnet InternetHospital.Api.dll`) on one PostgreSQL and
# one Redis, behind HAProxy on a free loopback port (round-robin, WebSockets, no sticky sessions, health checks on
# /health/ready, retries with redispatch). The driver (tests/InternetHospital.MultiInstance) goes through HAProxy only:
# the sign-in limit across instances, the booking race, live notifications and a video visit across instances, hub
# connections without stickiness, jobs and outboxes doing each piece of work once, and a rolling restart (SIGTERM
# each instance in turn, start it again, wait until HAProxy sees it healthy) while 20 clients book and poll.
#
# ./test.sh runs it with its own PostgreSQL and Redis (IH_TEST_POSTGRES, IH_TEST_REDIS) after building the solution
# (--no-build). On its own, `scripts/multi-instance.sh` builds what it needs and starts its own servers.
# Last line: "multi-instance: N passed, N failed"; the exit code is non-zero if a check failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/lib.sh

NO_BUILD=""
[ "${1:-}" = "--no-build" ] && NO_BUILD=1

WORK=$(mktemp -d /tmp/ih-multi.XXXXXX)
chmod 755 "$WORK"
OWN_PG="" OWN_REDIS="" HAPROXY_PID=""
SERVERS=(s1 s2 s3)

cleanup() {
  for name in "${SERVERS[@]}"; do
    [ -f "$WORK/$name.pid" ] && kill "$(cat "$WORK/$name.pid")" 2>/dev/null
  done
  [ -n "$HAPROXY_PID" ] && kill "$HAPROXY_PID" 2>/dev/null
  for name in "${SERVERS[@]}"; do
    [ -f "$WORK/$name.pid" ] && while kill -0 "$(cat "$WORK/$name.pid")" 2>/dev/null; do sleep 0.2; done
  done
  [ -n "$OWN_REDIS" ] && redis_stop
  [ -n "$OWN_PG" ] && pg_stop "$WORK/pg"
  rm -rf "$WORK" 2>/dev/null || true
}
trap cleanup EXIT
log() { printf '== %s\n' "$*"; }
fail() { echo "$*" >&2; echo "multi-instance: 0 passed, 1 failed"; exit 1; }

command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || fail "haproxy is not installed (apt-get install haproxy)"
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)

if [ -z "$NO_BUILD" ]; then
  log "Building the API and the driver"
  dotnet build src/InternetHospital.Api -nologo -clp:ErrorsOnly -p:SkipSpaBuild=true >/dev/null || fail "the API did not build"
  dotnet build tests/InternetHospital.MultiInstance -nologo -clp:ErrorsOnly >/dev/null || fail "the driver did not build"
fi
APP_DIR="$ROOT/src/InternetHospital.Api/bin/Debug/net10.0"
DRIVER="$ROOT/tests/InternetHospital.MultiInstance/bin/Debug/net10.0/InternetHospital.MultiInstance.dll"
[ -f "$APP_DIR/InternetHospital.Api.dll" ] && [ -f "$DRIVER" ] || fail "build outputs missing: run without --no-build"

if [ -z "${IH_TEST_POSTGRES:-}" ]; then
  pg_start "$WORK/pg" || fail "could not start PostgreSQL"
  OWN_PG=1; IH_TEST_POSTGRES="$PG_CONN"
fi
if [ -z "${IH_TEST_REDIS:-}" ]; then
  redis_start "$WORK/redis" || fail "could not start Redis"
  OWN_REDIS=1; IH_TEST_REDIS="127.0.0.1:$REDIS_PORT"
fi
DB="$IH_TEST_POSTGRES;Database=ih_multi_$(date +%s)_$RANDOM"

LB_PORT=$(free_port); STATS_PORT=$(free_port)
LB="http://127.0.0.1:$LB_PORT"
# Development: the demo hospital (doctors, the admin) is seeded. Everything else as a real site behind a proxy: PostgreSQL,
# Redis, migrations by the `migrate` command before the instances start, one data directory (keys, mail) for all, the
# balancer trusted for X-Forwarded-For. Shorter intervals so jobs run while the suite watches: holds lapse after a minute, the
# booking job runs every 2 s, the outboxes are polled every second.
{
  printf 'export APP_DIR=%q WORK=%q LB=%q STATS=%q\n' "$APP_DIR" "$WORK" "$LB" "http://127.0.0.1:$STATS_PORT/"
  for name in "${SERVERS[@]}"; do printf 'export PORT_%s=%s\n' "$name" "$(free_port)"; done
  printf 'export %s\n' \
    ASPNETCORE_ENVIRONMENT=Development \
    Database__Provider=PostgreSQL \
    Database__MigrateOnStartup=false \
    "Storage__DataDirectory=$WORK/data" \
    "Redis__ConnectionString=$IH_TEST_REDIS" \
    "Auth__SpaOrigins__0=$LB" \
    Auth__AllowInsecureHttp=true \
    Auth__AccessTokenLifetime=00:30:00 \
    "Hospital__PublicUrl=$LB" \
    ReverseProxy__KnownProxies__0=127.0.0.1 \
    Booking__HoldDuration=00:01:00 \
    Booking__JobInterval=00:00:02 \
    Booking__MaxActiveHolds=100000 \
    Booking__HorizonWeeks=27 \
    His__Outbox__PollInterval=00:00:01 \
    Email__PollInterval=00:00:01 \
    Logging__LogLevel__Default=Warning
  printf 'export Database__ConnectionString=%q\n' "$DB;Maximum Pool Size=40"
} >"$WORK/instance.env"

# instance.sh start|stop|restart|ready NAME: one API process; `restart` is what the rolling restart does to each.
cat >"$WORK/instance.sh" <<'SH'
#!/usr/bin/env bash
set -uo pipefail
source "$(dirname "$0")/instance.env"
name=$2; port_var="PORT_$name"; port=${!port_var}
start() {
  (cd "$APP_DIR" && Urls="http://127.0.0.1:$port" exec dotnet InternetHospital.Api.dll) >>"$WORK/$name.log" 2>&1 &
  echo $! >"$WORK/$name.pid"
}
stop() { # SIGTERM, then wait for the process to finish its in-flight requests and exit
  local pid; pid=$(cat "$WORK/$name.pid")
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "$name did not stop within 60 s" >&2; return 1
}
ready() { # the instance answers /health/ready, and HAProxy has marked it UP again
  local pid; pid=$(cat "$WORK/$name.pid")
  for _ in $(seq 1 1200); do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited:" >&2; tail -n 30 "$WORK/$name.log" >&2; return 1; }
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 \
      && curl -fs "${STATS};csv" 2>/dev/null | awk -F, -v n="$name" '$1 == "api" && $2 == n && $18 == "UP" { ok = 1 } END { exit !ok }'; then
      return 0
    fi
    sleep 0.25
  done
  echo "$name was not ready within 5 minutes" >&2; return 1
}
case "$1" in
  start) start ;;
  stop) stop ;;
  ready) ready ;;
  restart) stop && start && ready ;;
esac
SH
chmod +x "$WORK/instance.sh"
source "$WORK/instance.env"

cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 4000
  pidfile $WORK/haproxy.pid

defaults
  mode http
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  timeout tunnel 1h
  timeout http-keep-alive 10s
  # An instance going away: a connection it refuses, or one it closes before answering, is sent to another instance.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response 503

frontend portal
  bind 127.0.0.1:$LB_PORT
  option forwardfor
  default_backend api

backend api
  balance roundrobin
  option httpchk GET /health/ready
  http-check expect status 200
  # Note: three failed checks in a row before an instance is out: on a loaded machine a slow answer is not a dead
  # instance (with one failure, all three were once marked down together and HAProxy answered 503 itself). A stopped
  # instance refuses connections at once anyway, and those requests are retried on another.
  timeout check 5s
  default-server inter 1s fall 3 rise 2
  # Test only: the driver names an instance to put two people on different ones on purpose.
$(for name in "${SERVERS[@]}"; do echo "  use-server $name if { req.hdr(X-Pin-Server) -m str $name }"; done)
  http-response set-header X-Served-By %[srv_name]
$(for name in "${SERVERS[@]}"; do port_var="PORT_$name"; echo "  server $name 127.0.0.1:${!port_var} check"; done)

frontend stats
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /
CFG

log "Migrating and seeding the database once (InternetHospital.Api migrate)"
(cd "$APP_DIR" && dotnet InternetHospital.Api.dll migrate) >"$WORK/migrate.log" 2>&1 || { tail -n 30 "$WORK/migrate.log" >&2; fail "migrate failed"; }

log "Starting ${#SERVERS[@]} API instances and HAProxy on $LB"
for name in "${SERVERS[@]}"; do "$WORK/instance.sh" start "$name"; done
"$HAPROXY" -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
for name in "${SERVERS[@]}"; do "$WORK/instance.sh" ready "$name" & done
for job in $(jobs -p | grep -v "^$HAPROXY_PID\$"); do wait "$job" || fail "an instance did not start"; done
kill -0 "$HAPROXY_PID" 2>/dev/null || { cat "$WORK/haproxy.log" >&2; fail "HAProxy did not start"; }

log "Driver: everything through $LB"
dotnet "$DRIVER" --lb "$LB" --db "$DB" --stats "$STATS" --instance-script "$WORK/instance.sh" --mail "$WORK/data/mail" \
  --servers "$(IFS=,; echo "${SERVERS[*]}")" 2> >(grep -vE '^\s*$' >&2) | tee "$WORK/driver.out"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  for name in "${SERVERS[@]}"; do
    echo "--- $name (errors)" >&2
    grep -E "fail|error|crit|Exception" -i "$WORK/$name.log" | head -n 20 >&2 || true
  done
fi
grep -q '^multi-instance: ' "$WORK/driver.out" || echo "multi-instance: 0 passed, 1 failed"
exit "$status"
