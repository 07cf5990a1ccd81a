#!/usr/bin/env python3
"""Renders the Kustomize overlays in infra/k8s/overlays and checks every resource they produce.

    python3 infra/k8s/validate.py                 # every overlay; exit 1 on any problem
    python3 infra/k8s/validate.py overlays/dev    # one overlay (a path, relative to infra/k8s or absolute)
    python3 infra/k8s/validate.py --self-test     # the overlays pass, and broken copies of them are refused;
                                                  # ends with "N passed, N failed" (./test.sh records it)

Two kinds of check:
 1. Schema: each resource against the strict JSON schema of its kind for the Kubernetes release in
    schemas/kubernetes-strict.json (generated from the release's OpenAPI models, see schemas/generate.py). Strict:
    a field the kind does not have (a typo) is an error, as are a wrong type and a missing required field. A kind
    without a schema there is an error too, so nothing goes unchecked.
 2. The portal's own rules for running on Kubernetes (see infra/README.md): no Secret objects and no secret-looking
    literal values, the API with two or more replicas, probes on /health/live and /health/ready, resources, a
    PodDisruptionBudget and an HPA over it, a grace period longer than preStop plus the host's shutdown timeout,
    the migrations Job on the API's image, TLS and WebSocket timeouts on the Ingress, forwarded headers trusted.

Needs kubectl (kubectl kustomize), PyYAML and jsonschema (Debian: python3-yaml, python3-jsonschema).
"""
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "schemas", "kubernetes-strict.json")

# ASP.NET Core's HostOptions.ShutdownTimeout default; Program.cs does not change it. Kestrel lets requests in flight
# finish and SignalR closes its connections within it after SIGTERM.
HOST_SHUTDOWN_TIMEOUT_SECONDS = 30
# What the background workers need after that to record the outcome of work in progress.
SHUTDOWN_MARGIN_SECONDS = 10

SECRET_NAME = re.compile(r"(password|secret|key|connectionstring|token)$", re.I)


def render(overlay):
    try:
        result = subprocess.run(["kubectl", "kustomize", overlay], capture_output=True, text=True)
    except FileNotFoundError:
        raise RenderError("kubectl is not installed (it renders the overlays: kubectl kustomize)") from None
    if result.returncode != 0:
        raise RenderError(result.stderr.strip() or "kubectl kustomize failed")
    return [d for d in yaml.safe_load_all(result.stdout) if d is not None]


class RenderError(Exception):
    pass


def load_schemas():
    with open(SCHEMAS, encoding="utf-8") as f:
        return json.load(f)


def schema_errors(resources, schemas):
    errors = []
    for r in resources:
        key = f"{r.get('apiVersion')}/{r.get('kind')}"
        name = f"{key} {r.get('metadata', {}).get('name', '?')}"
        kind_schema = schemas["kinds"].get(key)
        if kind_schema is None:
            errors.append(f"{name}: no schema for this kind in {os.path.relpath(SCHEMAS)} (add it in schemas/generate.py)")
            continue
        validator = jsonschema.Draft7Validator({**kind_schema, "definitions": schemas["definitions"]})
        for e in sorted(validator.iter_errors(r), key=lambda e: list(e.absolute_path)):
            path = "/".join(str(p) for p in e.absolute_path) or "(root)"
            errors.append(f"{name}: {path}: {e.message}")
    return errors


def by_kind(resources, kind):
    return [r for r in resources if r.get("kind") == kind]


def named(resources, kind, name):
    return next((r for r in by_kind(resources, kind) if r["metadata"]["name"] == name), None)


def pod_specs(resources):
    for r in resources:
        spec = r.get("spec", {})
        if r["kind"] in ("Deployment", "StatefulSet", "Job"):
            yield r, spec.get("template", {}).get("spec", {})
        elif r["kind"] == "CronJob":
            yield r, spec.get("jobTemplate", {}).get("spec", {}).get("template", {}).get("spec", {})


