#!/usr/bin/env bash
# Restores an archive written by scripts/backup.sh into an EMPTY database (a fresh cluster, or a new database in it).
# See infra/README.md, "Backups and restore".
#
#   scripts/restore.sh [--dbname CONNINFO] ARCHIVE
#
# The target database comes from --dbname (libpq connection string or URI) or libpq's environment, as for backup.sh;
# it must exist and be empty (createdb first): restoring over a live portal database is refused, not merged.
# Checks the archive's .sha256 when it is there, restores in one transaction (all or nothing), owned by the role that
# restores (--no-owner: the new cluster's roles need not match the old one's), then runs ANALYZE.
#
# Afterwards start the portal with the SAME Security:KeyRingKey (and Security:PreviousKeyRingKeys) and
# Security:IdentifierHashKey as the backed-up site: the Data Protection key ring in the database is encrypted under
# the key-ring key, and ID numbers cannot be read without it. Run `InternetHospital.Api migrate` when the portal's
# release is newer than the backup's.
set -euo pipefail

dbname="" archive=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dbname) dbname="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "restore.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    *) archive="$1"; shift ;;
  esac
done
[ -n "$archive" ] || { echo "restore.sh: name the archive to restore (see --help)" >&2; exit 2; }
[ -f "$archive" ] || { echo "restore.sh: $archive does not exist" >&2; exit 2; }

if [ -f "$archive.sha256" ]; then
  (cd "$(dirname "$archive")" && sha256sum --check --quiet "$(basename "$archive").sha256") \
    || { echo "restore.sh: $archive does not match its checksum; not restoring it" >&2; exit 1; }
fi

# Note: pg_restore without a database prints SQL instead of restoring: always name one.
dbname="${dbname:-${PGDATABASE:-}}"
[ -n "$dbname" ] || { echo "restore.sh: name the target with --dbname or PGDATABASE" >&2; exit 2; }
conn=(--dbname="$dbname")
tables=$(psql "${conn[@]}" -X -A -t -v ON_ERROR_STOP=1 -c \
  "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r','p') AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%'")
if [ "$tables" != "0" ]; then
  echo "restore.sh: the target database already has $tables tables; restore into a new, empty database" >&2
  exit 1
fi

pg_restore "${conn[@]}" --no-owner --no-privileges --exit-on-error --single-transaction "$archive"
psql "${conn[@]}" -X -q -v ON_ERROR_STOP=1 -c "ANALYZE"
echo "restored $archive"
