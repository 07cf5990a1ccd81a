#!/usr/bin/env bash
# Backup and restore, end to end, through the portal's own HTTP API (./test.sh runs it; it ends with "N passed, N failed").
#
#  1. A throwaway PostgreSQL cluster; the portal (built API, Development: migrations and demo hospital) starts on it
#     with a key-ring key K1. Through HTTP: a patient registers (data that exists only in this database) and the demo
#     patient signs in.
#  2. scripts/backup.sh dumps it; the portal and the cluster are stopped (nothing can be read from them any more).
#  3. A FRESH cluster; scripts/restore.sh restores the archive into two new databases.
#  4. The portal starts on the first with K1 and without demo seeding (so whatever it shows came from the archive):
#     both accounts sign in, the registered patient is there with their masked ID number, and the demo patient's ID
#     number is readable: the HIS link is asked again (the test clears it in SQL first) and the embedded demo HIS,
#     searched by the number the portal decrypted, finds him.
#  5. The portal refuses to start on the second with another key-ring key: it stops before serving and its log names
#     the key-ring key the ring was written under (running on, every ID number would be unreadable).
#
#   tests/backup-restore.sh [API_DLL]    (default: the Debug build of src/InternetHospital.Api)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/lib.sh

API_DLL="${1:-$ROOT/src/InternetHospital.Api/bin/Debug/net10.0/InternetHospital.Api.dll}"
WORK=$(mktemp -d /tmp/ih-backup.XXXXXX)
chmod 755 "$WORK"
PASSED=0
FAILED=0
APP_PID=""
SOURCE_PG="" TARGET_PG=""

cleanup() {
  stop_portal
  [ -n "$SOURCE_PG" ] && pg_stop "$SOURCE_PG"
  [ -n "$TARGET_PG" ] && pg_stop "$TARGET_PG"
  rm -rf "$WORK" 2>/dev/null || true
}
trap cleanup EXIT

check() { # check "what" CONDITION-EXIT-CODE [detail]
  if [ "$2" -eq 0 ]; then PASSED=$((PASSED + 1)); echo "PASS  $1"; else FAILED=$((FAILED + 1)); echo "FAIL  $1${3:+: $3}"; fi
}

finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
  exit $?
}

b64key() { python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())'; }
KEY_RING_K1=$(b64key)
KEY_RING_K2=$(b64key)
IDENTIFIER_HASH_KEY=$(b64key)
AUDIT_CHAIN_KEY=$(b64key)

# start_portal NAME CONNECTION-STRING KEY-RING-KEY DEMO-DATA: the built API in Development on a free port; sets BASE.
start_portal() {
  local name="$1" connection="$2" key="$3" demo="$4" port
  port=$(free_port)
  BASE="http://127.0.0.1:$port"
  APP_LOG="$WORK/$name.log"
  # Note: Development keeps the demo stand-ins (embedded HIS, simulated payments) and generates the token keys into
  # the data directory; each start gets a fresh data directory, as a new machine would. The key-ring, identifier
  # and audit keys are given, as a real site's secret store would.
  (exec env \
    ASPNETCORE_ENVIRONMENT=Development \
    Urls="$BASE" \
    Database__Provider=PostgreSQL \
    Database__ConnectionString="$connection" \
    Database__MigrateOnStartup=true \
    DemoData__Enabled="$demo" \
    Storage__DataDirectory="$WORK/data-$name" \
    Security__KeyRingKey="$key" \
    Security__IdentifierHashKey="$IDENTIFIER_HASH_KEY" \
    Security__AuditChainKey="$AUDIT_CHAIN_KEY" \
    Auth__SpaOrigins__0="$BASE" \
    Auth__AllowInsecureHttp=true \
    His__Outbox__DispatcherEnabled=false \
    Logging__LogLevel__Default=Warning \
    dotnet "$API_DLL") >"$APP_LOG" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "the portal ($name) did not start; its log:" >&2
  tail -n 30 "$APP_LOG" >&2
  return 1
}

stop_portal() {
  [ -n "$APP_PID" ] || return 0
  kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  APP_PID=""
}

token() { python3 bench/api/token.py "$BASE" "$1" "$2" 2>>"$WORK/token.err"; }

# api METHOD PATH TOKEN [JSON-BODY]: prints the body, then the status on the last line.
api() {
  local method="$1" path="$2" bearer="$3" body="${4:-}"
  local args=(-s -X "$method" -H "Authorization: Bearer $bearer" -w '\n%{http_code}')
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  curl "${args[@]}" "$BASE$path"
}

status_of() { tail -n 1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }
json() { python3 -c 'import json, sys; data = json.load(sys.stdin); print(eval(sys.argv[1], {"d": data}))' "$1"; }

[ -f "$API_DLL" ] || { echo "the API is not built ($API_DLL): dotnet build src/InternetHospital.Api"; check "the API is built" 1; finish; }

# --- 1. the source site ------------------------------------------------------------------------------------------
pg_start "$WORK/pg-source" || { check "a source PostgreSQL cluster starts" 1; finish; }
SOURCE_PG="$WORK/pg-source"
SOURCE_CONN="host=127.0.0.1 port=$PG_PORT user=postgres dbname=internethospital"
start_portal source "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=internethospital" "$KEY_RING_K1" true
check "the portal starts on PostgreSQL and seeds the demo hospital" $?
[ -n "$APP_PID" ] || finish