def policy_errors(resources):
    errors = []
    add = errors.append

    # Secrets are created out of band (infra/README.md); never a Secret object or a literal secret in the manifests.
    for s in by_kind(resources, "Secret"):
        add(f"Secret {s['metadata']['name']}: secrets are never kept in the manifests; reference them by name")
    for owner, spec in pod_specs(resources):
        for c in spec.get("containers", []) + spec.get("initContainers", []):
            for env in c.get("env", []):
                if "value" in env and SECRET_NAME.search(env["name"].replace("_", "")) and env["value"]:
                    add(f"{owner['kind']} {owner['metadata']['name']}: env {env['name']} has a literal value; take it from a Secret")
    for cm in by_kind(resources, "ConfigMap"):
        for key, value in (cm.get("data") or {}).items():
            if SECRET_NAME.search(key.replace("_", "")) and value:
                add(f"ConfigMap {cm['metadata']['name']}: {key} looks secret; take it from a Secret")

    # Every ConfigMap and PersistentVolumeClaim a pod names is part of the same render.
    config_maps = {cm["metadata"]["name"] for cm in by_kind(resources, "ConfigMap")}
    claims = {p["metadata"]["name"] for p in by_kind(resources, "PersistentVolumeClaim")}
    for owner, spec in pod_specs(resources):
        label = f"{owner['kind']} {owner['metadata']['name']}"
        for c in spec.get("containers", []):
            for source in c.get("envFrom", []):
                ref = source.get("configMapRef", {}).get("name")
                if ref and ref not in config_maps:
                    add(f"{label}: envFrom ConfigMap {ref} is not in the manifests")
            for env in c.get("env", []):
                ref = env.get("valueFrom", {}).get("configMapKeyRef", {}).get("name")
                if ref and ref not in config_maps:
                    add(f"{label}: env {env['name']} names ConfigMap {ref}, which is not in the manifests")
        for v in spec.get("volumes", []):
            claim = v.get("persistentVolumeClaim", {}).get("claimName")
            if claim and claim not in claims:
                add(f"{label}: volume {v['name']} claims {claim}, which is not in the manifests")

    api = named(resources, "Deployment", "internethospital-api")
    if api is None:
        add("Deployment internethospital-api is missing")
        return errors
    spec = api["spec"]
    pod = spec["template"]["spec"]
    container = next((c for c in pod.get("containers", []) if c.get("name") == "api"), None)
    if container is None:
        add("Deployment internethospital-api: no container named api")
        return errors
    if spec.get("replicas", 1) < 2:
        add("Deployment internethospital-api: fewer than 2 replicas")
    if spec.get("strategy", {}).get("rollingUpdate", {}).get("maxUnavailable") not in (0, "0", "0%"):
        add("Deployment internethospital-api: a rollout must not take a replica away before its successor is ready (maxUnavailable: 0)")
    for probe, path in (("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready")):
        got = container.get(probe, {}).get("httpGet", {}).get("path")
        if got != path:
            add(f"Deployment internethospital-api: {probe} must GET {path} (has {got})")
    hardening = container.get("securityContext", {})
    if not (pod.get("securityContext", {}).get("runAsNonRoot") and hardening.get("allowPrivilegeEscalation") is False
            and hardening.get("readOnlyRootFilesystem") and "ALL" in hardening.get("capabilities", {}).get("drop", [])):
        add("Deployment internethospital-api: must run as non-root, read-only, without privilege escalation or capabilities")
    resources_ = container.get("resources", {})
    for need in ("cpu", "memory"):
        if need not in resources_.get("requests", {}):
            add(f"Deployment internethospital-api: no {need} request")
    if "memory" not in resources_.get("limits", {}):
        add("Deployment internethospital-api: no memory limit")
    pre_stop = container.get("lifecycle", {}).get("preStop", {})
    pre_stop_seconds = pre_stop.get("sleep", {}).get("seconds")
    if pre_stop_seconds is None:
        add("Deployment internethospital-api: preStop must sleep while the pod leaves the Service's endpoints")
        pre_stop_seconds = 0
    grace = pod.get("terminationGracePeriodSeconds", 30)
    needed = pre_stop_seconds + HOST_SHUTDOWN_TIMEOUT_SECONDS + SHUTDOWN_MARGIN_SECONDS
    if grace < needed:
        add(f"Deployment internethospital-api: terminationGracePeriodSeconds {grace} < preStop {pre_stop_seconds} s + "
            f"shutdown timeout {HOST_SHUTDOWN_TIMEOUT_SECONDS} s + {SHUTDOWN_MARGIN_SECONDS} s")

    pod_labels = spec["template"]["metadata"].get("labels", {})

    def selects(selector):
        wanted = selector.get("matchLabels", {})
        return bool(wanted) and all(pod_labels.get(k) == v for k, v in wanted.items())

    if not any(selects(p["spec"].get("selector", {})) for p in by_kind(resources, "PodDisruptionBudget")):
        add("no PodDisruptionBudget selects the API's pods")
    hpa = next((h for h in by_kind(resources, "HorizontalPodAutoscaler")
                if h["spec"]["scaleTargetRef"].get("kind") == "Deployment" and h["spec"]["scaleTargetRef"].get("name") == "internethospital-api"), None)
    if hpa is None:
        add("no HorizontalPodAutoscaler scales the API")
    else:
        if hpa["spec"].get("minReplicas", 1) < 2:
            add("HorizontalPodAutoscaler: minReplicas below 2")
        if not any(m.get("resource", {}).get("name") == "cpu" for m in hpa["spec"].get("metrics", [])):
            add("HorizontalPodAutoscaler: does not scale on CPU")
        if hpa["spec"].get("minReplicas", 1) != spec.get("replicas", 1):
            add("HorizontalPodAutoscaler: minReplicas differs from the Deployment's replicas (every apply would resize it)")

    job = named(resources, "Job", "internethospital-migrate")
    if job is None:
        add("Job internethospital-migrate is missing")
    else:
        migrate = job["spec"]["template"]["spec"]["containers"][0]
        if migrate.get("image") != container.get("image"):
            add(f"Job internethospital-migrate: image {migrate.get('image')} is not the API's {container.get('image')}")
        if migrate.get("args") != ["migrate"]:
            add("Job internethospital-migrate: must run `InternetHospital.Api migrate`")
        api_secrets = sorted(e["name"] for e in container.get("env", []) if "secretKeyRef" in e.get("valueFrom", {}))
        job_secrets = sorted(e["name"] for e in migrate.get("env", []) if "secretKeyRef" in e.get("valueFrom", {}))
        if api_secrets != job_secrets:
            add(f"Job internethospital-migrate: its secrets differ from the API's ({set(api_secrets) ^ set(job_secrets)})")

    ingress = named(resources, "Ingress", "internethospital")
    if ingress is None:
        add("Ingress internethospital is missing")
    else:
        if not ingress["spec"].get("tls"):
            add("Ingress: no TLS")
        annotations = ingress["metadata"].get("annotations", {})
        for key in ("nginx.ingress.kubernetes.io/proxy-read-timeout", "nginx.ingress.kubernetes.io/proxy-send-timeout"):
            if int(annotations.get(key, "60")) < 3600:
                add(f"Ingress: {key} below 3600 s closes idle WebSocket (SignalR) connections")

    config = named(resources, "ConfigMap", "internethospital-config")
    data = (config or {}).get("data") or {}
    if not any(k.startswith(("ReverseProxy__KnownNetworks__", "ReverseProxy__KnownProxies__")) and v for k, v in data.items()):
        add("ConfigMap internethospital-config: no ReverseProxy__KnownNetworks / KnownProxies: the API would ignore X-Forwarded-*")
    return errors


