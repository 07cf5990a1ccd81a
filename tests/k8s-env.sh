#!/usr/bin/env bash
# Does the configuration the Kubernetes overlays give the API actually start it? (./test.sh runs it; it ends with
# "N passed, N failed".) The schemas cannot tell a misspelt setting name or a missing required secret: the API can.
#
# For each overlay: render it (kubectl kustomize), take the API container's environment as Kubernetes would build it
# (its ConfigMap, literal values, and a generated value of the right kind for every Secret key it names), then run
# `InternetHospital.Api migrate` (the Job's command) and start the API with it, as Production, on PostgreSQL and Redis
# on loopback. Only addresses are replaced, so that nothing is sent off this machine: the database and Redis, and the
# HIS, PACS, SMTP and Stripe endpoints point at a closed loopback port (their names and adapters stay as rendered).
#
#   tests/k8s-env.sh [API_DLL]    (default: the Debug build of src/InternetHospital.Api)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/lib.sh

API_DLL="${1:-$ROOT/src/InternetHospital.Api/bin/Debug/net10.0/InternetHospital.Api.dll}"
PYTHON="${K8S_PYTHON:-python3}"
WORK=$(mktemp -d /tmp/ih-k8s-env.XXXXXX)
PASSED=0
FAILED=0
APP_PID=""
OWN_PG="" OWN_REDIS=""

cleanup() {
  [ -n "$APP_PID" ] && kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [ -n "$OWN_PG" ] && pg_stop "$OWN_PG"
  [ -n "$OWN_REDIS" ] && redis_stop
  rm -rf "$WORK" 2>/dev/null || true
}
trap cleanup EXIT

check() { # check "what" EXIT-CODE [detail]
  if [ "$2" -eq 0 ]; then PASSED=$((PASSED + 1)); echo "PASS  $1"; else FAILED=$((FAILED + 1)); echo "FAIL  $1${3:+: $3}"; fi
}

[ -f "$API_DLL" ] || { check "the API is built ($API_DLL)" 1; echo "$PASSED passed, $FAILED failed"; exit 1; }

# PostgreSQL and Redis: test.sh's when it runs this, else our own.
if [ -z "${IH_TEST_POSTGRES:-}" ]; then
  pg_start "$WORK/pg" || { check "PostgreSQL starts" 1; echo "$PASSED passed, $FAILED failed"; exit 1; }
  OWN_PG="$WORK/pg"; IH_TEST_POSTGRES="$PG_CONN"
fi
if [ -z "${IH_TEST_REDIS:-}" ]; then
  redis_start "$WORK/redis" || { check "Redis starts" 1; echo "$PASSED passed, $FAILED failed"; exit 1; }
  OWN_REDIS=1; IH_TEST_REDIS="127.0.0.1:$REDIS_PORT"
fi

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/signing.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/encryption.pem" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/health-code.pem" 2>/dev/null

for overlay in dev production; do
  database="ih_k8s_${overlay}_$$"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  # The container's environment, one NAME=VALUE per line (NUL-separated), as the kubelet would set it.
  if ! OVERLAY="$overlay" WORK="$WORK" DATABASE="$IH_TEST_POSTGRES;Database=$database" REDIS="$IH_TEST_REDIS" BASE="$base" \
      "$PYTHON" - >"$WORK/$overlay.env" 2>"$WORK/$overlay.env.err" <<'PY'
import base64, os, secrets, sys
sys.path.insert(0, "infra/k8s")
import validate

work = os.environ["WORK"]
resources = validate.render(os.path.join("infra/k8s/overlays", os.environ["OVERLAY"]))
config_maps = {c["metadata"]["name"]: c.get("data") or {} for c in validate.by_kind(resources, "ConfigMap")}
container = validate.named(resources, "Deployment", "internethospital-api")["spec"]["template"]["spec"]["containers"][0]


def pem(name):
    return open(os.path.join(work, name), encoding="ascii").read()


# One value of the right kind for each key of internethospital-secrets (infra/README.md, "Production rollout").
SECRETS = {
    "database-connection-string": os.environ["DATABASE"],
    "redis-connection-string": os.environ["REDIS"],
    "auth-signing-key": pem("signing.pem"),
    "auth-encryption-key": pem("encryption.pem"),
    "health-code-signing-key": pem("health-code.pem"),
    "identifier-hash-key": base64.b64encode(secrets.token_bytes(32)).decode(),
    "key-ring-key": base64.b64encode(secrets.token_bytes(32)).decode(),
    "audit-chain-key": base64.b64encode(secrets.token_bytes(32)).decode(),
    "turn-secret": secrets.token_hex(32),
    "janus-admin-secret": secrets.token_hex(32),
    "stripe-secret-key": "sk_test_not_a_real_key",
    "stripe-webhook-secret": "whsec_test_not_a_real_secret",
    "sms-access-key-id": "LTAI_test_not_a_real_key",
    "sms-access-key-secret": secrets.token_hex(15),
}
env = {}
for source in container.get("envFrom", []):
    env.update(config_maps[source["configMapRef"]["name"]])
