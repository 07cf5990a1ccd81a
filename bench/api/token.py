#!/usr/bin/env python3
"""Signs in like the SPA (password -> session cookie -> /connect/authorize with PKCE -> code -> /connect/token)
and prints the access token. Used by `./bench.sh api`; standard library only."""
import base64, hashlib, http.cookiejar, json, os, sys, urllib.error, urllib.parse, urllib.request

base, email, password = sys.argv[1], sys.argv[2], sys.argv[3]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


login = urllib.request.Request(base + "/api/account/login", json.dumps({"email": email, "password": password}).encode(),
                               {"Content-Type": "application/json"})
opener.open(login).read()

verifier = b64url(os.urandom(32))
challenge = b64url(hashlib.sha256(verifier.encode()).digest())
redirect = base + "/auth/callback"
query = urllib.parse.urlencode({
    "client_id": "internet-hospital-spa", "redirect_uri": redirect, "response_type": "code",
    "scope": "openid profile email roles offline_access api", "code_challenge": challenge,
    "code_challenge_method": "S256", "state": "bench"})
try:
    opener.open(base + "/connect/authorize?" + query)
    raise SystemExit("authorize did not redirect")
except urllib.error.HTTPError as redirect_response:
    location = redirect_response.headers["Location"]
code = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)["code"][0]

form = urllib.parse.urlencode({"grant_type": "authorization_code", "client_id": "internet-hospital-spa",
                               "redirect_uri": redirect, "code": code, "code_verifier": verifier}).encode()
tokens = json.load(opener.open(urllib.request.Request(base + "/connect/token", form)))
print(tokens["access_token"])