def check(overlay, schemas):
    resources = render(overlay)
    # The rules below read fields as the schemas define them: check them only on resources that passed.
    errors = schema_errors(resources, schemas)
    return len(resources), errors or policy_errors(resources)


def overlays():
    root = os.path.join(HERE, "overlays")
    return sorted(os.path.join(root, d) for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "kustomization.yaml")))


def main(args):
    schemas = load_schemas()
    targets = [a if os.path.isabs(a) else os.path.join(HERE, a) for a in args] or overlays()
    failed = False
    for overlay in targets:
        try:
            count, errors = check(overlay, schemas)
        except RenderError as e:
            print(f"{os.path.relpath(overlay, HERE)}: does not render: {e}")
            failed = True
            continue
        print(f"{os.path.relpath(overlay, HERE)}: {count} resources, Kubernetes {schemas['kubernetesRelease']} schemas, "
              f"{'OK' if not errors else str(len(errors)) + ' problem(s)'}")
        for e in errors:
            print("  " + e)
        failed |= bool(errors)
    return 1 if failed else 0


# --- self-test -------------------------------------------------------------------------------------------------

def edit_yaml(path, change):
    """Loads every document of a file, lets change() alter them, writes them back."""
    with open(path, encoding="utf-8") as f:
        docs = list(yaml.safe_load_all(f))
    change(docs)
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump_all(docs, f, sort_keys=False, allow_unicode=True)


