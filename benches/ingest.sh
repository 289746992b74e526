#!/usr/bin/env bash
# Holdings ingest, 1,000,000 lines (issue 11): lines per second and peak RSS of
#   1. `indsigt ingest --kind holdings FILE.jsonl` (every check: catalogue, CPR, versions, ownership, and a resume
#      checkpoint in each batch's transaction),
#   2. the baseline: raw batched INSERTs of the same lines into the same tables (examples/raw_holdings_insert.rs,
#      1,000 rows a transaction, no checks), goal: 1. is at least 0.5x of 2.,
#   3. `POST /v1/ingest/holdings` to `indsigt serve` in batches of 1,000 (curl, one connection at a time),
# and the peak RSS of `indsigt ingest` for 1,000 lines, to show a million lines need no more memory.
# Not run in CI.
#
# Needs: python3, curl, GNU time (/usr/bin/time, Debian package `time`). Uses 127.0.0.1 only.
# Env: LINES (default 1000000), PROFILE (release; dev for a quick try whose figures are not the goal's).
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-1000000}
PROFILE=${PROFILE:-release}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 1; }
DIR=$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
echo "== building ($PROFILE)"
cargo build --profile "$PROFILE" --quiet --bin indsigt --example raw_holdings_insert --example dev_issuer
BIN="$CARGO_TARGET_DIR/$DIR/indsigt"
RAW="$CARGO_TARGET_DIR/$DIR/examples/raw_holdings_insert"
ISSUER_BIN="$CARGO_TARGET_DIR/$DIR/examples/dev_issuer"

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== $LINES holdings lines (10 a citizen, 2 fields each)"
python3 - "$WORK" "$LINES" <<'PY'
import json, os, sys
work, n = sys.argv[1], int(sys.argv[2])
def line(i):
    c = i // 10
    # A valid-looking CPR number per citizen: ddmmyy-ssss.
    cpr = f"{c % 28 + 1:02d}{c // 28 % 12 + 1:02d}{c // 336 % 100:02d}-{c // 33600 % 10000:04d}"
    return json.dumps({"record_id": f"hc-{i}", "cpr": cpr, "version": 1, "category": "home_care",
        "fields": {"help_granted": {"da": "Rengøring hver anden uge", "en": "Cleaning every other week"},
                   "hours_per_week": {"da": str(i % 7 + 1), "en": str(i % 7 + 1)}},
        "updated_at": "2026-11-20T09:30:00Z", "retention_start": "2026-06-01", "case_ref": f"S-{c}"},
        ensure_ascii=False)
with open(os.path.join(work, "holdings.jsonl"), "w") as f:
    for i in range(n):
        f.write(line(i) + "\n")
with open(os.path.join(work, "small.jsonl"), "w") as f:
    for i in range(1000):
        f.write(line(i) + "\n")
os.makedirs(os.path.join(work, "batches"))
for b in range(0, n, 1000):
    with open(os.path.join(work, "batches", f"{b // 1000:05d}.json"), "w") as f:
        f.write('{"records":[' + ",".join(line(i) for i in range(b, min(b + 1000, n))) + "]}")
PY
ls -l "$WORK/holdings.jsonl" | awk '{printf "   %.0f MB\n", $5 / 1e6}'

head -c 32 /dev/urandom | base64 > "$WORK/pepper"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# `indsigt serve` needs an issuer (for the citizen endpoints); the ingest routes take only the system's key.
: > "$WORK/issuer.out"
"$ISSUER_BIN" "$(free_port)" bench-subject https://indsigt.bench 7200 > "$WORK/issuer.out" &
PIDS+=($!)
for _ in $(seq 50); do [ "$(wc -l < "$WORK/issuer.out")" -ge 2 ] && break; sleep 0.1; done
ISSUER=$(sed -n 1p "$WORK/issuer.out")

config() { # DB [PORT]
  cat > "$WORK/$1.toml" <<TOML
[server]
listen = "127.0.0.1:${2:-0}"
issuer = "$ISSUER"
audience = "https://indsigt.bench"
database = "$WORK/$1.db"
pepper_file = "$WORK/pepper"
ingest_max_batch = 1000
ingest_keys = [{ system = "KMD Nexus", key_sha256 = "$(printf %s bench-key | sha256sum | cut -d' ' -f1)" }]
TOML
  "$BIN" catalogue import catalogue --config "$WORK/$1.toml" >/dev/null
}
measure() { # NAME COMMAND...: prints seconds and peak RSS (KiB)
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$@" >/dev/null
  read -r secs rss < "$WORK/$name.time"
  printf '%-28s %8.1f s  %10.0f lines/s  peak RSS %6.1f MiB\n' "$name" "$secs" \
    "$(python3 -c "print($LINES / max($secs, 0.001))")" "$(python3 -c "print($rss / 1024)")"
}

echo "== results"
config ingest
measure "indsigt ingest" env LANG=C.UTF-8 "$BIN" ingest --system "KMD Nexus" --kind holdings "$WORK/holdings.jsonl" --config "$WORK/ingest.toml"
config raw
measure "raw batched INSERT" "$RAW" "$WORK/raw.db" "$WORK/pepper" kmd_nexus "$WORK/holdings.jsonl"
config small
/usr/bin/time -f "%M" -o "$WORK/small.time" env LANG=C.UTF-8 "$BIN" ingest --system "KMD Nexus" --kind holdings "$WORK/small.jsonl" --config "$WORK/small.toml" >/dev/null
printf '%-28s peak RSS %6.1f MiB\n' "indsigt ingest, 1,000 lines" "$(python3 -c "print($(cat "$WORK/small.time") / 1024)")"
read -r ingest_s _ < "$WORK/indsigt ingest.time"
read -r raw_s _ < "$WORK/raw batched INSERT.time"
python3 -c "print(f'ratio ingest/raw: {$raw_s / max($ingest_s, 0.001):.2f}x (goal >= 0.5x)')"
for db in ingest raw; do
  printf '%-28s %s holdings\n' "rows in $db.db" "$(python3 -c "import sqlite3; print(sqlite3.connect('$WORK/$db.db').execute('select count(*) from holdings').fetchone()[0])")"
done

PORT=$(free_port)
config http "$PORT"
INDSIGT_LOG=warn "$BIN" serve --config "$WORK/http.toml" 2>"$WORK/serve.log" &
PIDS+=($!)
for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break; sleep 0.1; done
post_all() {
  for f in "$WORK"/batches/*.json; do
    curl -fsS -o /dev/null -H "Authorization: ApiKey bench-key" -H "Content-Type: application/json" \
      --data-binary "@$f" "http://127.0.0.1:$PORT/v1/ingest/holdings"
  done
}
export -f post_all; export WORK PORT
measure "HTTP batches of 1,000" bash -c post_all
printf '%-28s peak RSS %6.1f MiB (after the load)\n' "indsigt serve" \
  "$(python3 -c "print(int(open('/proc/${PIDS[-1]}/status').read().split('VmHWM:')[1].split()[0]) / 1024)")"
printf '%-28s %s holdings\n' "rows in http.db" "$(python3 -c "import sqlite3; print(sqlite3.connect('$WORK/http.db').execute('select count(*) from holdings').fetchone()[0])")"
