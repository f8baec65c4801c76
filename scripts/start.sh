#!/usr/bin/env bash
# Installs what is missing, then runs the .NET Aspire AppHost in the foreground: PostgreSQL, the schema migration, the
# silo(s) and the WebUI as Aspire resources, with Aspire's dashboard (its login link is printed first, the WebUI's
# address and a first start's admin password once the WebUI is healthy). Ctrl+C stops everything; data stays in .data/.
# Settings are passed to the AppHost as "--name value" (docs/operations.md): scripts/start.sh --silos 2 --demo false
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-prerequisites.sh
exec dotnet run --project aspire/Platform.AppHost -- "$@"