# A patient registers through the API: this person exists only in the source database.
first17="11010119900307003"
REGISTERED_ID=$(python3 -c "
w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; s = sum(int(a) * b for a, b in zip('$first17', w)); print('$first17' + '10X98765432'[s % 11])")
REGISTERED_EMAIL="restore-$(date +%s)@example.test"
registration=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' --data "{
  \"fullName\": \"备份测试\", \"idType\": \"ResidentId\", \"idNumber\": \"$REGISTERED_ID\", \"dateOfBirth\": \"1990-03-07\",
  \"sex\": \"Male\", \"mobile\": \"13912345678\", \"email\": \"$REGISTERED_EMAIL\", \"password\": \"Restore-Pass-2026\",
  \"preferredLanguage\": \"zh-CN\" }" "$BASE/api/account/register")
[ "$(status_of "$registration")" = "201" ]
check "a patient registers on the source site" $? "$registration"

ZHANG=$(token zhangwei@demo.test Demo-Pass-2026)
me=$(api GET /api/me "$ZHANG")
ZHANG_PATIENT=$(body_of "$me" | json 'next(p["id"] for p in d["patients"] if p["name"] == "张伟")' 2>/dev/null)
[ -n "$ZHANG_PATIENT" ]
check "the demo patient signs in on the source site" $? "$me"
stop_portal

# --- 2. backup -----------------------------------------------------------------------------------------------------
ARCHIVE=$(scripts/backup.sh --dbname "$SOURCE_CONN" --dir "$WORK/backups" 2>"$WORK/backup.err")
[ -n "$ARCHIVE" ] && [ -s "$ARCHIVE" ] && [ -f "$ARCHIVE.sha256" ]
check "scripts/backup.sh writes a checked archive" $? "$(cat "$WORK/backup.err")"
pg_stop "$SOURCE_PG"; SOURCE_PG=""
echo "      archive: $(basename "$ARCHIVE"), $(stat -c %s "$ARCHIVE") bytes; the source cluster is stopped"

# --- 3. restore into a fresh cluster ------------------------------------------------------------------------------
pg_start "$WORK/pg-target" || { check "a fresh PostgreSQL cluster starts" 1; finish; }
TARGET_PG="$WORK/pg-target"
TARGET_PORT=$PG_PORT
psql -X -q -h 127.0.0.1 -p "$TARGET_PORT" -U postgres -d postgres -c "CREATE DATABASE restored" -c "CREATE DATABASE restored_other_key"
scripts/restore.sh --dbname "host=127.0.0.1 port=$TARGET_PORT user=postgres dbname=restored" "$ARCHIVE" >"$WORK/restore.log" 2>&1 \
  && scripts/restore.sh --dbname "host=127.0.0.1 port=$TARGET_PORT user=postgres dbname=restored_other_key" "$ARCHIVE" >>"$WORK/restore.log" 2>&1
check "scripts/restore.sh restores the archive into a fresh cluster" $? "$(tail -n 5 "$WORK/restore.log")"

scripts/restore.sh --dbname "host=127.0.0.1 port=$TARGET_PORT user=postgres dbname=restored" "$ARCHIVE" >"$WORK/restore-again.log" 2>&1
[ $? -ne 0 ] && grep -q "restore into a new, empty database" "$WORK/restore-again.log"
check "scripts/restore.sh refuses a database that is not empty" $? "$(cat "$WORK/restore-again.log")"

# The demo patient is linked to the demo HIS already: unlink him, so that the portal has to find him in the HIS again
# by his ID number, which it can only do by decrypting it.
for db in restored restored_other_key; do
  psql -X -q -h 127.0.0.1 -p "$TARGET_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 \
    -c "UPDATE \"Patients\" SET \"HisPatientId\" = NULL WHERE \"Id\" = '$ZHANG_PATIENT'" >/dev/null
done

# --- 4. the portal on the restored database, with the site's key-ring key ----------------------------------------
start_portal restored "Host=127.0.0.1;Port=$TARGET_PORT;Username=postgres;Database=restored" "$KEY_RING_K1" false
check "the portal starts on the restored database (no demo seeding)" $?
if [ -n "$APP_PID" ]; then
  REGISTERED=$(token "$REGISTERED_EMAIL" Restore-Pass-2026)
  me=$(api GET /api/me "$REGISTERED")
  [ "$(status_of "$me")" = "200" ] && [ "$(body_of "$me" | json 'd["patients"][0]["name"] + " " + d["patients"][0]["maskedIdNumber"]')" = "备份测试 ${REGISTERED_ID:0:4}**********${REGISTERED_ID: -4}" ]
  check "the patient registered before the backup signs in and sees their record" $? "$me"

  ZHANG=$(token zhangwei@demo.test Demo-Pass-2026)
  link=$(api POST "/api/patients/$ZHANG_PATIENT/his-link" "$ZHANG")
  [ "$(status_of "$link")" = "200" ] && [ "$(body_of "$link" | json 'd["outcome"]')" = "Linked" ]
  check "an encrypted ID number is readable with the key-ring key (the HIS finds the patient by it)" $? "$link"
  stop_portal
fi

# --- 5. the same archive with another key-ring key ----------------------------------------------------------------
start_portal other-key "Host=127.0.0.1;Port=$TARGET_PORT;Username=postgres;Database=restored_other_key" "$KEY_RING_K2" false 2>/dev/null
started=$?
[ "$started" -ne 0 ] && ! kill -0 "$APP_PID" 2>/dev/null
check "the portal does not start on the restored database with another key-ring key" $? "$(tail -n 5 "$APP_LOG")"
grep -q "key ring cannot be read" "$APP_LOG" && grep -q "which is not configured" "$APP_LOG"
check "its log says the key ring cannot be read and which key-ring key it was written under" $? \
  "$(grep -m1 -o 'key-ring key[^.]*' "$APP_LOG" || echo 'no key-ring message in the log')"
[ "$started" -eq 0 ] && stop_portal
APP_PID=""

finish
