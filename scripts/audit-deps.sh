#!/usr/bin/env bash
# Reports known-vulnerable NuGet and npm packages (production npm dependencies only) and exits non-zero when any
# advisory is high or critical. An audit that cannot reach its advisory database says so and neither fails nor
# passes silently for that ecosystem (npm's bulk advisory endpoint answers 405 from some networks).
#   scripts/audit-deps.sh
# For checking the report itself, saved answers can stand in for the tools:
#   AUDIT_DEPS_NUGET_JSON=file AUDIT_DEPS_NPM_JSON=file scripts/audit-deps.sh
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/ih-audit-deps.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ -n "${AUDIT_DEPS_NUGET_JSON:-}" ]; then
  cp "$AUDIT_DEPS_NUGET_JSON" "$work/nuget.json"; : > "$work/nuget.err"
else
  dotnet list InternetHospital.sln package --vulnerable --include-transitive --format json >"$work/nuget.json" 2>"$work/nuget.err"
fi

if [ -n "${AUDIT_DEPS_NPM_JSON:-}" ]; then
  cp "$AUDIT_DEPS_NPM_JSON" "$work/npm.json"; : > "$work/npm.err"
else
  (cd web && npm audit --omit=dev --json) >"$work/npm.json" 2>"$work/npm.err"
fi

python3 - "$work" <<'PY'
import json, sys, os
work = sys.argv[1]
blocking = 0

def load(name):
    try:
        with open(os.path.join(work, name), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None

def first_line(name):
    try:
        with open(os.path.join(work, name), encoding="utf-8") as f:
            return next((l.strip() for l in f if l.strip()), "")
    except OSError:
        return ""

# NuGet: every vulnerable package, direct or transitive, per project.
nuget = load("nuget.json")
if not isinstance(nuget, dict) or "projects" not in nuget:
    print(f"NuGet: not available here ({first_line('nuget.err') or first_line('nuget.json') or 'no answer'})")
else:
    found = {}
    problems = [p.get("text", "") for p in nuget.get("problems", []) if p.get("level") == "error"]
    for project in nuget["projects"]:
        problems += [p.get("text", "") for p in project.get("problems", []) if p.get("level") == "error"]
        for framework in project.get("frameworks", []):
            for kind in ("topLevelPackages", "transitivePackages"):
                for package in framework.get(kind, []):
                    for v in package.get("vulnerabilities", []):
                        key = (package["id"], package.get("resolvedVersion", "?"), v.get("severity", "?"), v.get("advisoryurl", ""))
                        found.setdefault(key, set()).add(os.path.basename(project["path"]))
    if problems:
        print("NuGet: not available here (" + "; ".join(problems) + ")")
    else:
        for (pid, version, severity, url), projects in sorted(found.items()):
            print(f"NuGet: {pid} {version}: {severity} {url} ({', '.join(sorted(projects))})")
        high = [k for k in found if k[2].lower() in ("high", "critical")]
        blocking += len(high)
        print(f"NuGet: {len(found)} known vulnerable package(s), {len(high)} high or critical")

# npm: production dependencies of the SPA.
npm = load("npm.json")
if isinstance(npm, dict) and isinstance(npm.get("metadata", {}).get("vulnerabilities"), dict):
    for name, v in sorted(npm.get("vulnerabilities", {}).items()):
        print(f"npm: {name} {v.get('range', '')}: {v.get('severity', '?')}")
    counts = npm["metadata"]["vulnerabilities"]
    high = int(counts.get("high", 0)) + int(counts.get("critical", 0))
    blocking += high
    total = sum(int(counts.get(k, 0)) for k in ("info", "low", "moderate", "high", "critical"))
    print(f"npm: {total} known vulnerable package(s), {high} high or critical")
else:
    answer = ""
    if isinstance(npm, dict):
        answer = npm.get("message") or (npm.get("error") or {}).get("summary") or ""
    print(f"npm audit: not available here (registry answered {answer or first_line('npm.err') or 'nothing'})")

print("dependency audit: " + ("FAILED, high or critical advisories above" if blocking else "no high or critical advisories found where an audit was available"))
sys.exit(1 if blocking else 0)
PY
