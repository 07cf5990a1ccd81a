#!/bin/sh
# Writes Janus's configuration from the environment and starts it in the foreground.
#   JANUS_ADMIN_SECRET   (required) admin API secret, also the VideoRoom admin_key: only the portal's API creates rooms
#   JANUS_PUBLIC_IP      the address browsers reach this node on (nat_1_1_mapping), when it is behind 1:1 NAT
#   JANUS_RTP_PORTS      media ports, default 20000-20999 (UDP; open them in the node's firewall)
#   JANUS_STREAM_PORTS   loopback RTP ports of broadcast mountpoints, default 21000-21999 (not reached from outside)
#   JANUS_STUN_SERVER    host:port of a STUN server (coturn), to learn the public address when JANUS_PUBLIC_IP is unset
#   JANUS_BIND_IP        where the HTTP API and admin API listen (default 0.0.0.0; the node's internal address on a host network)
#   JANUS_REC_DIR        recording root shared with the API (default /var/lib/janus/recordings)
set -eu
: "${JANUS_ADMIN_SECRET:?set JANUS_ADMIN_SECRET}"
CONF=${JANUS_CONF_DIR:-/tmp/janus-conf}
mkdir -p "$CONF"
BIND=${JANUS_BIND_IP:-0.0.0.0}
NAT=""
[ -n "${JANUS_PUBLIC_IP:-}" ] && NAT="nat_1_1_mapping = \"$JANUS_PUBLIC_IP\""
STUN=""
if [ -n "${JANUS_STUN_SERVER:-}" ]; then
  STUN="stun_server = \"${JANUS_STUN_SERVER%%:*}\"
	stun_port = ${JANUS_STUN_SERVER##*:}"
fi
cat >"$CONF/janus.jcfg" <<CFG
general: {
	configs_folder = "$CONF"
	plugins_folder = "/opt/janus/plugins"
	transports_folder = "/opt/janus/transports"
	events_folder = "/opt/janus/none"
	loggers_folder = "/opt/janus/none"
	debug_level = 4
	admin_secret = "$JANUS_ADMIN_SECRET"
	token_auth = true
	session_timeout = 60
}
media: {
	rtp_port_range = "${JANUS_RTP_PORTS:-20000-20999}"
}
nat: {
	$NAT
	$STUN
	ignore_mdns = true
}
CFG
cat >"$CONF/janus.transport.http.jcfg" <<CFG
general: {
	json = "compact"
	base_path = "/janus"
	http = true
	port = 8088
	ip = "$BIND"
}
admin: {
	admin_base_path = "/admin"
	admin_http = true
	admin_port = 7088
	admin_ip = "$BIND"
}
CFG
cat >"$CONF/janus.transport.websockets.jcfg" <<CFG
general: {
	json = "compact"
	ws = true
	ws_port = 8188
}
admin: {
	admin_ws = false
}
CFG
cat >"$CONF/janus.plugin.videoroom.jcfg" <<CFG
general: {
	admin_key = "$JANUS_ADMIN_SECRET"
	lock_rtp_forward = true
	string_room_ids = false
}
CFG
# Teaching broadcasts: Streaming mountpoints fed over loopback by the VideoRoom's RTP forwarders (receive-only viewers).
cat >"$CONF/janus.plugin.streaming.jcfg" <<CFG
general: {
	admin_key = "$JANUS_ADMIN_SECRET"
	rtp_port_range = "${JANUS_STREAM_PORTS:-21000-21999}"
	string_ids = false
}
CFG
mkdir -p "${JANUS_REC_DIR:-/var/lib/janus/recordings}"
exec janus -C "$CONF/janus.jcfg" -F "$CONF" -o
