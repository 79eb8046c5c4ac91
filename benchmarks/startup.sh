#!/usr/bin/env bash
# Startup benchmark: launch -> main -> first HTTP request -> exit of a trivial app, in three
# configurations measured side by side in one run:
#   none      no agent
#   upstream  the upstream OpenTelemetry Java agent jar alone
#   ours      our distribution jar (upstream agent + embedded extension)
#
# Usage: benchmarks/startup.sh [--runs N] [--warmup N] [--raw FILE] [--enforce] [OUR_JAR]
#   OUR_JAR             default: agent/target/genai-javaagent.jar
#   --runs N            measured runs per configuration (default 10, or $RUNS)
#   --warmup N          discarded warm-up rounds before measuring (default 1, or $WARMUP)
#   --raw FILE          also write every measured run (tab-separated) to FILE
#   --enforce           exit 1 when a budget fails (default: report only, exit 0)
# Environment:
#   UPSTREAM_AGENT_JAR  upstream agent jar (default: found in the local Maven repository,
#                       version from <otel.javaagent.version> in pom.xml)
#   M2_REPO             local Maven repository (default ~/.m2/repository)
#   JAVA_HOME           JDK to use (default: java/javac on PATH)
#   BENCH_JAVA_OPTS     extra JVM options for all three configurations (default none)
#   BUDGET_WALL_PCT, BUDGET_RSS_MB  budgets of ours over upstream (default 5 % and 10 MB)
#
# Runs are interleaved (round i runs the three configurations, rotating which goes first) so that
# machine noise spreads over all of them; budgets compare medians taken in the same run.
# Wall time is measured by the script around each process (bash $EPOCHREALTIME); the app prints
# CLOCK_REALTIME timestamps on entering main and on receiving the response; peak RSS is
# "Maximum resident set size" from /usr/bin/time -v.
# Everything stays on loopback: the app binds 127.0.0.1 and all exporters are "none".
set -euo pipefail

# Budgets: ours vs upstream, median vs median (overridable for experiments).
MAX_WALL_OVERHEAD_PCT="${BUDGET_WALL_PCT:-5}"
MAX_RSS_OVERHEAD_MB="${BUDGET_RSS_MB:-10}"

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-10}"
warmup="${WARMUP:-1}"
enforce=false
raw=""
our_jar=""

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
    --runs=*) runs="${1#*=}"; shift ;;
    --warmup) warmup="${2:?--warmup needs a value}"; shift 2 ;;
    --warmup=*) warmup="${1#*=}"; shift ;;
    --raw) raw="${2:?--raw needs a value}"; shift 2 ;;
    --raw=*) raw="${1#*=}"; shift ;;
    --enforce) enforce=true; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) [ -z "$our_jar" ] || { echo "only one jar argument expected" >&2; exit 2; }; our_jar="$1"; shift ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "--runs must be a positive integer" >&2; exit 2; }
[[ "$warmup" =~ ^[0-9]+$ ]] || { echo "--warmup must be a non-negative integer" >&2; exit 2; }

our_jar="${our_jar:-$root/agent/target/genai-javaagent.jar}"
[ -f "$our_jar" ] || { echo "our agent jar not found: $our_jar (build it: mvn -B -DskipTests package -pl agent -am)" >&2; exit 2; }
our_jar="$(cd "$(dirname "$our_jar")" && pwd)/$(basename "$our_jar")"

if [ -n "${UPSTREAM_AGENT_JAR:-}" ]; then
  upstream_jar="$UPSTREAM_AGENT_JAR"
else
  upstream_version="$(sed -n 's:.*<otel.javaagent.version>\(.*\)</otel.javaagent.version>.*:\1:p' "$root/pom.xml" | head -n1)"
  upstream_version="${upstream_version:-2.31.1}"
  m2="${M2_REPO:-$HOME/.m2/repository}"
  upstream_jar="$m2/io/opentelemetry/javaagent/opentelemetry-javaagent/$upstream_version/opentelemetry-javaagent-$upstream_version.jar"
fi
[ -f "$upstream_jar" ] || { echo "upstream agent jar not found: $upstream_jar (set UPSTREAM_AGENT_JAR, or run mvn -B dependency:resolve)" >&2; exit 2; }

if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; javac="$JAVA_HOME/bin/javac"; else java=java; javac=javac; fi
command -v "$java" >/dev/null || { echo "java not found" >&2; exit 2; }
command -v "$javac" >/dev/null || { echo "javac not found (a JDK is needed)" >&2; exit 2; }

