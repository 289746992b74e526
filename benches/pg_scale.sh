#!/usr/bin/env bash
# How the citizen's log page costs as the log grows, on PostgreSQL. Not a test; not run in CI.
#
# For each size (default 1M 10M 100M events): a fresh database in a cluster of its own, loaded by binary COPY
# (`examples/pg_bench_load.rs`: 24 monthly partitions, CITIZENS citizens, one heavy citizen with HEAVY events,
# 1,000 measured normal citizens with REGULAR events each at every size, so that their page is the same 50 rows
# at 1M as at 100M; the rest spread over the other citizens),
# then the 50-row page for a normal citizen and for the heavy one, without and with an area filter:
#  - through `indsigt serve` with wrk (p50, p99, requests/s; normal citizens: a token each for 1,000 of them,
#    picked at random per request),
#  - the same SQL straight through pgbench (prepared; the same 1,000 citizens), the physical limit.
# Prints a Markdown table, the load time and disk size, and keeps EXPLAIN (ANALYZE, BUFFERS) of each page.
#
# Needs: PostgreSQL's binaries (initdb, pgbench), wrk, python3, curl. Uses 127.0.0.1 only.
# Env: SIZES ("1000000 10000000 100000000"), CITIZENS (500000), HEAVY (100000), REGULAR (200: a citizen's
#      share of 100M events over 500,000 citizens), SECONDS_PER_RUN (15),
#      CONNECTIONS (4: on 2 cores more only queue), OUT (folder for the results, default a new one under /tmp), PROFILE (release),
#      DEFER_FROM (sizes from this many events on are loaded with the secondary indexes made after the COPY;
#      default 1, i.e. all), ROUNDS (1: how many times each case is measured, the cases taken in turn; the
#      summary gives each figure's median), KEEP (1: keep each size's database), REUSE (1: measure a database an
#      earlier run kept with KEEP=1 in the same OUT, without loading it again).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000000 10000000 100000000"}
CITIZENS=${CITIZENS:-500000}
HEAVY=${HEAVY:-100000}
REGULAR=${REGULAR:-200}
DURATION=${SECONDS_PER_RUN:-15}
CONNS=${CONNECTIONS:-4}
ROUNDS=${ROUNDS:-1}
PROFILE=${PROFILE:-release}
DIR=$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -x "$PGBIN/pgbench" ] || { echo "pgbench is missing: apt-get install -y postgresql" >&2; exit 1; }

echo "== building ($PROFILE)"
cargo build --profile "$PROFILE" --quiet --bin indsigt --example dev_issuer --example pg_bench_load
BIN="$CARGO_TARGET_DIR/$DIR/indsigt"
ISSUER_BIN="$CARGO_TARGET_DIR/$DIR/examples/dev_issuer"
LOAD_BIN="$CARGO_TARGET_DIR/$DIR/examples/pg_bench_load"

OUT=${OUT:-$(mktemp -d /tmp/pg-scale.XXXXXX)}
mkdir -p "$OUT"
# The cluster runs as the `postgres` user, which must reach it (mktemp makes the folder 0700).
chmod 755 "$OUT"
PGDIR="$OUT/cluster"
PIDS=()
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port)
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  .ci/postgres stop "$PGDIR" || true
}
trap cleanup EXIT

echo "== a PostgreSQL cluster in $PGDIR (port $PGPORT)"
# A production-like memory setting for this 23 GB machine; the rest as .ci/postgres makes it.
eval "$(INDSIGT_PG_OPTS="-c shared_buffers=4GB -c effective_cache_size=12GB -c max_wal_size=8GB -c checkpoint_timeout=30min" \
  .ci/postgres start "$PGDIR" "$PGPORT")"
