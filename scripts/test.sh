#!/usr/bin/env bash
# The whole test suite: installs what the tests need if missing, runs every test project (PostgreSQL and
# browser suites included, for real), and ends with one plain totals line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

results=$(mktemp -d /tmp/jichitai-test-results.XXXXXX)
projects=$(ls tests/*/*.csproj | grep -v 'Jichitai.Testing/')
expected=$(echo "$projects" | wc -l)

dotnet build JichitaiCloud.slnx -nologo -v quiet
build_rc=$?
test_rc=1
if [ $build_rc -eq 0 ]; then
  dotnet test JichitaiCloud.slnx --no-build -nologo --results-directory "$results" --logger "trx" "$@"
  test_rc=$?
fi

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  e=$(sed -E 's/.* error="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + total - p - f - e))
done
rm -rf "$results"

# A suite that did not run (build failure, crash, missing dependency) is a failure, never a silent skip.
if [ $build_rc -ne 0 ] || [ "$files" -lt "$expected" ]; then
  echo "error: $((expected - files)) of $expected test projects produced no results (build rc=$build_rc)" >&2
  failed=$((failed + expected - files))
fi
if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  echo "error: $skipped tests were skipped; in CI every suite must run" >&2
  failed=$((failed + skipped))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ $test_rc -eq 0 ]
