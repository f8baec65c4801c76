#!/usr/bin/env bash
# Installs what is missing, then starts the whole platform (PostgreSQL, schema, silo, WebUI) in the
# foreground and prints where everything is. Ctrl+C stops it; data stays in .data/ for the next start.
# Options are passed to the AppHost (see: scripts/start.sh --help).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-prerequisites.sh
exec dotnet run --project aspire/Platform.AppHost -- "$@"
