#!/usr/bin/env bash
# Logical backup of the portal's PostgreSQL database: one pg_dump archive in custom format (compressed, restorable
# table by table, into any PostgreSQL of the same or a newer major version). See infra/README.md, "Backups and restore".
#
#   scripts/backup.sh [--dbname CONNINFO] [--dir DIR] [--keep-days N]
#
# The database comes from --dbname (a libpq connection string or URI, without the password) or libpq's environment
# (PGHOST, PGPORT, PGDATABASE, PGUSER, PGSSLMODE); the password from PGPASSWORD or ~/.pgpass, never the command line.
# Writes DIR/internethospital-<UTC time>.dump (default DIR: ./backups) and a .sha256 beside it, after checking the
# archive reads back; with --keep-days, deletes archives older than that. Prints the archive's path.
#
# What is NOT in the archive, on purpose: Security:KeyRingKey (without it the ID numbers in the dump cannot be read;
# keep it in the secret store, and restore with the same one), the other secrets, and the signed audit checkpoints
# (Audit:CheckpointDirectory, kept away from the database: copy that directory with the same schedule).
set -euo pipefail

dbname="" dir="backups" keep_days=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dbname) dbname="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --keep-days) keep_days="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "backup.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

mkdir -p "$dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$dir/internethospital-$stamp.dump"
args=(--format=custom --compress=6 --file="$target.partial")
[ -n "$dbname" ] && args+=(--dbname="$dbname")

# Note: pg_dump reads one consistent snapshot (a repeatable-read transaction): the portal keeps running meanwhile.
trap 'rm -f "$target.partial"' EXIT
pg_dump "${args[@]}"
# An archive that does not list back is no backup: fail now, not on the day of the restore.
pg_restore --list "$target.partial" >/dev/null
mv "$target.partial" "$target"
trap - EXIT
(cd "$dir" && sha256sum "$(basename "$target")" > "$(basename "$target").sha256")

if [ -n "$keep_days" ]; then
  find "$dir" -maxdepth 1 -name 'internethospital-*.dump*' -mtime +"$keep_days" -delete
fi
echo "$target"
