# Shared by test.sh and bench.sh: install what a fresh machine lacks, and run throwaway servers on free loopback ports.
# shellcheck shell=bash

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_apt PACKAGE COMMAND-THAT-PROVES-IT: install a Debian package only when it is missing.
APT_UPDATED=""
ensure_apt() {
  local package="$1" probe="$2"
  if [ -e "$probe" ] || command -v "$probe" >/dev/null 2>&1; then return 0; fi
  echo "Installing $package (apt)..."
  # Note: another installer may hold the dpkg lock (a shared machine): wait for it rather than fail.
  if [ -z "$APT_UPDATED" ]; then as_root apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$package" >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL binaries not found" >&2; return 1; }
  echo "$dir"
}

# pg_start DIR: initialises and starts a throwaway cluster in DIR on a free port; sets PG_PORT and PG_CONN.
pg_start() {
  local dir="$1" bin
  bin=$(pg_bin)
  PG_PORT=$(free_port)
  rm -rf "$dir"; mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
    su postgres -c "$bin/initdb -D '$dir/data' -U postgres -A trust --no-sync -E UTF8 >/dev/null"
    su postgres -c "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -o \"-p $PG_PORT -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" -w start >/dev/null"
  else
    "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
    "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $PG_PORT -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" -w start >/dev/null
  fi
  PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
  PG_DIR="$dir"
}

pg_stop() {
  local dir="${1:-$PG_DIR}" bin
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  bin=$(pg_bin)
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -c "$bin/pg_ctl -D '$dir/data' -m fast stop >/dev/null" || true
  else
    "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
  fi
}

# smtp_start DIR: a real SMTP server (smtp4dev, a .NET tool) on free loopback ports, with an HTTP API to read
# what it received; sets SMTP_PORT, SMTP_API and SMTP_PID.
smtp_start() {
  local dir="$1"
  mkdir -p "$dir"
  SMTP_PORT=$(free_port)
  local http imap pop3
  http=$(free_port); imap=$(free_port); pop3=$(free_port)
  SMTP_API="http://127.0.0.1:$http"
  (cd "$ROOT" && exec dotnet tool run smtp4dev -- --urls "$SMTP_API" --smtpport "$SMTP_PORT" --imapport "$imap" --pop3port "$pop3" \
      --bindaddress 127.0.0.1 --db "" --nousersettings --messagestokeep 100000 --sessionstokeep 100 --baseappdatapath "$dir") \
      >"$dir/smtp4dev.log" 2>&1 &
  SMTP_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "$SMTP_API/api/messages" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "smtp4dev did not start; its log:" >&2; tail -n 20 "$dir/smtp4dev.log" >&2
  return 1
}

smtp_stop() {
  [ -n "${SMTP_PID:-}" ] && kill "$SMTP_PID" 2>/dev/null && wait "$SMTP_PID" 2>/dev/null
  SMTP_PID=""
}

# redis_start DIR: a throwaway Redis on a free loopback port (no persistence); sets REDIS_PORT and REDIS_PID_FILE.
redis_start() {
  local dir="$1"
  mkdir -p "$dir"
  REDIS_PORT=$(free_port)
  REDIS_PID_FILE="$dir/redis.pid"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$dir" --pidfile "$REDIS_PID_FILE" --logfile "$dir/redis.log" >/dev/null || return 1
  for _ in $(seq 1 50); do
    if redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then return 0; fi
    sleep 0.1
  done
  echo "redis-server did not start; its log:" >&2; tail -n 20 "$dir/redis.log" >&2
  return 1
}

redis_stop() {
  [ -n "${REDIS_PID_FILE:-}" ] && [ -f "$REDIS_PID_FILE" ] && kill "$(cat "$REDIS_PID_FILE")" 2>/dev/null
  REDIS_PID_FILE=""
}

# orthanc_start DIR: a throwaway Orthanc PACS (DICOMweb plugin, HTTP basic auth, storage and index in DIR) on free
# loopback HTTP and DICOM ports; sets ORTHANC_URL (its DICOMweb root), ORTHANC_USER, ORTHANC_PASS and ORTHANC_PID.
orthanc_start() {
  local dir="$1" http dicom plugin
  rm -rf "$dir"; mkdir -p "$dir/storage"
  http=$(free_port); dicom=$(free_port)
  plugin=$(ls /usr/share/orthanc/plugins/libOrthancDicomWeb.so* 2>/dev/null | head -n 1)
  [ -n "$plugin" ] || { echo "the Orthanc DICOMweb plugin is not installed (apt-get install orthanc-dicomweb)" >&2; return 1; }
  ORTHANC_USER="ih-test"
  ORTHANC_PASS=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
  cat >"$dir/orthanc.json" <<JSON
{
  "Name": "IH-TEST",
  "StorageDirectory": "$dir/storage",
  "IndexDirectory": "$dir/storage",
  "HttpPort": $http,
  "DicomPort": $dicom,
  "DicomAet": "IHTEST",
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": true,
  "RegisteredUsers": { "$ORTHANC_USER": "$ORTHANC_PASS" },
  "HttpDescribeErrors": true,
  "StorageCompression": false,
  "DefaultEncoding": "Utf8",
  "Plugins": [ "$plugin" ],
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "EnableWado": false, "StudiesMetadata": "Full", "SeriesMetadata": "Full" }
}
JSON
  Orthanc "$dir/orthanc.json" >"$dir/orthanc.log" 2>&1 &
  ORTHANC_PID=$!
  ORTHANC_URL="http://127.0.0.1:$http/dicom-web/"
  for _ in $(seq 1 100); do
    if curl -fs -u "$ORTHANC_USER:$ORTHANC_PASS" "${ORTHANC_URL}studies" >/dev/null 2>&1; then return 0; fi
    kill -0 "$ORTHANC_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "Orthanc did not start; its log:" >&2; tail -n 20 "$dir/orthanc.log" >&2
  return 1
}

