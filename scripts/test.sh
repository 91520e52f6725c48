#!/usr/bin/env bash
# Every test, as CI runs it: type checks; unit and API tests on PGlite and again on a PostgreSQL server;
# browser tests in Debian's Chromium. Installs what the tests need that npm does not (Chromium) and
# starts the local PostgreSQL when it is down.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
bash scripts/ensure-postgres.sh "$TEST_DATABASE_URL"

reports=$(mktemp -d)
run() {
  local name=$1
  shift
  echo
  echo "=== $name"
  "$@" --reporter=default --reporter=json --outputFile.json="$reports/$name.json"
}

echo "=== type check"
npm run --silent typecheck
TEST_DATABASE_URL= run pglite npx vitest run
run postgres npx vitest run
run browser npx vitest run --config e2e/vitest.config.ts

node -e '
const fs = require("fs");
let passed = 0, failed = 0, skipped = 0;
for (const f of fs.readdirSync(process.argv[1])) {
  const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
' "$reports"
