#!/usr/bin/env bash
# Adds a migration NAME for both database providers (each keeps its own migrations).
#   scripts/add-migration.sh AddAppointments
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh MigrationName}"
dotnet tool restore >/dev/null
project=src/InternetHospital.Infrastructure
dotnet build "$project" -nologo -clp:ErrorsOnly >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
    --context "${provider}AppDbContext" --output-dir "Persistence/Migrations/$provider"
done
rm -f "$project"/design-time.db*
