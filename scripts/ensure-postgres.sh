#!/usr/bin/env bash
# The test suite runs on PostgreSQL as well as PGlite. Start the machine's server when it is down.
set -euo pipefail
url=$1
ready() { node -e "
const pg = require('pg'); const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));" "$url"; }
ready && exit 0
if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
  echo "Starting PostgreSQL…"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 20); do ready && exit 0; sleep 1; done
fi
echo "No PostgreSQL server answers at $url. Start one, or set TEST_DATABASE_URL to a server the tests may create databases on." >&2
exit 1