missing = []
for e in container.get("env", []):
    if "value" in e:
        env[e["name"]] = e["value"]
        continue
    ref = e["valueFrom"].get("secretKeyRef") or {}
    if ref.get("optional"):
        continue
    if ref.get("key") not in SECRETS:
        missing.append(f"{e['name']} <- {ref.get('name')}/{ref.get('key')}")
        continue
    env[e["name"]] = SECRETS[ref["key"]]
if missing:
    sys.exit("no test value for: " + ", ".join(missing))

# Addresses only: loopback, and a closed port for everything outside the cluster.
closed = "http://127.0.0.1:9"
env.update({
    "ASPNETCORE_URLS": os.environ["BASE"],
    "HOME": os.path.join(work, "home-" + os.environ["OVERLAY"]),
    "Storage__DataDirectory": os.path.join(work, "data-" + os.environ["OVERLAY"]),
    "Audit__CheckpointDirectory": os.path.join(work, "audit-" + os.environ["OVERLAY"]),
    "Logging__Console__FormatterName": "simple",
    "His__Outbox__DispatcherEnabled": "false",
    "Payments__Stripe__ApiBase": closed,
})
for key in ("His__FhirReader__BaseUrl", "Imaging__DicomWeb__BaseUrl", "Video__Janus__ApiUrl", "Video__Janus__AdminUrl"):
    if key in env:
        env[key] = closed + "/" + env[key].split("/", 3)[3]
for key in ("His__Mllp__Host", "Email__Smtp__Host"):
    if key in env:
        env[key] = "127.0.0.1"
for key in ("His__Mllp__Port", "Email__Smtp__Port"):
    if key in env:
        env[key] = "9"
sys.stdout.write("".join(f"{k}={v}\0" for k, v in env.items()))
PY
  then
    check "$overlay: the API container's environment can be built" 1 "$(cat "$WORK/$overlay.env.err")"
    continue
  fi
  mkdir -p "$WORK/home-$overlay" "$WORK/data-$overlay" "$WORK/audit-$overlay"
  mapfile -d '' ENV_LINES <"$WORK/$overlay.env"

  # The migrations Job's command, with the Job's environment (validate.py checks it equals the API's).
  env -i PATH="$PATH" ${DOTNET_ROOT:+DOTNET_ROOT="$DOTNET_ROOT"} "${ENV_LINES[@]}" dotnet "$API_DLL" migrate >"$WORK/$overlay-migrate.log" 2>&1
  [ $? -eq 0 ] && grep -q "Database is up to date." "$WORK/$overlay-migrate.log"
  check "$overlay: \`InternetHospital.Api migrate\` succeeds with the overlay's settings" $? "$(tail -n 15 "$WORK/$overlay-migrate.log")"

  (exec env -i PATH="$PATH" ${DOTNET_ROOT:+DOTNET_ROOT="$DOTNET_ROOT"} "${ENV_LINES[@]}" dotnet "$API_DLL") >"$WORK/$overlay-api.log" 2>&1 &
  APP_PID=$!
  ready=1
  for _ in $(seq 1 600); do
    curl -fs "$base/health/ready" >/dev/null 2>&1 && { ready=0; break; }
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  check "$overlay: the API starts as Production with the overlay's settings and is ready (/health/ready)" $ready "$(tail -n 15 "$WORK/$overlay-api.log")"
  if [ $ready -eq 0 ]; then
    stand_ins=$(curl -fs "$base/api/site")
    in_use=$("$PYTHON" -c 'import json, sys; print(",".join(sorted(json.load(sys.stdin)["developmentStandIns"])))' <<<"$stand_ins")
    if [ "$overlay" = production ]; then
      [ -z "$in_use" ] && [ -n "$stand_ins" ]
      check "production: no development stand-in is in use (GET /api/site: $stand_ins)" $?
    else
      # The staging banner's source: simulated payments, the demo HIS and SMS to a folder, named as such.
      [ "$in_use" = "his,payments,sms" ]
      check "dev: the stand-ins are in use and announced (GET /api/site: $stand_ins)" $?
    fi
  fi
  kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  APP_PID=""
done

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
