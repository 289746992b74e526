#!/bin/sh
# Runs the schemathesis API fuzzer against a real `indsigt serve` on a demo database, with a valid citizen
# token and a registered kiosk's key (tests/server_schemathesis.rs starts everything). Not run by CI.
#
#   tests/schemathesis/run.sh [extra st arguments, e.g. --max-examples 50]
#
# Installs schemathesis 4.x into a virtualenv at ${ST_VENV:-target/st-venv} (an absolute path) on first use.
# The output is also written to ${ST_REPORT:-target/schemathesis.txt}.
set -eu
cd "$(dirname "$0")/../.."
venv="${ST_VENV:-$PWD/target/st-venv}"
if [ ! -x "$venv/bin/st" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'schemathesis>=4,<5'
fi
ST="$venv/bin/st" ST_ARGS="$*" ST_REPORT="${ST_REPORT:-$PWD/target/schemathesis.txt}" \
    cargo test --test server_schemathesis -- --ignored --nocapture
