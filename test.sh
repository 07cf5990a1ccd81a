#!/usr/bin/env bash
# Runs every test suite: vitest (web/), unit and integration tests (SQLite and PostgreSQL, and two API instances
# sharing PostgreSQL and a Redis backplane), Playwright E2E against the app on a free port with Debian's Chromium, and
# the multi-instance suite (three API processes behind HAProxy). Installs what a fresh machine lacks, starts and stops
# its own servers, and ends with one line: "N passed, N failed". Exit code is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
source scripts/lib.sh

WORK=$(mktemp -d /tmp/ih-test.XXXXXX)
chmod 755 "$WORK"
PASSED=0
FAILED=0
SUITES=()

cleanup() {
  janus_stop
  orthanc_stop
  redis_stop
  smtp_stop
  pg_stop
  rm -rf "$WORK" 2>/dev/null || true
}
trap cleanup EXIT

record() { # record SUITE PASSED FAILED
  PASSED=$((PASSED + $2)); FAILED=$((FAILED + $3))
  SUITES+=("$(printf '%-22s %4d passed, %d failed' "$1" "$2" "$3")")
}

step() { printf '\n== %s\n' "$*"; }

step "Prerequisites"
ensure_apt postgresql "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -n 1 || echo /nonexistent)"
ensure_apt chromium /usr/bin/chromium
ensure_apt redis-server redis-server
ensure_apt orthanc /usr/sbin/Orthanc
ensure_apt orthanc-dicomweb /usr/share/orthanc/plugins/libOrthancDicomWeb.so
ensure_apt dcmtk dump2dcm
ensure_apt haproxy /usr/sbin/haproxy
ensure_apt janus /usr/bin/janus
ensure_apt janus-tools /usr/bin/janus-pp-rec
ensure_apt ffmpeg /usr/bin/ffmpeg
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; exit 1; }
(cd web && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed"; exit 1; }

step "PostgreSQL (throwaway cluster)"
pg_start "$WORK/pg" || { echo "could not start PostgreSQL"; exit 1; }
export IH_TEST_POSTGRES="$PG_CONN"
echo "listening on 127.0.0.1:$PG_PORT"

step "Redis (SignalR backplane for the two-instance test)"
redis_start "$WORK/redis" || { echo "could not start Redis"; exit 1; }
export IH_TEST_REDIS="127.0.0.1:$REDIS_PORT"
echo "listening on $IH_TEST_REDIS"

step "SMTP server (smtp4dev)"
smtp_start "$WORK/smtp" || { echo "could not start smtp4dev"; exit 1; }
export IH_TEST_SMTP="127.0.0.1:$SMTP_PORT" IH_TEST_SMTP_API="$SMTP_API"
echo "SMTP on $IH_TEST_SMTP, API $IH_TEST_SMTP_API"

step "PACS (Orthanc with DICOMweb)"
orthanc_start "$WORK/orthanc" || { echo "could not start Orthanc"; exit 1; }
export IH_TEST_ORTHANC_URL="$ORTHANC_URL" IH_TEST_ORTHANC_USER="$ORTHANC_USER" IH_TEST_ORTHANC_PASS="$ORTHANC_PASS"
echo "DICOMweb on $IH_TEST_ORTHANC_URL"

step "Media server (Janus, VideoRoom)"
janus_start "$WORK/janus" || { echo "could not start Janus"; exit 1; }
export IH_TEST_JANUS_API="$JANUS_API_URL" IH_TEST_JANUS_ADMIN="$JANUS_ADMIN_URL" IH_TEST_JANUS_ADMIN_SECRET="$JANUS_ADMIN_SECRET" \
  IH_TEST_JANUS_WS="$JANUS_WS_URL" IH_TEST_JANUS_REC_DIR="$JANUS_REC_DIR"
echo "Janus API $IH_TEST_JANUS_API, WebSocket $IH_TEST_JANUS_WS"

step "Front end: vitest"
if (cd web && npx vitest run --reporter=default --reporter=json --outputFile="$WORK/vitest.json"); then :; fi
if [ -f "$WORK/vitest.json" ]; then
  read -r p f < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["numPassedTests"], r["numFailedTests"] + r.get("numRuntimeErrorTestSuites",0) + (0 if r["success"] or r["numFailedTests"] else 1))' "$WORK/vitest.json")
  record "web (vitest)" "$p" "$f"
