#!/usr/bin/env bash
# The README's test command: installs what the tests need where it is missing (Debian's
# Chromium, Redis and PostgreSQL; the npm packages), then runs the type check, every
# test (unit, property, server on 127.0.0.1, browser in Chromium) and the benchmarks.
# Ends with the line "N passed, N failed" summed from Vitest's own JSON report.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || command -v postgres >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${need[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null || {
    echo "could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi

status=0
echo "== type check"
npx tsc --noEmit -p tsconfig.json || status=1

echo "== tests"
mkdir -p artifacts
report=artifacts/vitest.json
rm -f "$report"
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=1

echo "== benchmarks"
# A missed figure (exit 1) is reported, not failed: figures are ratios, but a crowded machine can
# still move them. A benchmark that crashes (exit 2) measured nothing, and fails the run.
npm run --silent bench
case $? in
  0) ;;
  1) echo "(a benchmark missed its target: see the table above)" ;;
  *) echo "a benchmark crashed: see above"; status=1 ;;
esac

if [ -f "$report" ]; then
  counts=$(node -e 'const r=require(process.argv[1]); console.log(`${r.numPassedTests} ${r.numFailedTests + (r.numRuntimeErrorTestSuites||0)} ${r.numPendingTests + (r.numTodoTests||0)}`)' "$PWD/$report")
  read -r passed failed skipped <<<"$counts"
else
  passed=0; failed=1; skipped=0
fi
[ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=$((failed + 1))
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ]
