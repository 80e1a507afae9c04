#!/usr/bin/env bash
# Runs every test project of the course and ends with one line: "N passed, N failed, N skipped".
# This is the README's test command and the one CI runs.
set -uo pipefail
cd "$(dirname "$0")/.."

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build course.sln -c Debug -warnaserror -nologo -v quiet
build=$?
if [ $build -ne 0 ]; then
  echo "The build failed; no test ran."
  echo "0 passed, 1 failed"
  exit 1
fi

# One project at a time, each writing its own results file, so no two runs can mix their counts.
status=0; missing=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build -c Debug --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
  [ -e "$results/$name.trx" ] || { echo "$name wrote no results: its test host crashed or found no tests."; missing=1; }
done

passed=0; failed=0; skipped=0; files=0; missing=${missing:-0}
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

if [ "$missing" -ne 0 ] || { [ $status -ne 0 ] && [ $failed -eq 0 ]; }; then
  # A test host crashed or a project wrote no results: count it, never hide it.
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit $status
