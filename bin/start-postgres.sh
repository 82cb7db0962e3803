#!/usr/bin/env bash
# Starts a PostgreSQL server on 127.0.0.1 for the JDBC session store's tests (installing Debian's postgresql when
# it is missing), makes role and database agentos_test, and prints the JDBC URL to pass as AGENTOS_TEST_POSTGRES_URL.
set -euo pipefail
# Only the URL goes to stdout (callers capture it with $(...)): pg_ctlcluster and friends chat on stdout ("Removed
# stale pid file."), so the set-up runs with stdout sent to stderr. No descriptor of the capturing pipe may stay open
# in the set-up either: the server daemon would inherit it and the caller's $(...) would wait for it forever.
{
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "start-postgres: installing postgresql" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$ver" main start
fi
psql_su() { (cd / && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"); }
psql_su -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agentos_test') THEN
  CREATE ROLE agentos_test LOGIN PASSWORD 'agentos_test'; END IF; END\$\$;"
if [ "$(psql_su -c "SELECT 1 FROM pg_database WHERE datname = 'agentos_test'")" != "1" ]; then
  psql_su -c "CREATE DATABASE agentos_test OWNER agentos_test"
fi
} </dev/null >&2
port=$(pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $3}')
echo "jdbc:postgresql://127.0.0.1:$port/agentos_test?user=agentos_test&password=agentos_test"
