# Shared helpers of the bench scripts (sourced, not run). Environment they read:
#   JAR           the application jar (default target/cmis.jar; built with ./mvnw when missing)
#   DATABASE_URL  an external PostgreSQL as a libpq URI, postgresql://user:password@host:port/db;
#                 unset = the application's embedded PostgreSQL in DATA_DIR
#   DATA_DIR      the embedded PostgreSQL's folder (default target/bench-data, kept between runs)
#   PORT, PORT2   the HTTP ports of the first and second instance (default 18080, 18081)
#   HEAP          the -Xmx of every instance (default 512m)
# Every process started through these helpers is stopped on exit (SIGTERM, so that the
# application stops its embedded PostgreSQL).

cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR=${JAR:-target/cmis.jar}
DATA_DIR=${DATA_DIR:-target/bench-data}
PORT=${PORT:-18080}
PORT2=${PORT2:-18081}
HEAP=${HEAP:-512m}
PASSWORD=${PASSWORD:-Demo@2026}
export PASSWORD
BENCH_LOGS=${BENCH_LOGS:-target/bench-logs}
mkdir -p "$BENCH_LOGS" /tmp/cmis-bench-client
APP_PIDS=()
BG_PIDS=()

stop_all() {
  local p
  for p in "${BG_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  # the second instance first: it uses the first one's embedded PostgreSQL
  for ((i = ${#APP_PIDS[@]} - 1; i >= 0; i--)); do
    p=${APP_PIDS[$i]}
    if kill -0 "$p" 2>/dev/null; then
      kill -TERM "$p" 2>/dev/null || true
      for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$p" 2>/dev/null && kill -KILL "$p" 2>/dev/null || true
    fi
  done
  APP_PIDS=()
}
trap stop_all EXIT
trap 'exit 130' INT TERM

say() { echo "$(basename "$0"): $*" >&2; }

ensure_jar() {
  if [ ! -f "$JAR" ]; then
    say "building $JAR"
    ./mvnw -B -q package -DskipTests
  fi
}

# psql and pgbench from Debian's packages when missing (CI runs as root).
ensure_pg_tools() {
  if command -v psql >/dev/null && command -v pgbench >/dev/null; then return; fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  say "installing postgresql-client and pgbench"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq postgresql-client >/dev/null
  if ! command -v pgbench >/dev/null; then
    # Debian ships pgbench with the server package (postgresql-NN), Ubuntu in postgresql-contrib
    $sudo apt-get install -y -qq postgresql-contrib >/dev/null 2>&1 || true
    if ! command -v pgbench >/dev/null; then
      local v
      v=$(apt-cache search --names-only '^postgresql-[0-9]+$' | awk '{print $1}' | sort -V | tail -1)
      $sudo apt-get install -y -qq --no-install-recommends "$v" >/dev/null
      # the server package puts pgbench under /usr/lib/postgresql/NN/bin
      [ -x "/usr/lib/postgresql/${v#postgresql-}/bin/pgbench" ] &&
        ln -sf "/usr/lib/postgresql/${v#postgresql-}/bin/pgbench" /usr/local/bin/pgbench
    fi
  fi
  command -v pgbench >/dev/null || { say "pgbench is missing"; exit 1; }
}

# The RushClient, compiled once (a source launch compiles on every run).
client() {
  local dir=/tmp/cmis-bench-client
  if [ ! -f $dir/RushClient.class ] || [ bench/RushClient.java -nt $dir/RushClient.class ]; then
    javac -d $dir bench/RushClient.java
  fi
  java -cp $dir RushClient "$@"
}

# The open-loop client (bench/open-loop), with HdrHistogram from Maven Central (through ./mvnw).
HDR_JAR=${HDR_JAR:-$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar}
open_loop_client() {
  local dir=/tmp/cmis-bench-client
  if [ ! -f "$HDR_JAR" ]; then
    ./mvnw -B -q dependency:get -Dartifact=org.hdrhistogram:HdrHistogram:2.2.2 >&2
  fi
  if [ ! -f $dir/OpenLoopClient.class ] || [ bench/OpenLoopClient.java -nt $dir/OpenLoopClient.class ] ||
    [ bench/RushClient.java -nt $dir/OpenLoopClient.class ]; then
    javac -d $dir -cp "$HDR_JAR" bench/RushClient.java bench/OpenLoopClient.java
  fi
  java -cp "$dir:$HDR_JAR" OpenLoopClient "$@"
}

# PostgreSQL's best for the rush's transaction: pgbench_sweep <classId> -> "tps clients" of the
# fastest client count of PGBENCH_SWEEP (default 1 2 4 8 16 20 32 64 128 256), PGBENCH_SWEEP_SECONDS
# (5) each; one line per count on stderr.
pgbench_sweep() {
  local best=0 at=0 c tps
  for c in ${PGBENCH_SWEEP:-1 2 4 8 16 20 32 64 128 256}; do
    tps=$(run_pgbench "$1" "$c" "${PGBENCH_SWEEP_SECONDS:-5}")
    say "pgbench sweep: $c clients: $(printf '%.1f' "$tps")/s"
    if awk -v a="$tps" -v b="$best" 'BEGIN { exit !(a > b) }'; then best=$tps at=$c; fi
  done
  echo "$best $at"
}

# start_app <port> <log> [extra args...]: starts an instance, answers its pid in APP_PID.
start_app() {
  local port=$1 log=$2
  shift 2
  local db_args=()
  if [ -n "${DATABASE_URL:-}" ]; then
    db_args=(--spring.datasource.url="$(jdbc_url)" --spring.datasource.username="$(pg_part user)"
      --spring.datasource.password="$(pg_part password)")
  else
    db_args=(--cmis.data-dir="$DATA_DIR")
  fi
  # APP_JAVA: the java of the application (bench/jdk: another JDK); APP_ARGS: more arguments
  ${APP_JAVA:-java} -Xmx"$HEAP" -Xlog:gc:file="$BENCH_LOGS/gc-%p.log" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$port" "${db_args[@]}" \
    --cmis.security.captcha.enabled=false --logging.level.root=WARN ${APP_ARGS:-} "$@" >"$log" 2>&1 &
  APP_PID=$!
  APP_PIDS+=("$APP_PID")
}

# wait_healthy <port> <pid> <log>
wait_healthy() {
  local port=$1 pid=$2 log=$3
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { say "the application died; see $log"; tail -20 "$log" >&2; exit 1; }
    sleep 0.2
  done
}

# Parts of DATABASE_URL (postgresql://user:password@host:port/db).
pg_part() {
  python3 - "$DATABASE_URL" "$1" <<'EOF'
import sys, urllib.parse as u
p = u.urlparse(sys.argv[1])
print({"user": p.username or "", "password": u.unquote(p.password or ""), "host": p.hostname or "localhost",
       "port": p.port or 5432, "db": p.path.lstrip("/") or "postgres"}[sys.argv[2]])
EOF
}
jdbc_url() { echo "jdbc:postgresql://$(pg_part host):$(pg_part port)/$(pg_part db)"; }

# Sets PGHOST, PGPORT, PGUSER, PGDATABASE (and PGPASSWORD) for psql and pgbench: the external
# database, or the embedded one of DATA_DIR (its port is line 4 of postmaster.pid, its password
# the owner-only file cmis-database-password the application wrote at its first start).
pg_env() {
  if [ -n "${DATABASE_URL:-}" ]; then
    export PGHOST=$(pg_part host) PGPORT=$(pg_part port) PGUSER=$(pg_part user)
    export PGDATABASE=$(pg_part db) PGPASSWORD=$(pg_part password)
  else
    export PGHOST=127.0.0.1 PGPORT=$(sed -n 4p "$DATA_DIR/postmaster.pid") PGUSER=postgres
    export PGDATABASE=postgres PGPASSWORD=$(cat "$DATA_DIR/cmis-database-password")
  fi
  export PGOPTIONS='-c client_min_messages=warning'
}
sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }

# PG_STATEMENTS=1 (diagnosis): what PostgreSQL ran during the timed rush, from pg_stat_statements.
# The server must preload it: the first call sets shared_preload_libraries and asks for a rerun.
statements_reset() {
  if [ "$(sql -c "select count(*) from pg_settings where name = 'shared_preload_libraries' and setting like '%pg_stat_statements%'")" = 0 ]; then
    sql -c "alter system set shared_preload_libraries = 'pg_stat_statements'"
    say "pg_stat_statements will be loaded from the next start of this data folder: run again"
    PG_STATEMENTS=
    return
  fi
  sql -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" >/dev/null
}
statements_report() {
  [ -n "${PG_STATEMENTS:-}" ] || return 0
  say "PostgreSQL during the rush, per request (of $1), by total time:"
  sql -F ' | ' -c "select round(calls::numeric / $1, 2) as per_request, round(total_exec_time::numeric, 0) as total_ms,
      round((total_exec_time / greatest(calls, 1))::numeric, 3) as mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
      from pg_stat_statements where calls > 0 order by total_exec_time desc limit 25" >&2
  sql -c "select 'statements per request: ' || round(sum(calls)::numeric / $1, 1) from pg_stat_statements" >&2
}

# A bearer token: token <port> <userType> <account>
token() {
  local f
  f=$(mktemp)
  echo "$3" >"$f.acc"
  client tokens "http://localhost:$1" "$f.acc" "$f" "$2" 1 >/dev/null
  cat "$f"
  rm -f "$f" "$f.acc"
}

# create_class <port> <staffToken> <name> <capacity> <maxRegistrations>: answers the class id.
create_class() {
  local today end tstart tend
  today=$(TZ=Asia/Shanghai date +%F)
  end=$(TZ=Asia/Shanghai date -d "+30 days" +%F)
  tstart=$(TZ=Asia/Shanghai date -d "+40 days" +%F)
  tend=$(TZ=Asia/Shanghai date -d "+41 days" +%F)
  curl -fsS -X POST "http://localhost:$1/api/v1/classes" -H "Authorization: Bearer $2" \
    -H 'Content-Type: application/json' -d @- <<EOF | sed -E 's/^\{"id":([0-9]+).*/\1/'
{"name": "$3", "audiences": ["PRACTISING_CPA"], "registrationStart": "$today",
 "registrationEnd": "$end", "trainingStart": "$tstart", "trainingEnd": "$tend", "hours": 8,
 "capacity": $4, "maxRegistrations": $5, "published": true}
EOF
}

# The bench data set: firms 9900xxxx of institute SZ with 50 CPAs each (9900xxxxyyyy), each with
# a MEMBER account whose password is the demo one. load_members <count> (idempotent).
load_members() {
  local firms=$((($1 + 49) / 50))
  sql <<EOF
insert into firm (firm_no, name, institute_code)
select '9900' || lpad(f::text, 4, '0'), '压测事务所' || f, 'SZ' from generate_series(1, $firms) f
on conflict (firm_no) do nothing;
insert into member (member_no, name, gender, category, firm_id, institute_code, mobile, email, position)
select fm.firm_no || lpad(s::text, 4, '0'), '压测' || fm.firm_no || '-' || s, 'M', 'PRACTISING_CPA',
       fm.id, 'SZ', '139' || substr(fm.firm_no, 5, 4) || lpad(s::text, 4, '0'),
       'bench' || fm.firm_no || lpad(s::text, 4, '0') || '@example.com', '审计员'
  from firm fm, generate_series(1, 50) s
 where fm.firm_no like '9900%'
on conflict (member_no) do nothing;
insert into account (login_type, role, account, password_hash, display_name, institute_code, firm_no, member_no)
select 'MEMBER', 'MEMBER', m.member_no,
       (select password_hash from account where login_type = 'MEMBER' and account = '440300010001'),
       m.name, 'SZ', f.firm_no, m.member_no
  from member m join firm f on f.id = m.firm_id
 where f.firm_no like '9900%'
on conflict (login_type, account) do nothing;
EOF
}

# bench_members <count>: the first <count> bench member numbers, one a line.
bench_members() {
  sql -c "select member_no from member where member_no like '9900%' order by member_no limit $1"
}

# CPU time (ms, user + system) of processes: cpu_ms <pid>... (those that ended in between are lost)
cpu_ms() {
  local t=0 p v
  for p in "$@"; do
    v=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true)
    t=$((t + ${v:-0}))
  done
  echo $((t * 1000 / $(getconf CLK_TCK)))
}
# Idle time of the whole machine (ms, all cores together).
idle_ms() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%d", $5 * 1000 / hz }' /proc/stat; }

# Peak used heap (MB) of an instance since line <from> of its GC log: peak_heap <pid> <from>. The
# used heap only grows between collections, so its peak is the largest "before" of the GC log
# (-Xlog:gc into $BENCH_LOGS/gc-<pid>.log, see start_app) or the heap used now. Sampling with jstat instead started a JVM five times a second, on the same cores
# as the rush.
peak_heap() {
  local now
  now=$(jcmd "$1" GC.heap_info 2>/dev/null | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1)
  { tail -n +"$2" "$BENCH_LOGS/gc-$1.log" 2>/dev/null | grep -o '[0-9]*M->' | sed 's/M->//'; echo $(( ${now:-0} / 1024 )); } | sort -n | tail -1
}

# value <key> <RESULT line>
value() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# Tokens of the first <count> bench members, cached in target/bench-tokens-<count>.txt for 7 hours
# (a token lives 8): every token costs one bcrypt check. member_tokens <port> <count> <file>
member_tokens() {
  local port=$1 n=$2 out=$3
  if [ -f "$out" ] && [ -n "$(find "$out" -mmin -420 2>/dev/null)" ] && [ "$(wc -l <"$out")" -ge "$n" ] &&
    curl -fs -o /dev/null "http://localhost:$port/api/v1/classes?size=1" -H "Authorization: Bearer $(head -1 "$out")"; then
    say "reusing $n tokens from $out"
    return
  fi
  bench_members "$n" >"$out.accounts"
  say "signing $n bench members in (one bcrypt check each)"
  client tokens "http://localhost:$port" "$out.accounts" "$out" MEMBER "${TOKEN_PARALLEL:-4}" >&2
}

# pgbench of the registration transaction: run_pgbench <classId> <clients> <seconds> -> tps
run_pgbench() {
  local firms out
  firms=$(sql -c "select count(*) from firm where firm_no like '9900%'")
  out=$(pgbench -n -M prepared -f bench/registration.pgbench -D cid="$1" -D firms="$firms" \
    -c "$2" -j 2 -T "$3" 2>&1) || { echo "$out" >&2; exit 1; }
  echo "$out" >"$BENCH_LOGS/pgbench.txt"
  # what pgbench wrote is not the application's: its rows go, the audit entries stay (append-only)
  sql <<EOF2 >/dev/null
delete from event_publication where listener_id = 'bench.pgbench';
delete from registration where class_id = $1;
update training_class set registered_count = 0 where id = $1;
EOF2
  echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}

# The invariants of a class after a rush: check_invariants <classId> <M> <N> <created> -> "" or why
check_invariants() {
  local expect=$(($2 < $3 ? $2 : $3))
  sql <<EOF2
with r as (select status, member_no from registration where class_id = $1),
     c as (select * from training_class where id = $1)
select concat_ws('; ',
  case when (select count(*) from r where status in ('PENDING', 'CONFIRMED')) <> $expect
       then 'active registrations ' || (select count(*) from r where status in ('PENDING', 'CONFIRMED')) || ' <> $expect' end,
  case when $4 <> $expect then 'answered 201 $4 times, expected $expect' end,
  case when exists (select 1 from r where status in ('PENDING', 'CONFIRMED', 'WAITLISTED')
                     group by member_no having count(*) > 1)
       then 'a member registered twice' end,
  case when (select registered_count from c) <> (select count(*) from r where status in ('PENDING', 'CONFIRMED'))
       then 'registered_count ' || (select registered_count from c) || ' <> rows' end,
  case when (select confirmed_count from c) <> (select count(*) from r where status = 'CONFIRMED')
       then 'confirmed_count ' || (select confirmed_count from c) || ' <> rows' end,
  case when (select waitlisted_count from c) <> (select count(*) from r where status = 'WAITLISTED')
       then 'waitlisted_count <> rows' end,
  case when (select registered_count > max_registrations or confirmed_count > capacity from c)
       then 'over capacity' end);
EOF2
}

# The rush itself, shared by bench/rush and bench/scale-out:
# rush_core <baseUrls comma-separated> <apiPort> <pids of the instances...>
# Reads N, M, C; prints the figures and the final line; exits 1 when an invariant broke.
rush_core() {
  local bases=$1 port=$2
  shift 2
  local pids=("$@")
  ensure_pg_tools
  pg_env
  load_members "$N"
  local tokens=target/bench-tokens-$N.txt staff stamp cid wid pcid line p
  member_tokens "$port" "$N" "$tokens"
  staff=$(token "$port" STAFF sz-staff)
  stamp=$(date +%H%M%S)
  local w
  for ((w = 1; w <= ${WARMUP:-5}; w++)); do
    wid=$(create_class "$port" "$staff" "压测-预热-$stamp-$w" "$M" "$M")
    say "warm-up $w of ${WARMUP:-5}: the same rush on class $wid (not counted)"
    client rush "$bases" "$wid" "$tokens" "$C" >"$BENCH_LOGS/warmup-$w.txt" 2>&1 || true
    grep '^RESULT' "$BENCH_LOGS/warmup-$w.txt" >&2 || true
  done
  cid=$(create_class "$port" "$staff" "压测-$stamp" "$M" "$M")
  local marks=()
  for p in "${pids[@]}"; do
    marks+=("$(($(wc -l <"$BENCH_LOGS/gc-$p.log") + 1))")
  done
  say "rush: $N registrations for $M places on class $cid, $C in flight, through $bases"
  local app0 pg0 idle0 wall0 cpu_line
  [ -n "${PG_STATEMENTS:-}" ] && statements_reset
  app0=$(cpu_ms "${pids[@]}") pg0=$(cpu_ms $(pgrep -x postgres)) idle0=$(idle_ms) wall0=$(date +%s%N)
  client rush "$bases" "$cid" "$tokens" "$C" | tee "$BENCH_LOGS/rush.txt" >&2
  [ -n "${PG_STATEMENTS:-}" ] && statements_report "$N"
  cpu_line=$(awk -v n="$N" -v a=$(($(cpu_ms "${pids[@]}") - app0)) -v p=$(($(cpu_ms $(pgrep -x postgres)) - pg0)) \
    -v i=$(($(idle_ms) - idle0)) -v w=$((($(date +%s%N) - wall0) / 1000000)) -v c="$(nproc)" \
    'BEGIN { printf "cpu per request: application %.2f ms, PostgreSQL %.2f ms, the rest (load generator, system) %.2f ms, idle %.2f ms (%d cores x %d ms)", a / n, p / n, (w * c - a - p - i) / n, i / n, c, w }')
  say "$cpu_line"
  line=$(grep '^RESULT' "$BENCH_LOGS/rush.txt")
  local peak=0 h i
  for i in "${!pids[@]}"; do
    h=$(peak_heap "${pids[$i]}" "${marks[$i]}")
    [ "$h" -gt "$peak" ] && peak=$h
  done
  local broken
  broken=$(check_invariants "$cid" "$M" "$N" "$(value created "$line")")
  if [ "$(value errors "$line")" != 0 ]; then
    broken="${broken:+$broken; }$(value errors "$line") requests answered neither 201 nor 409 CLASS_FULL"
  fi
  local clients=${PGBENCH_CLIENTS:-$((C < ${PGBENCH_MAX_CLIENTS:-400} ? C : ${PGBENCH_MAX_CLIENTS:-400}))}
  pcid=$(create_class "$port" "$staff" "压测-pgbench-$stamp" 100000 100000)
  say "pgbench: the same transaction, $clients clients, ${PGBENCH_SECONDS:-15} s, on class $pcid"
  local tps
  tps=$(run_pgbench "$pcid" "$clients" "${PGBENCH_SECONDS:-15}")
  local x
  x=$(value rps "$line")
  say "app: $(value created "$line") registered, $(value full "$line") CLASS_FULL, $(value errors "$line") errors;" \
    "p95 $(value p95 "$line") ms; max $(value max "$line") ms; peak used heap ${peak} MB (-Xmx$HEAP)"
  say "pgbench: $(grep -E '^(latency average|number of transactions actually)' "$BENCH_LOGS/pgbench.txt" | tr '\n' ' ')"
  # PostgreSQL's best for this transaction is at few connections: the application's own pool
  local pool=${PGBENCH_POOL_CLIENTS:-20} tps_pool
  tps_pool=$(run_pgbench "$pcid" "$pool" "${PGBENCH_SECONDS:-15}")
  say "pgbench at $pool clients (the application's pool): $(printf '%.1f' "$tps_pool")/s; the application reaches" \
    "$(awk -v a="$x" -v b="$tps_pool" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }') of it"
  local ratio sweep best_tps best_c best_ratio
  ratio=$(awk -v a="$x" -v b="$tps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  sweep=$(pgbench_sweep "$pcid")
  best_tps=${sweep% *} best_c=${sweep#* }
  best_ratio=$(awk -v a="$x" -v b="$best_tps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  local result="invariants held"
  [ -z "$broken" ] || result="invariants BROKEN: $broken"
  say "$cpu_line"
  printf 'rush: %s registrations for %s places in %s s = %s/s; p50 %s ms; p99 %s ms; pgbench same transaction %.1f/s; ratio %s; pgbench best %.1f/s at %s clients; ratio to best %s; %s\n' \
    "$N" "$M" "$(value seconds "$line")" "$x" "$(value p50 "$line")" "$(value p99 "$line")" "$tps" "$ratio" "$best_tps" "$best_c" "$best_ratio" "$result"
  [ -z "$broken" ]
}

# nginx in front of the instances (bench/scale-out; deploy/nginx/cmis.conf is the production
# one): Debian's nginx run as the current user with a generated configuration in a temporary
# folder, its own pid file and logs there, HTTP on <listenPort>, stopped on exit with the other
# processes. start_nginx <listenPort> <upstreamPort>...; answers NGINX_DIR and NGINX_PID.
ensure_nginx() {
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] && return
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  say "installing nginx"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq nginx-light >/dev/null 2>&1 || $sudo apt-get install -y -qq nginx >/dev/null
}
start_nginx() {
  local listen=$1 p servers=""
  shift
  ensure_nginx
  for p in "$@"; do servers+="    server 127.0.0.1:$p max_fails=3 fail_timeout=10s;"$'\n'; done
  NGINX_DIR=$(mktemp -d /tmp/cmis-bench-nginx.XXXXXX)
  cat >"$NGINX_DIR/nginx.conf" <<CONF
daemon off;
worker_processes ${NGINX_WORKERS:-1};
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/body;
  proxy_temp_path $NGINX_DIR/proxy;
  fastcgi_temp_path $NGINX_DIR/fastcgi;
  uwsgi_temp_path $NGINX_DIR/uwsgi;
  scgi_temp_path $NGINX_DIR/scgi;
  upstream cmis {
$servers    keepalive 64;
    keepalive_timeout 8s;
  }
  server {
    listen 127.0.0.1:$listen;
    client_max_body_size 20m;
    location / {
      proxy_pass http://cmis;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Real-IP \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_next_upstream_timeout 10s;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      # which instance answered (the bench's stop check counts the answers of each)
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
CONF
  "$(command -v nginx || echo /usr/sbin/nginx)" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" &
  NGINX_PID=$!
  BG_PIDS+=("$NGINX_PID")
  local i
  for i in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$listen/actuator/health" && return
    kill -0 "$NGINX_PID" 2>/dev/null || { say "nginx did not start; see $NGINX_DIR/error.log"; cat "$NGINX_DIR/error.log" >&2; exit 1; }
    sleep 0.1
  done
}

# The StopRushClient (bench/scale-out), compiled once.
stop_client() {
  local dir=/tmp/cmis-bench-client
  if [ ! -f $dir/StopRushClient.class ] || [ bench/StopRushClient.java -nt $dir/StopRushClient.class ]; then
    javac -d $dir bench/StopRushClient.java
  fi
  java -cp $dir StopRushClient "$@"
}
