#!/usr/bin/env bash
# Runs every test suite: vitest (web/), unit and integration tests (SQLite and PostgreSQL, and two API instances
# sharing PostgreSQL and a Redis backplane), Playwright E2E against the app on a free port with Debian's Chromium, and
# the multi-instance suite (three API processes behind HAProxy). Installs what a fresh machine lacks, starts and stops
# its own servers, and ends with one line: "N passed, N failed". Exit code is non-zero if anything failed.
# Suites that do not share servers run side by side to keep the whole run short on two cores: vitest and lint beside
# the build; the operations suites (Kubernetes, backups, dependency audit) beside unit and integration tests; the
# multi-instance suite beside the integration tests. The E2E tests run alone (their browsers wait on timeouts). A
# background suite's output is printed, whole, when it ends.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
source scripts/lib.sh

WORK=$(mktemp -d /tmp/ih-test.XXXXXX)
chmod 755 "$WORK"
PASSED=0
FAILED=0
SUITES=()

BACKGROUND=()
cleanup() {
  for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null || true; done
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

# background JOB COMMAND...: run suites beside the others (JOB is a shell function or command); collect JOB OUT LABEL
# waits for it and prints $WORK/OUT.out, whose last "N passed, N failed" line is the suite's result.
declare -A JOBS=()
background() {
  local job="$1"; shift
  "$@" &
  JOBS[$job]=$!
  BACKGROUND+=("$!")
}
collect() {
  local job="$1" out="$WORK/$2.out" label="$3" p="" f=""
  wait "${JOBS[$job]}" 2>/dev/null || true
  step "$label (ran beside the others; its output as it printed it)"
  cat "$out" 2>/dev/null
  read -r p f < <(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$out" 2>/dev/null | tail -n 1; echo)
  if [ -n "$p" ]; then record "$label" "$p" "$f"; else record "$label" 0 1; fi
  grep -E '^\s*(FAIL|✗)' "$out" 2>/dev/null | sed "s/^/  $label: /" >>"$WORK/failures.txt" || true
}
# A script suite writing to $WORK/NAME.out; its result line is added if the script ends without one (it crashed).
suite() { # suite NAME COMMAND...
  local out="$WORK/$1.out"; shift
  "$@" >"$out" 2>&1
  tail -n 1 "$out" | grep -qE '^[0-9]+ passed, [0-9]+ failed$' || echo "0 passed, 1 failed" >>"$out"
}

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
# The scraper of the collector test (CollectorTests); its OTLP collector, the Aspire Dashboard, comes with the restore.
ensure_apt prometheus /usr/bin/prometheus
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; exit 1; }

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

# Front-end suites, beside the .NET build.
vitest_suite() {
  (cd web && npx vitest run --reporter=default --reporter=json --outputFile="$WORK/vitest.json") || true
  if [ -f "$WORK/vitest.json" ]; then
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["numPassedTests"], "passed,", r["numFailedTests"] + r.get("numRuntimeErrorTestSuites",0) + (0 if r["success"] or r["numFailedTests"] else 1), "failed")' "$WORK/vitest.json"
  else
    echo "0 passed, 1 failed"
  fi
}
lint_suite() {
  echo "tsc, ESLint: typescript-eslint, react-hooks, jsx-a11y, feature boundaries"
  if (cd web && npm run --silent lint); then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
}
front_end() { suite vitest vitest_suite; suite lint lint_suite; }

# The SPA (npm ci, npm run build: tsc, vite), then vitest and lint, one after another in the background beside the
# .NET build, which skips its own SPA step (-p:SkipSpaBuild=true): before, the SPA was built first and the .NET build
# waited for it. One job, so no two TypeScript builds share web/ at one time. The .NET tests wait for the SPA
# (spa_built): the hosts serve web's build from wwwroot.
spa_and_front_end() {
  if (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build) >"$WORK/spa-build.out" 2>&1; then
    echo ok >"$WORK/spa-build.status"
    front_end
  else
    echo failed >"$WORK/spa-build.status"
  fi
}
spa_built() {
  while [ ! -s "$WORK/spa-build.status" ] && kill -0 "${JOBS[front]}" 2>/dev/null; do sleep 1; done
  [ "$(cat "$WORK/spa-build.status" 2>/dev/null)" = ok ]
}
background front spa_and_front_end

step "Build (API, tests; the SPA beside it)"
if ! dotnet build InternetHospital.sln -nologo -clp:ErrorsOnly -p:SkipSpaBuild=true; then
  record "build" 0 1
  collect front vitest "web (vitest)"; collect front lint "web (lint)"
  printf '\n%s\n' "${SUITES[@]}"
  echo "$PASSED passed, $FAILED failed"
  exit 1
fi
if ! spa_built; then
  echo "SPA build (npm ci, npm run build) failed:"; cat "$WORK/spa-build.out"
  record "build" 0 1
  echo "$PASSED passed, $FAILED failed"
  exit 1
