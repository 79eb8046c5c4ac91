#!/usr/bin/env bash
# Installs PostgreSQL 15 with pgvector (built from Debian 13's source package) and starts it on
# 127.0.0.1:5432. Idempotent: safe to run on a machine that already has any part of it.
set -euo pipefail

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
PG_VERSION=15

need_pkgs=()
for p in postgresql-$PG_VERSION postgresql-server-dev-$PG_VERSION build-essential; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q "${need_pkgs[@]}"
fi

if [ ! -f "/usr/share/postgresql/$PG_VERSION/extension/vector.control" ]; then
  src=/etc/apt/sources.list.d/trixie-src.sources
  if [ ! -f "$src" ]; then
    sed -n '1,/^$/p' /etc/apt/sources.list.d/debian.sources \
      | sed -e 's/^Types:.*/Types: deb-src/' -e 's/^Suites:.*/Suites: trixie/' -e '/^#/d' \
      | $SUDO tee "$src" >/dev/null
  fi
  $SUDO apt-get update -q
  build=$(mktemp -d)
  (cd "$build" && apt-get source --download-only pgvector \
     && tar xzf pgvector_*.orig.tar.gz && cd pgvector-*/ \
     && make -s PG_CONFIG=/usr/lib/postgresql/$PG_VERSION/bin/pg_config \
     && $SUDO make -s install PG_CONFIG=/usr/lib/postgresql/$PG_VERSION/bin/pg_config)
  rm -rf "$build"
fi

if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$PG_VERSION/main"; then
  $SUDO pg_createcluster $PG_VERSION main
fi
if ! pg_lsclusters -h | awk '$1=="'$PG_VERSION'" && $2=="main" {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster --skip-systemctl-redirect $PG_VERSION main start
fi

# The tests connect as genai/genai to database genai over TCP on 127.0.0.1.
$SUDO su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'genai') THEN
    CREATE ROLE genai LOGIN PASSWORD 'genai';
  END IF;
END $$;
SELECT 'CREATE DATABASE genai OWNER genai' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'genai')\gexec
SQL
$SUDO su postgres -c "psql -q -v ON_ERROR_STOP=1 -d genai -c 'CREATE EXTENSION IF NOT EXISTS vector'"
echo "PostgreSQL $PG_VERSION with pgvector $(su postgres -c "psql -tA -d genai -c \"SELECT extversion FROM pg_extension WHERE extname='vector'\"") is up on 127.0.0.1:5432"