orthanc_stop() {
  [ -n "${ORTHANC_PID:-}" ] && kill "$ORTHANC_PID" 2>/dev/null && wait "$ORTHANC_PID" 2>/dev/null
  ORTHANC_PID=""
}

# janus_start DIR: a throwaway Janus WebRTC server (VideoRoom plugin, HTTP + admin API, WebSocket transport) on free
# loopback ports, with stored-token authentication (token_auth = true: every Janus API request needs a token the API
# added through the admin API) and no demo rooms. The videoroom plugin's admin_key is the admin secret, so only a
# holder of the admin secret (the API) can create or destroy rooms. Only the plugin and the two transports we use are
# loaded (a folder of symlinks), so it starts in well under a second. Sets JANUS_API_URL, JANUS_ADMIN_URL,
# JANUS_ADMIN_SECRET, JANUS_WS_URL, JANUS_REC_DIR and JANUS_PID.
janus_start() {
  local dir="$1" lib http admin ws rtp_base stream_base
  lib=$(dirname "$(ls /usr/lib/*/janus/plugins/libjanus_videoroom.so 2>/dev/null | head -n 1)")
  [ -n "$lib" ] && [ "$lib" != "." ] || { echo "Janus is not installed (apt-get install janus)" >&2; return 1; }
  lib=$(dirname "$lib")
  rm -rf "$dir"; mkdir -p "$dir/conf" "$dir/plugins" "$dir/transports" "$dir/none" "$dir/recordings"
  chmod 777 "$dir/recordings"
  ln -s "$lib/plugins/libjanus_videoroom.so" "$lib/plugins/libjanus_streaming.so" "$dir/plugins/"
  ln -s "$lib/transports/libjanus_http.so" "$lib/transports/libjanus_websockets.so" "$dir/transports/"
  http=$(free_port); admin=$(free_port); ws=$(free_port)
  # Note: RTP ports come from libnice, which retries inside the range when a port is taken; a random block of 1000 in
  # 20000-29999 (below Linux's ephemeral range, so the kernel hands none of them out to other sockets).
  rtp_base=$(( 20000 + (RANDOM % 10) * 1000 ))
  # Note: teaching broadcasts forward RTP from the VideoRoom into Streaming mountpoints on loopback ports of their own.
  stream_base=$(( 10000 + (RANDOM % 10) * 1000 ))
  JANUS_ADMIN_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  JANUS_REC_DIR="$dir/recordings"
  cat >"$dir/conf/janus.jcfg" <<CFG
general: {
	configs_folder = "$dir/conf"
	plugins_folder = "$dir/plugins"
	transports_folder = "$dir/transports"
	events_folder = "$dir/none"
	loggers_folder = "$dir/none"
	debug_level = 4
	server_name = "ih-test"
	admin_secret = "$JANUS_ADMIN_SECRET"
	token_auth = true
	session_timeout = 60
}
media: {
	rtp_port_range = "$rtp_base-$((rtp_base + 999))"
}
nat: {
	# Note: browsers and Janus share the loopback here: no STUN/TURN, Janus only answers connectivity checks.
	ice_lite = true
	ice_enforce_list = "127.0.0.1"
	ignore_mdns = true
}
events: {
	broadcast = false
}
CFG
  cat >"$dir/conf/janus.transport.http.jcfg" <<CFG
general: {
	json = "compact"
	base_path = "/janus"
	http = true
	port = $http
	ip = "127.0.0.1"
	https = false
}
admin: {
	admin_base_path = "/admin"
	admin_http = true
	admin_port = $admin
	admin_ip = "127.0.0.1"
	admin_https = false
}
CFG
  cat >"$dir/conf/janus.transport.websockets.jcfg" <<CFG
general: {
	json = "compact"
	ws = true
	ws_port = $ws
	ws_ip = "127.0.0.1"
	wss = false
}
admin: {
	admin_ws = false
	admin_wss = false
}
CFG
  cat >"$dir/conf/janus.plugin.videoroom.jcfg" <<CFG
general: {
	admin_key = "$JANUS_ADMIN_SECRET"
	lock_rtp_forward = true
	string_room_ids = false
}
CFG
  cat >"$dir/conf/janus.plugin.streaming.jcfg" <<CFG
general: {
	admin_key = "$JANUS_ADMIN_SECRET"
	rtp_port_range = "$stream_base-$((stream_base + 999))"
	string_ids = false
}
CFG
  janus -C "$dir/conf/janus.jcfg" -F "$dir/conf" -o -N -L "$dir/janus.log" >/dev/null 2>&1 &
  JANUS_PID=$!
  JANUS_API_URL="http://127.0.0.1:$http/janus"
  JANUS_ADMIN_URL="http://127.0.0.1:$admin/admin"
  JANUS_WS_URL="ws://127.0.0.1:$ws"
  export JANUS_API_URL JANUS_ADMIN_URL JANUS_ADMIN_SECRET JANUS_WS_URL JANUS_REC_DIR
  for _ in $(seq 1 100); do
    # Note: the transports start one after the other: ready when both the HTTP API answers and the WebSocket port listens.
    if curl -fs "$JANUS_API_URL/info" >/dev/null 2>&1 \
       && python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$ws" 2>/dev/null; then
      return 0
    fi
    kill -0 "$JANUS_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "Janus did not start; its log:" >&2; tail -n 20 "$dir/janus.log" >&2
  return 1
}

janus_stop() {
  [ -n "${JANUS_PID:-}" ] && kill "$JANUS_PID" 2>/dev/null && wait "$JANUS_PID" 2>/dev/null
  JANUS_PID=""
}
