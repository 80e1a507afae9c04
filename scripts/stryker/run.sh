#!/usr/bin/env bash
# Mutation check of the reference solutions: Stryker.NET changes solutions/ one small mutation at a time
# (a < becomes <=, a condition is negated, a statement removed) and runs the graded tests against each
# mutant. A mutant the graded tests do not catch is a wrong answer that would earn full marks.
# Target: at least 85% of mutants killed. Not part of tests/run.sh because it takes minutes.
#   bash scripts/stryker/run.sh            # prints the score; the HTML report lands in scripts/stryker/StrykerOutput/
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
start=$(date +%s)
cd tests/Exercises.Tests
# Settings in scripts/stryker/stryker-config.json: mutate solutions/Exercise*.cs only (not the given
# Support/ types), skip mutations of error-message strings and of null-argument guards, break below 85%.
dotnet stryker --config-file ../../scripts/stryker/stryker-config.json \
  --output ../../scripts/stryker/StrykerOutput "$@"
echo "Stryker run time: $(( $(date +%s) - start )) s"