if [ ! -x /usr/bin/time ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing GNU time (apt-get install time)" >&2
    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
  fi
  [ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) is required: apt-get install time" >&2; exit 2; }
fi

# The three configurations must differ only by the -javaagent flag: drop inherited settings that
# would add agents, options or OpenTelemetry configuration to some of them.
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep '^OTEL_' || true)
export OPT_OUT_TRACKING=true

work="$(mktemp -d "${TMPDIR:-/tmp}/startup-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$javac" -d "$work/classes" "$root/benchmarks/startup-app/StartupApp.java"
# Measure snapshots of both jars, side by side in the same directory: a rebuild of the agent during
# the run cannot change what is measured, and both are read from the same file system.
mkdir "$work/upstream" "$work/ours"
cp "$upstream_jar" "$work/upstream/$(basename "$upstream_jar")"
cp "$our_jar" "$work/ours/$(basename "$our_jar")"
upstream_src="$upstream_jar"; our_src="$our_jar"
upstream_jar="$work/upstream/$(basename "$upstream_jar")"
our_jar="$work/ours/$(basename "$our_jar")"

read -r -a extra_opts <<< "${BENCH_JAVA_OPTS:-}"
common_opts=(
  -Dotel.traces.exporter=none
  -Dotel.metrics.exporter=none
  -Dotel.logs.exporter=none
  ${extra_opts[@]+"${extra_opts[@]}"}
  -cp "$work/classes" StartupApp
)
configs=(none upstream ours)
agent_flag() {
  case "$1" in
    none) ;;
    upstream) echo "-javaagent:$upstream_jar" ;;
    ours) echo "-javaagent:$our_jar" ;;
  esac
}

now_ns() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local t="${EPOCHREALTIME//[!0-9]/}"   # microseconds, locale-independent
    echo "${t}000"
  else
    date +%s%N
  fi
}

results="$work/results.tsv"   # config  wall_ms  main_ms  response_ms  rss_kb
: > "$results"

run_one() { # config record(true|false)
  local config="$1" record="$2" out="$work/out" err="$work/err" timef="$work/time" flag start end
  flag="$(agent_flag "$config")"
  start="$(now_ns)"
  if ! /usr/bin/time -v -o "$timef" "$java" ${flag:+"$flag"} "${common_opts[@]}" >"$out" 2>"$err"; then
    end="$(now_ns)"
    echo "run failed: $config" >&2; cat "$out" "$err" "$timef" >&2; exit 1
  fi
  end="$(now_ns)"
  grep -qx 'STATUS=200' "$out" || { echo "unexpected output ($config):" >&2; cat "$out" "$err" >&2; exit 1; }
  if [ "$config" != none ] && ! grep -q 'opentelemetry-javaagent - version' "$err"; then
    echo "agent did not start ($config):" >&2; cat "$err" >&2; exit 1
  fi
  $record || return 0
  local main_ns resp_ns rss_kb
  main_ns="$(sed -n 's/^MAIN_EPOCH_NS=//p' "$out")"
  resp_ns="$(sed -n 's/^RESPONSE_EPOCH_NS=//p' "$out")"
  rss_kb="$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$timef")"
  awk -v c="$config" -v s="$start" -v e="$end" -v m="$main_ns" -v r="$resp_ns" -v k="$rss_kb" \
    'BEGIN { printf "%s\t%.1f\t%.1f\t%.1f\t%d\n", c, (e-s)/1e6, (m-s)/1e6, (r-s)/1e6, k }' >> "$results"
}

cpus="$(nproc 2>/dev/null || echo '?')"
cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n1)"
mem_mb="$(awk '/^MemTotal/ { printf "%d", $2/1024 }' /proc/meminfo 2>/dev/null || echo '?')"
java_version="$("$java" -version 2>&1 | head -n1)"
if unzip -Z1 "$our_jar" 2>/dev/null | grep -q '^extensions/.*\.jar$'; then
  embedded="$(unzip -Z1 "$our_jar" | grep '^extensions/.*\.jar$' | tr '\n' ' ')"
else
  embedded="(no extensions/*.jar found in our jar)"
fi

{
  echo "startup benchmark: $runs measured run(s) per configuration, $warmup warm-up round(s), interleaved"
  echo "  machine : $cpus CPU(s)${cpu_model:+ ($cpu_model)}, ${mem_mb} MB RAM, $(uname -sr)"
  echo "  java    : $java_version"
  echo "  upstream: $upstream_src"
  echo "  ours    : $our_src [embedded: ${embedded% }]"
} >&2