def api_container(docs):
    deployment = next(d for d in docs if d and d.get("kind") == "Deployment")
    return deployment["spec"]["template"]["spec"]["containers"][0]


def rename_key(mapping, old, new):
    mapping[new] = mapping.pop(old)


# Each broken copy: (what it shows, file under infra/k8s, change, a text the error must contain).
BROKEN = [
    ("a misspelt field (readinesProbe) is refused",
     "base/api-deployment.yaml", lambda d: rename_key(api_container(d), "readinessProbe", "readinesProbe"),
     "'readinesProbe' was unexpected"),
    ("a misspelt nested field (httpGet.paht) is refused",
     "base/api-deployment.yaml", lambda d: rename_key(api_container(d)["livenessProbe"]["httpGet"], "path", "paht"),
     "'paht' was unexpected"),
    ("a wrong type (replicas: \"two\") is refused",
     "overlays/production/api.yaml", lambda d: d[0]["spec"].__setitem__("replicas", "two"),
     "'two' is not of type 'integer'"),
    ("a missing required field (a container without a name) is refused",
     "base/redis.yaml", lambda d: d[0]["spec"]["template"]["spec"]["containers"][0].pop("name"),
     "'name' is a required property"),
    ("a field of the wrong kind (Service spec.replicas) is refused",
     "base/api-service.yaml", lambda d: d[0]["spec"].__setitem__("replicas", 2),
     "'replicas' was unexpected"),
    ("a kind without a schema is refused",
     "base/api-pdb.yaml", lambda d: d[0].__setitem__("apiVersion", "policy/v1beta1"),
     "no schema for this kind"),
    ("a Secret in the manifests is refused",
     "base/api-config.yaml", lambda d: d.append({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "leak"}, "stringData": {"k": "v"}}),
     "secrets are never kept in the manifests"),
    ("a literal secret in an env var is refused",
     "base/api-deployment.yaml", lambda d: api_container(d)["env"].append({"name": "Payments__Stripe__SecretKey", "value": "sk_live_x"}),
     "has a literal value"),
    ("a grace period shorter than preStop + shutdown is refused",
     "base/api-deployment.yaml", lambda d: d[0]["spec"]["template"]["spec"].__setitem__("terminationGracePeriodSeconds", 30),
     "terminationGracePeriodSeconds 30"),
    ("a single API replica is refused",
     "overlays/production/api.yaml", lambda d: d[0]["spec"].__setitem__("replicas", 1),
     "fewer than 2 replicas"),
    ("an API container that may escalate privileges is refused",
     "base/api-deployment.yaml", lambda d: api_container(d)["securityContext"].__setitem__("allowPrivilegeEscalation", True),
     "must run as non-root"),
    ("a readiness probe off /health/ready is refused",
     "base/api-deployment.yaml", lambda d: api_container(d)["readinessProbe"]["httpGet"].__setitem__("path", "/health/live"),
     "readinessProbe must GET /health/ready"),
]


def self_test():
    schemas = load_schemas()
    passed = failed = 0

    def result(ok, text, detail=""):
        nonlocal passed, failed
        passed += ok
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {text}{(': ' + detail) if detail else ''}")

    for overlay in overlays():
        name = os.path.relpath(overlay, HERE)
        try:
            count, errors = check(overlay, schemas)
            result(not errors and count > 0, f"{name} renders and every resource validates ({count} resources)", "; ".join(errors))
        except RenderError as e:
            result(False, f"{name} renders", str(e))

    for text, relative, change, expected in BROKEN:
        with tempfile.TemporaryDirectory(prefix="ih-k8s-") as tmp:
            copy_root = os.path.join(tmp, "k8s")
            shutil.copytree(HERE, copy_root, ignore=shutil.ignore_patterns("__pycache__"))
            edit_yaml(os.path.join(copy_root, relative), change)
            found = []
            for overlay in ("overlays/dev", "overlays/production"):
                try:
                    found += check(os.path.join(copy_root, overlay), schemas)[1]
                except RenderError as e:
                    found.append(str(e))
            hit = [e for e in found if expected in e]
            result(bool(hit), text, hit[0] if hit else "not refused; errors were: " + ("; ".join(found) or "none"))

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    sys.exit(main(sys.argv[1:]))
