#!/usr/bin/env bash
# Hot-path benchmarks (JMH), each run in forks without the agent and with it, side by side against the
# budgets: the OpenAI Java SDK over an in-process fake transport (no sockets, canned responses);
# LangChain4j 1.19.0 (its OpenAI chat and streaming models over a fake of its own HttpClient, a @Tool
# method through DefaultToolExecutor, an embedding-store retriever over the in-memory store with a fake
# embedding model); JDBC on real embedded databases (an ordinary prepared statement on H2, a vector search
# on DuckDB), compared with the same agent with our genai-jdbc-vectorstores module off; and the vector SQL
# classifier alone, without the agent. Module: benchmarks/jmh; figures and method in docs/PERFORMANCE.md ("Hot paths (JMH)").
#
# Usage: benchmarks/jmh.sh [--no-build] [--agent-jar JAR] [options]
#   --no-build            use what is built (default: mvn package of the agent jar and of benchmarks/jmh)
#   --agent-jar JAR       agent to measure (default agent/target/genai-javaagent.jar; given one, only
#                         benchmarks/jmh is built)
#   --forks N             forks per benchmark and configuration (default 1)
#   --warmup N            warmup iterations (default 10)
#   --iterations N        measurement iterations (default 5)
#   --time MS             length of one iteration in ms (default 1000)
#   --configs LIST        of plain,agent,agent-content,agent-none,agent-genai-off,agent-jdbc-off
#                         (default plain,agent,agent-content,agent-jdbc-off). Each benchmark runs only in
#                         the ones that apply to it: agent-jdbc-off (the JDBC baseline) for jdbc only,
#                         agent-none and agent-genai-off for the OpenAI and LangChain4j ones only;
#                         classifier always and only in plain
#   --benchmarks LIST     of chat,large,stream,embeddings,langchain4j,jdbc,classifier (default all); also
#                         vector: the vector searches of jdbc alone; lc4j-chat, lc4j-stream, lc4j-tool,
#                         lc4j-retrieval: parts of langchain4j
#   --chunks LIST         stream lengths in chunks, OpenAI and LangChain4j (default 8,200)
#   --rows LIST           vector search result sizes in rows (default 10,1000; the per-row budget is
#                         checked on the largest, when it is at least 1000)
#   --prof NAME[:ARGS]    an extra JMH profiler, repeatable (gc and CPU time always run), e.g. --prof stack
#   --jvm-args 'ARGS'     JVM options for every fork (default '-Xms1g -Xmx1g')
#   --out DIR             where logs, JSON and results.md go (default benchmarks/jmh/target/jmh-results)
#   --enforce             exit 1 when a budget fails (default: report only, exit 0)
# Environment: JAVA_HOME (default: java on PATH).
#
# Only the JDBC benchmarks and the classifier (about 5 minutes on 2 cores):
#   benchmarks/jmh.sh --benchmarks jdbc,classifier --configs plain,agent,agent-jdbc-off
# (add agent-content for the JDBC rows with content capture on; plain is the "no agent" context column of
# the JDBC table, and where the classifier runs in any case).
# Only LangChain4j (about 5 minutes): benchmarks/jmh.sh --benchmarks langchain4j --configs plain,agent,agent-content
#
# Defaults take about 16 minutes on 2 cores plus the build (53 forks of 15-20 s: 5 OpenAI and 6 LangChain4j
# benchmarks x 3 configurations, 4 JDBC benchmarks x 4, 4 classifier benchmarks x 1); --forks 2 about twice that.
# Inherited OTEL_*, JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS and _JAVA_OPTIONS are cleared; OPT_OUT_TRACKING=true.
# Nothing leaves the process: the transports are fake, the databases are in memory, and the agent's
# exporters discard what they get.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
module="$root/benchmarks/jmh"
build=true
agent_jar=""
args=()

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=false; shift ;;
    --agent-jar) agent_jar="${2:?--agent-jar needs a value}"; shift 2 ;;
    --agent-jar=*) agent_jar="${1#*=}"; shift ;;
    --enforce) args+=("$1"); shift ;;
    --out) out="${2:?--out needs a value}"; [[ "$out" = /* ]] || out="$PWD/$out"; args+=(--out "$out"); shift 2 ;;
    --out=*) out="${1#*=}"; [[ "$out" = /* ]] || out="$PWD/$out"; args+=(--out "$out"); shift ;;
    -h|--help) usage; exit 0 ;;
    --*=*) args+=("${1%%=*}" "${1#*=}"); shift ;;
    --*) [ $# -ge 2 ] || { echo "$1 needs a value" >&2; exit 2; }; args+=("$1" "$2"); shift 2 ;;
    *) echo "unexpected argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
command -v "$java" >/dev/null || { echo "java not found" >&2; exit 2; }

if $build; then
  if [ -n "$agent_jar" ]; then
    projects="benchmarks/jmh"
  else
    projects="agent,benchmarks/jmh"
  fi
  echo "building $projects (mvn -B -q -DskipTests package -pl $projects -am)" >&2
  (cd "$root" && mvn -B -q -DskipTests package -pl "$projects" -am)
fi

agent_jar="${agent_jar:-$root/agent/target/genai-javaagent.jar}"
[ -f "$agent_jar" ] || { echo "agent jar not found: $agent_jar (build it: mvn -B -DskipTests package -pl agent -am)" >&2; exit 2; }
extension_jar="$(ls "$module"/target/benchmarks-jmh-*-otel-extension.jar 2>/dev/null | head -n1 || true)"
classpath_file="$module/target/jmh.classpath"
[ -n "$extension_jar" ] && [ -f "$classpath_file" ] && [ -f "$module/target/classes/META-INF/BenchmarkList" ] ||
  { echo "benchmarks/jmh is not built (run without --no-build, or mvn -B -DskipTests package -pl benchmarks/jmh)" >&2; exit 2; }

# Measure copies: a rebuild while the benchmarks run must not change what is measured.
jars="$(mktemp -d)"
trap 'rm -rf "$jars"' EXIT
cp "$agent_jar" "$jars/genai-javaagent.jar"
cp "$extension_jar" "$jars/jmh-discard-exporters.jar"
echo "agent: $agent_jar ($(sha256sum "$jars/genai-javaagent.jar" | cut -c1-12))" >&2
# Likewise the reactor's own jars on the class path (instrumentation-jdbc-vectorstores for the classifier).
classpath=""
for entry in $(tr ':' ' ' < "$classpath_file"); do
  case "$entry" in
    "$root"/*.jar) cp "$entry" "$jars/"; entry="$jars/$(basename "$entry")" ;;
  esac
  classpath="$classpath:$entry"
done

for v in $(env | sed -n 's/^\(OTEL_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS
export OPT_OUT_TRACKING=true

cd "$root"
"$java" -cp "$module/target/classes$classpath" dev.genaiagent.benchmarks.jmh.Compare \
  --root "$root" --agent-jar "$jars/genai-javaagent.jar" --extension-jar "$jars/jmh-discard-exporters.jar" \
  "${args[@]+"${args[@]}"}"