for ((i = 0; i < warmup; i++)); do
  for config in "${configs[@]}"; do run_one "$config" false; done
done
for ((i = 0; i < runs; i++)); do
  for ((j = 0; j < ${#configs[@]}; j++)); do
    run_one "${configs[$(((i + j) % ${#configs[@]}))]}" true
  done
  printf '  run %d/%d done\n' "$((i + 1))" "$runs" >&2
done

if [ -n "$raw" ]; then
  { printf 'config\twall_ms\tto_main_ms\tto_response_ms\tpeak_rss_kb\n'; cat "$results"; } > "$raw"
fi

# Statistics per config: median and min of each column.
stat() { # config column(2..5) median|min|max
  awk -F'\t' -v c="$1" -v col="$2" '$1 == c { print $col }' "$results" | sort -g |
    awk -v what="$3" '{ v[NR] = $1 }
      END {
        if (what == "min") { print v[1] }
        else if (what == "max") { print v[NR] }
        else if (NR % 2) { print v[(NR + 1) / 2] }
        else { print (v[NR / 2] + v[NR / 2 + 1]) / 2 }
      }'
}
declare -A S
for config in "${configs[@]}"; do
  for col in 2 3 4 5; do
    for what in median min max; do S[$config,$col,$what]="$(stat "$config" "$col" "$what")"; done
  done
done
fmt() { awk -v v="$1" -v d="${2:-0}" 'BEGIN { printf "%.*f", d, v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

echo
echo "| configuration | wall median (ms) | wall min (ms) | to main median (ms) | to first response median (ms) | peak RSS median (MB) | peak RSS min (MB) | peak RSS max (MB) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for config in "${configs[@]}"; do
  case "$config" in
    none) label="no agent" ;;
    upstream) label="upstream agent $(basename "$upstream_jar" .jar | sed 's/^opentelemetry-javaagent-//')" ;;
    ours) label="ours ($(basename "$our_jar"))" ;;
  esac
  echo "| $label | $(fmt "${S[$config,2,median]}") | $(fmt "${S[$config,2,min]}") | $(fmt "${S[$config,3,median]}") | $(fmt "${S[$config,4,median]}") | $(mb "${S[$config,5,median]}") | $(mb "${S[$config,5,min]}") | $(mb "${S[$config,5,max]}") |"
done
echo
echo "| ratio | wall median | wall min | to main median | to first response median | peak RSS median |"
echo "|---|---:|---:|---:|---:|---:|"
for pair in "ours upstream" "upstream none"; do
  read -r a b <<< "$pair"
  echo "| $a / $b | $(ratio "${S[$a,2,median]}" "${S[$b,2,median]}") | $(ratio "${S[$a,2,min]}" "${S[$b,2,min]}") | $(ratio "${S[$a,3,median]}" "${S[$b,3,median]}") | $(ratio "${S[$a,4,median]}" "${S[$b,4,median]}") | $(ratio "${S[$a,5,median]}" "${S[$b,5,median]}") |"
done
echo

wall_pct="$(awk -v a="${S[ours,2,median]}" -v b="${S[upstream,2,median]}" 'BEGIN { printf "%.1f", (a / b - 1) * 100 }')"
rss_mb="$(awk -v a="${S[ours,5,median]}" -v b="${S[upstream,5,median]}" 'BEGIN { printf "%.1f", (a - b) / 1024 }')"
failed=0
if awk -v p="$wall_pct" -v m="$MAX_WALL_OVERHEAD_PCT" 'BEGIN { exit !(p <= m) }'; then
  echo "PASS wall time: ours adds ${wall_pct}% over upstream (median vs median, budget <= ${MAX_WALL_OVERHEAD_PCT}%)"
else
  echo "FAIL wall time: ours adds ${wall_pct}% over upstream (median vs median, budget <= ${MAX_WALL_OVERHEAD_PCT}%)"; failed=1
fi
if awk -v d="$rss_mb" -v m="$MAX_RSS_OVERHEAD_MB" 'BEGIN { exit !(d <= m) }'; then
  echo "PASS peak RSS: ours adds ${rss_mb} MB over upstream (median vs median, budget <= ${MAX_RSS_OVERHEAD_MB} MB)"
else
  echo "FAIL peak RSS: ours adds ${rss_mb} MB over upstream (median vs median, budget <= ${MAX_RSS_OVERHEAD_MB} MB)"; failed=1
fi

if $enforce && [ "$failed" = 1 ]; then exit 1; fi
exit 0
