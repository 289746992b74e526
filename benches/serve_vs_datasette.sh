#!/usr/bin/env bash
# Requests per second for one access-log page (50 entries, newest first, of the citizen with the big log):
# `indsigt serve` (bearer token verified on every request) against Datasette serving the same SQLite file
# and the same page query (`?sql=`, JSON). Not run in CI.
#
# Needs: wrk (apt-get install -y wrk), datasette (pip install datasette). Uses 127.0.0.1 only.
# Env: SECONDS_PER_RUN (default 10), CONNECTIONS (default 32), EVENTS (heavy citizen's log, default 100000),
# PROFILE (release, or dev for a quick try with the debug build: its figures are not the goal's).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${SECONDS_PER_RUN:-10}
CONNS=${CONNECTIONS:-32}
EVENTS=${EVENTS:-100000}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v datasette >/dev/null || { echo "datasette is missing: pip install datasette" >&2; exit 1; }

PROFILE=${PROFILE:-release}
DIR=$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
echo "== building ($PROFILE)"
cargo build --profile "$PROFILE" --quiet --bin indsigt --example dev_issuer
BIN="$CARGO_TARGET_DIR/$DIR/indsigt"
ISSUER_BIN="$CARGO_TARGET_DIR/$DIR/examples/dev_issuer"

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== demo database ($EVENTS entries for the heavy citizen)"
"$BIN" demo-data --out "$WORK/demo.db" --heavy-events "$EVENTS" >/dev/null
HEAVY=$(sqlite3 "$WORK/demo.db" "SELECT public_id FROM citizens ORDER BY (SELECT count(*) FROM access_events e WHERE e.citizen_id = citizens.id) DESC LIMIT 1")
SUBJECT=$(sqlite3 "$WORK/demo.db" "SELECT subject FROM citizens WHERE public_id = '$HEAVY'")
KEY=$(sqlite3 "$WORK/demo.db" "SELECT id FROM citizens WHERE public_id = '$HEAVY'")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "not up: $1" >&2; exit 1; }

AUD=https://indsigt.bench
: > "$WORK/issuer.out"
"$ISSUER_BIN" "$(free_port)" "$SUBJECT" "$AUD" 7200 > "$WORK/issuer.out" &
PIDS+=($!)
for _ in $(seq 50); do [ "$(wc -l < "$WORK/issuer.out")" -ge 2 ] && break; sleep 0.1; done
ISSUER=$(sed -n 1p "$WORK/issuer.out")
TOKEN=$(sed -n 2p "$WORK/issuer.out")

SERVE_PORT=$(free_port)
cat > "$WORK/serve.toml" <<TOML
[server]
listen = "127.0.0.1:$SERVE_PORT"
database = "$WORK/demo.db"
issuer = "$ISSUER"
audience = "$AUD"
pool_size = 4
# One token makes every request here: lift the per-token limit for the benchmark.
rate_limit_per_minute = 1000000000
rate_limit_burst = 1000000000
TOML
INDSIGT_LOG=warn "$BIN" serve --config "$WORK/serve.toml" 2>"$WORK/serve.log" &
PIDS+=($!)
wait_for "http://127.0.0.1:$SERVE_PORT/healthz"
SERVE_URL="http://127.0.0.1:$SERVE_PORT/v1/access-log?limit=50"
curl -fsS -H "Authorization: Bearer $TOKEN" "$SERVE_URL" | head -c 200 || true; echo

DS_PORT=$(free_port)
datasette serve "$WORK/demo.db" --host 127.0.0.1 --port "$DS_PORT" --setting sql_time_limit_ms 5000 \
  --setting default_cache_ttl 0 >"$WORK/datasette.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$DS_PORT/-/versions.json"
# The same page query as the store's (names joined, newest first, 50 rows), for the same citizen.
SQL="SELECT e.id, e.at, o.name_da, o.name_en, u.name_da AS unit_da, u.name_en AS unit_en, r.name_da AS role_da, r.name_en AS role_en,
 e.employee, s.name AS system, a.code AS area, k.name_da AS kind_da, k.name_en AS kind_en, e.action, p.name_da AS purpose_da,
 p.name_en AS purpose_en, e.case_ref, e.batch_run_id, e.batch_records, e.hidden_until
FROM access_events e CROSS JOIN organisations o ON o.id = e.organisation_id CROSS JOIN units u ON u.id = e.unit_id
CROSS JOIN roles r ON r.id = e.role_id CROSS JOIN systems s ON s.id = e.system_id CROSS JOIN areas a ON a.id = e.area_id
CROSS JOIN data_kinds k ON k.id = e.kind_id CROSS JOIN purposes p ON p.id = e.purpose_id
WHERE e.citizen_id = $KEY AND (e.hidden_until IS NULL OR e.hidden_until <= strftime('%s','now'))
ORDER BY e.at DESC, e.id DESC LIMIT 51"
ENC=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$SQL")
DS_URL="http://127.0.0.1:$DS_PORT/demo.json?sql=$ENC&_shape=array"
curl -fsS "$DS_URL" | head -c 200 || true; echo

rps() { awk '/Requests\/sec/ {print $2}'; }
echo "== wrk: 2 threads, $CONNS connections, ${DURATION}s each"
SERVE_RPS=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" -H "Authorization: Bearer $TOKEN" "$SERVE_URL" | tee "$WORK/wrk-serve.txt" | rps)
DS_RPS=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" "$DS_URL" | tee "$WORK/wrk-ds.txt" | rps)
grep -E "Latency|Non-2xx" "$WORK/wrk-serve.txt" | sed 's/^/indsigt serve: /'
grep -E "Latency|Non-2xx" "$WORK/wrk-ds.txt" | sed 's/^/datasette:     /'
echo "indsigt serve: $SERVE_RPS requests/s"
echo "datasette:     $DS_RPS requests/s"
python3 -c "import sys; print(f'ratio: {float(sys.argv[1])/float(sys.argv[2]):.1f}x')" "$SERVE_RPS" "$DS_RPS"