export PGPASSWORD=$INDSIGT_TEST_POSTGRES_PASSWORD INDSIGT_PG_PASSWORD=$INDSIGT_TEST_POSTGRES_PASSWORD
psql() { "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -d postgres -c "SHOW shared_buffers"
wait_for() { for _ in $(seq 200); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "not up: $1" >&2; exit 1; }
# wrk --latency prints "50%  1.23ms"; in milliseconds.
wrk_ms() { awk -v p="$1" '$1 == p { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v*=1000 } printf "%.2f", v }'; }
wrk_rps() { awk '/Requests\/sec/ {printf "%.0f", $2}'; }
# pgbench --log: one line per transaction, the third column its latency in microseconds.
pct_ms() { sort -n | awk -v p="$1" '{ a[NR]=$1 } END { i=int(NR*p/100); if (i<1) i=1; printf "%.2f", a[i]/1000 }'; }

AUD=https://indsigt.bench
RESULTS="$OUT/results.md"
{
  echo "| events | case | round | serve p50 ms | serve p99 ms | serve req/s | pgbench p50 ms | pgbench p99 ms | pgbench tps | serve/pgbench |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$RESULTS"
LOADS="$OUT/loads.md"
{
  echo "| events | COPY s | events/s | indexes made after s | VACUUM (ANALYZE) s | citizens s | log on disk | per 10M events |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$LOADS"

for N in $SIZES; do
  DB="scale_$N"
  W="$OUT/$N"
  mkdir -p "$W"
  URL="postgres://postgres@127.0.0.1:$PGPORT/$DB"
  val() { sed -n "s/^$1=//p" "$W/load.txt"; }
  if [ "${REUSE:-0}" = 1 ] && [ -s "$W/load.txt" ] && [ "$(psql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" = 1 ]; then
    echo "== $N events: the database a run before this one loaded (REUSE=1)"
    echo "| $N | (loaded before: see that run's table) | | | | | | |" >> "$LOADS"
  else
    echo "== $N events: load"
    psql -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
    DEFER=""; [ "$N" -ge "${DEFER_FROM:-1}" ] && DEFER=defer
    "$LOAD_BIN" "$URL" "$N" "$CITIZENS" "$HEAVY" "$REGULAR" "$W" $DEFER | tee "$W/load.txt"
    BYTES=$(val log_bytes)
    IDX=–; [ -n "$DEFER" ] && IDX=$(val index_secs)
    # A vacuum after the load, as autovacuum would do soon after a bulk insert: it sets the visibility map
    # (index-only scans) and keeps autovacuum from running during the measurement.
    T0=$(date +%s.%N)
    psql -d "$DB" -c "VACUUM (ANALYZE) access_events"
    VAC=$(python3 -c "print(f'{$(date +%s.%N) - $T0:.1f}')")
    echo "| $N | $(val events_secs) | $(val events_per_sec) | $IDX | $VAC | $(val citizens_secs) | $((BYTES / 1048576)) MiB | $((BYTES * 10000000 / N / 1048576)) MiB |" >> "$LOADS"
  fi
  FIRST=$(val first_citizen); NOW=$(val now); AREA=$(val area_code); AREA_ID=$(val area_id)

  # The 1,000 measured normal citizens, spread over the ids as the loader placed them; the same for wrk and pgbench.
  STEP=$(val step)
  ISSUER_PORT=$(free_port)
  # A bench citizen's subject is its number, so pgbench's integer variable is the statement's parameter
  # as it is: the server's statement, text for text.
  { echo 0; for k in $(seq 0 999); do echo "$((1 + k * STEP))"; done; } > "$W/subjects.txt"
  "$ISSUER_BIN" "$ISSUER_PORT" - "$AUD" 7200 < "$W/subjects.txt" > "$W/issuer.out" &
  PIDS+=($!)
  for _ in $(seq 300); do [ "$(wc -l < "$W/issuer.out")" -ge 1002 ] && break; sleep 0.1; done
  ISSUER=$(sed -n 1p "$W/issuer.out")
  HEAVY_TOKEN=$(sed -n 2p "$W/issuer.out")
  sed -n '3,1002p' "$W/issuer.out" > "$W/tokens.txt"
  python3 - "$W/tokens.txt" > "$W/normal.lua" <<'PY'
import sys
tokens = [l.strip() for l in open(sys.argv[1]) if l.strip()]
print("local tokens = {" + ",".join('"%s"' % t for t in tokens) + "}")
print("request = function() return wrk.format('GET', nil, { Authorization = 'Bearer ' .. tokens[math.random(#tokens)] }) end")
PY

  SERVE_PORT=$(free_port)
  cat > "$W/serve.toml" <<TOML
[server]
listen = "127.0.0.1:$SERVE_PORT"
issuer = "$ISSUER"
audience = "$AUD"
rate_limit_per_minute = 1000000000
rate_limit_burst = 1000000000

[server.postgres]
url = "$URL"
tls = "disable"
pool_size = $CONNS
TOML
  INDSIGT_LOG=warn "$BIN" serve --config "$W/serve.toml" 2> "$W/serve.log" &
  SERVE_PID=$!
  PIDS+=($SERVE_PID)
  wait_for "http://127.0.0.1:$SERVE_PORT/readyz"

  for ROUND in $(seq "$ROUNDS"); do
    for CASE in normal-all normal-area heavy-all heavy-area; do
      WHO=${CASE%-*}; SHAPE=${CASE#*-}
      Q="limit=50"; [ "$SHAPE" = area ] && Q="limit=50&area=$AREA"
      PAGE="http://127.0.0.1:$SERVE_PORT/v1/access-log?$Q"
      if [ "$WHO" = heavy ]; then
        curl -fsS -o /dev/null -H "Authorization: Bearer $HEAVY_TOKEN" "$PAGE"
        # A warm-up first, not measured: the server's pool and PostgreSQL's caches fill.
        wrk -t2 -c"$CONNS" -d5s -H "Authorization: Bearer $HEAVY_TOKEN" "$PAGE" > /dev/null
        wrk --latency -t2 -c"$CONNS" -d"${DURATION}s" -H "Authorization: Bearer $HEAVY_TOKEN" "$PAGE" > "$W/wrk-$CASE.txt"
        CID_LINE="\\set n 0"
      else
        wrk -t2 -c"$CONNS" -d5s -s "$W/normal.lua" "$PAGE" > /dev/null
        wrk --latency -t2 -c"$CONNS" -d"${DURATION}s" -s "$W/normal.lua" "$PAGE" > "$W/wrk-$CASE.txt"
        CID_LINE="\\set k random(0, 999)
  \\set n 1 + :k * $STEP"
      fi
      grep -q "Non-2xx" "$W/wrk-$CASE.txt" && { echo "non-2xx answers in $CASE:" >&2; cat "$W/wrk-$CASE.txt" >&2; exit 1; }
      # The server's statement, text for text: $1 the citizen's subject (a number, looked up in the statement),
      # $2 now, [$3 the area code], then the rows fetched (51). Each is a pgbench variable, so each is a
      # parameter of the prepared statement, as it is the server's: with the row count as a literal, PostgreSQL's
      # generic plan for the heavy citizen with an area sorts all 12,445 of its entries (43 ms at 100M) where
      # the server's reads the months in order (under 2 ms).
      SQL=$(cat "$W/page_$SHAPE.sql")
      if [ "$SHAPE" = area ]; then
        SQL=${SQL//\$4/:lim}; SQL=${SQL//\$3/:area}
      else
        SQL=${SQL//\$3/:lim}
      fi
      SQL=${SQL//\$2/:now}; SQL=${SQL//\$1/:n}
      { echo "$CID_LINE"; echo "\\set now $NOW"; echo "\\set lim 51"; echo "$SQL" | tr '\n' ' '; echo ";"; } > "$W/pgbench-$CASE.sql"
      rm -f "$W"/pgbench_log.*
      # Prepared and with generic plans, as the server's connections run it (see src/store/postgres/connect.rs).
      (cd "$W" && PGOPTIONS="-c plan_cache_mode=force_generic_plan" "$PGBIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -n -M prepared -c "$CONNS" -j 2 -D "area=$AREA" \
        -T "$DURATION" -f "pgbench-$CASE.sql" --log --log-prefix=pgbench_log "$DB" > "pgbench-$CASE.txt" 2>&1)
      PGB_TPS=$(awk '/^tps/ {printf "%.0f", $3; exit}' "$W/pgbench-$CASE.txt")
      cat "$W"/pgbench_log.* | awk '{print $3}' > "$W/pgbench-$CASE.lat"
      PGB_P50=$(pct_ms 50 < "$W/pgbench-$CASE.lat"); PGB_P99=$(pct_ms 99 < "$W/pgbench-$CASE.lat")
      rm -f "$W"/pgbench_log.*
      S_P50=$(wrk_ms 50% < "$W/wrk-$CASE.txt"); S_P99=$(wrk_ms 99% < "$W/wrk-$CASE.txt")
      S_RPS=$(wrk_rps < "$W/wrk-$CASE.txt")
      RATIO=$(python3 -c "print(f'{$S_RPS / max($PGB_TPS, 1):.2f}')")
      echo "| $N | $CASE | $ROUND | $S_P50 | $S_P99 | $S_RPS | $PGB_P50 | $PGB_P99 | $PGB_TPS | $RATIO |" | tee -a "$RESULTS"
    done
  done
  kill "$SERVE_PID" 2>/dev/null || true
  wait "$SERVE_PID" 2>/dev/null || true
  # The plans the server's connections run: prepared, with generic plans (the loader's explain_*.txt are
  # custom plans for literal values).
  for who in heavy normal; do
    SUBJECT=0; [ "$who" = normal ] && SUBJECT="$((1 + STEP))"
    {
      echo "SET plan_cache_mode = force_generic_plan;"
      echo "PREPARE pa AS $(cat "$W/page_all.sql");"
      echo "PREPARE pr AS $(cat "$W/page_area.sql");"
      echo "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE pa('$SUBJECT', $NOW, 51);"
      echo "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE pr('$SUBJECT', $NOW, '$AREA', 51);"
    } | "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DB" -X -q > "$W/explain_generic_$who.txt"
  done
  psql -d "$DB" -c "SELECT pg_size_pretty(pg_database_size('$DB'))" > "$W/db_size.txt"
  # Keep the disk for the next size: the plans and figures are saved in $W.
  [ "${KEEP:-0}" = 1 ] || psql -d postgres -c "DROP DATABASE $DB"
done

echo
echo "== load"
cat "$LOADS"
echo
echo "== the page (50 rows), $CONNS connections, ${DURATION}s per case, on $(nproc) cores"
cat "$RESULTS"
if [ "$ROUNDS" -gt 1 ]; then
  echo
  echo "== the median of $ROUNDS rounds"
  python3 - "$RESULTS" > "$OUT/medians.md" <<'PY'
import statistics, sys
rows = [l.strip().strip("|").split("|") for l in open(sys.argv[1]) if l.startswith("| ") and l[2].isdigit()]
groups = {}
for r in rows:
    r = [c.strip() for c in r]
    groups.setdefault((r[0], r[1]), []).append([float(c) for c in r[3:]])
print("| events | case | serve p50 ms | serve p99 ms | serve req/s | pgbench p50 ms | pgbench p99 ms | pgbench tps | serve/pgbench |")
print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for (n, case), runs in groups.items():
    med = [statistics.median(col) for col in zip(*runs)]
    print(f"| {n} | {case} | {med[0]:.2f} | {med[1]:.2f} | {med[2]:.0f} | {med[3]:.2f} | {med[4]:.2f} | {med[5]:.0f} | {med[6]:.2f} |")
PY
  cat "$OUT/medians.md"
fi
echo
echo "EXPLAIN (ANALYZE, BUFFERS) of each page: $OUT/<events>/explain_generic_*.txt (as the server runs them) and explain_*.txt (custom plans)"