fi

run_dotnet_tests() { # run_dotnet_tests NAME PROJECT
  local name="$1" project="$2" trx="$WORK/$1.trx"
  step "$name"
  # Note: dynamic PGO (on by default) instruments hot methods and compiles them again; a test process lives minutes and
  # starts dozens of hosts, whose code runs a few times each, so it paid for that without the gain (~16 % less CPU
  # without it in the integration tests' Accounts classes). Tests only: the API's own processes keep the default.
  DOTNET_TieredPGO=0 dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$trx" --logger "console;verbosity=normal" 2>&1 \
    | grep -vE '^\s*$|^\[: |unexpected operator' || true
  if [ -f "$trx" ]; then
    read -r p f < <(python3 - "$trx" "$WORK/failures.txt" "$name" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<Counters\b([^>]*)/>', text)
attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(1))) if m else {}
passed = int(attrs.get("passed", 0))
failed = int(attrs.get("failed", 0)) + int(attrs.get("error", 0)) + int(attrs.get("timeout", 0)) + int(attrs.get("aborted", 0))
# A skipped test is a defect here: count it as failed.
failed += int(attrs.get("notExecuted", 0))
print(passed, failed if m else 1)
# The failed tests' names and the start of their messages, kept for the end of the output (CI shows its tail).
with open(sys.argv[2], "a", encoding="utf-8") as out:
    for r in re.finditer(r'<UnitTestResult\b[^>]*testName="([^"]*)"[^>]*outcome="(?:Failed|Error|Timeout|Aborted|NotExecuted)"[^>]*>(.*?)</UnitTestResult>', text, re.S):
        msg = re.search(r'<Message>(.*?)</Message>', r.group(2), re.S)
        first = " ".join((msg.group(1) if msg else "").split())[:400]
        out.write(f"  {sys.argv[3]}: {r.group(1)}\n      {first}\n")
PY
)
    record "$name" "$p" "$f"
  else
    record "$name" 0 1
  fi
}

# --- Operations: Kubernetes manifests, backups, dependencies (issue 19), beside the unit and integration tests -------
step "Kubernetes tools"
# kubectl (with kustomize v5) comes with the machine image; Debian's kubernetes-client (1.20) is only a fallback.
ensure_apt kubernetes-client kubectl
K8S_PYTHON=python3
if ! python3 -c 'import yaml, jsonschema' 2>/dev/null; then
  ensure_apt python3-yaml /usr/lib/python3/dist-packages/yaml
  ensure_apt python3-jsonschema /usr/lib/python3/dist-packages/jsonschema
  K8S_PYTHON=/usr/bin/python3
fi
audit_suite() { if scripts/audit-deps.sh; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi; }
operations() {
  # Render the overlays (kubectl kustomize) and validate them against the Kubernetes 1.36 schemas.
  suite k8s "$K8S_PYTHON" infra/k8s/validate.py --self-test
  # The overlays' settings: the migrate command and the API start with them (as Production).
  suite k8s-env env K8S_PYTHON="$K8S_PYTHON" tests/k8s-env.sh
  # pg_dump, a fresh cluster, the portal on the restored data.
  suite backup tests/backup-restore.sh
  # Known-vulnerable NuGet and npm packages.
  suite audit audit_suite
}
background operations operations

run_dotnet_tests "unit" tests/InternetHospital.UnitTests
# Three API processes behind HAProxy, beside the integration tests, not the E2E tests (whose browsers wait on
# timeouts: two journeys timed out with it beside them). scripts/multi-instance.sh prints "multi-instance: N passed, N failed".
multi_instance() {
  scripts/multi-instance.sh --no-build >"$WORK/multi-instance.out" 2>&1
  sed -nE 's/^multi-instance: ([0-9]+) passed, ([0-9]+) failed$/\1 passed, \2 failed/p' "$WORK/multi-instance.out" | tail -n 1 >>"$WORK/multi-instance.out"
  tail -n 1 "$WORK/multi-instance.out" | grep -qE '^[0-9]+ passed, [0-9]+ failed$' || echo "0 passed, 1 failed" >>"$WORK/multi-instance.out"
}
background multi multi_instance
run_dotnet_tests "integration" tests/InternetHospital.IntegrationTests
collect front vitest "web (vitest)"
collect front lint "web (lint)"

run_dotnet_tests "e2e" tests/InternetHospital.E2ETests

collect operations k8s "k8s manifests"
collect operations k8s-env "k8s settings"
collect operations backup "backup/restore"
collect operations audit "dependency audit"
collect multi multi-instance "multi-instance"

if [ -s "$WORK/failures.txt" ]; then printf '\n== Failed tests\n'; cat "$WORK/failures.txt"; fi
printf '\n'
printf '%s\n' "${SUITES[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
