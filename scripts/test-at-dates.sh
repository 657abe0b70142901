#!/usr/bin/env bash
# Runs the `node` test project with the process clock set to fixed dates (Debian's faketime, libfaketime), so a test
# that reads the real clock for what it asserts fails here on any day, not first on the day its assumption breaks.
# The dates are the edges the product's calendar rules turn on: a deadline moved onto "today", the RF-1086 deadline
# on a Sunday and the day after it, New Year's Eve, and a leap day. Pass dates as arguments to run others.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "test-at-dates: faketime is missing (apt-get install faketime)" >&2; exit 1; }
dates=("$@")
((${#dates[@]} > 0)) || dates=(2026-12-07 2027-01-31 2027-02-01 2027-12-31 2028-02-29)
for day in "${dates[@]}"; do
  echo "test-at-dates: node tests with the clock at $day 10:00 UTC"
  # -f '@…' starts the clock there and lets it run, so timeouts and backoff behave as on a real day.
  faketime -f "@$day 10:00:00" bash scripts/with-keyring.sh npx --no-install vitest run --project node --reporter dot
done