else
  record "web (vitest)" 0 1
fi

step "Front end: lint (tsc, ESLint: typescript-eslint, react-hooks, jsx-a11y, feature boundaries)"
if (cd web && npm run --silent lint); then record "web (lint)" 1 0; else record "web (lint)" 0 1; fi

step "Build (API, SPA, tests)"
if ! dotnet build InternetHospital.sln -nologo -clp:ErrorsOnly; then
  record "build" 0 1
  printf '\n%s\n' "${SUITES[@]}"
  echo "$PASSED passed, $FAILED failed"
  exit 1
fi

run_dotnet_tests() { # run_dotnet_tests NAME PROJECT
  local name="$1" project="$2" trx="$WORK/$1.trx"
  step "$name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$trx" --logger "console;verbosity=normal" 2>&1 \
    | grep -vE '^\s*$|^\[: |unexpected operator' || true
  if [ -f "$trx" ]; then
    read -r p f < <(python3 - "$trx" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<Counters\b([^>]*)/>', text)
attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(1))) if m else {}
passed = int(attrs.get("passed", 0))
failed = int(attrs.get("failed", 0)) + int(attrs.get("error", 0)) + int(attrs.get("timeout", 0)) + int(attrs.get("aborted", 0))
# A skipped test is a defect here: count it as failed.
failed += int(attrs.get("notExecuted", 0))
print(passed, failed if m else 1)
PY
)
    record "$name" "$p" "$f"
  else
    record "$name" 0 1
  fi
}

run_dotnet_tests "unit" tests/InternetHospital.UnitTests
run_dotnet_tests "integration" tests/InternetHospital.IntegrationTests
run_dotnet_tests "e2e" tests/InternetHospital.E2ETests

step "Multi-instance: three API processes behind HAProxy (scripts/multi-instance.sh)"
scripts/multi-instance.sh --no-build 2>&1 | tee "$WORK/multi-instance.out"
read -r p f < <(sed -n 's/^multi-instance: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$WORK/multi-instance.out" | tail -n 1)
record "multi-instance" "${p:-0}" "${f:-1}"
# --- Operations: Kubernetes manifests, backups (issue 19) ---------------------------------------------------------
# Each suite prints PASS/FAIL lines and ends with "N passed, N failed", recorded as such.
record_script() { # record_script NAME COMMAND...
  local name="$1" out p="" f=""
  out="$WORK/suite-${name//[^a-z0-9]/-}.out"; shift
  "$@" 2>&1 | tee "$out"
  read -r p f < <(tail -n 1 "$out" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p'; echo)
  if [ -n "$p" ]; then record "$name" "$p" "$f"; else record "$name" 0 1; fi
}

step "Kubernetes manifests: render the overlays (kubectl kustomize), validate against the Kubernetes 1.36 schemas"
# kubectl (with kustomize v5) comes with the machine image; Debian's kubernetes-client (1.20) is only a fallback.
ensure_apt kubernetes-client kubectl
K8S_PYTHON=python3
if ! python3 -c 'import yaml, jsonschema' 2>/dev/null; then
  ensure_apt python3-yaml /usr/lib/python3/dist-packages/yaml
  ensure_apt python3-jsonschema /usr/lib/python3/dist-packages/jsonschema
  K8S_PYTHON=/usr/bin/python3
fi
record_script "k8s manifests" "$K8S_PYTHON" infra/k8s/validate.py --self-test
step "Kubernetes overlays' settings: the migrate command and the API start with them (as Production)"
record_script "k8s settings" env K8S_PYTHON="$K8S_PYTHON" tests/k8s-env.sh

step "Backup and restore: pg_dump, a fresh cluster, the portal on the restored data"
record_script "backup/restore" tests/backup-restore.sh

step "Dependencies: known-vulnerable NuGet and npm packages"
if scripts/audit-deps.sh; then record "dependency audit" 1 0; else record "dependency audit" 0 1; fi

printf '\n'
printf '%s\n' "${SUITES[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
