#!/usr/bin/env bash
# Prints the grader's figures, measured in one run on this machine (nothing here is asserted by a test):
#   1. one `dotnet build exercises/Exercises.csproj --no-incremental`, the yardstick;
#   2. a batch of N submissions (solutions, stubs, half-done), from a cold start, per submission;
#   3. `course grade` warm (the second of two runs);
#   4. `course grade --watch`: from saving a file to the new scoreboard;
#   5. a submission whose every test hangs.
# The load average is printed before and after: on a shared machine, read the figures with it.
# Usage: bash scripts/grading-figures.sh [N]   (N submissions in the batch, 6 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
n=${1:-6}
scratch=$(mktemp -d /tmp/grading-figures.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "cores: $(nproc); load average before: $(load)"
dotnet build lib/Course.Cli/Course.Cli.csproj -nologo -v q -clp:NoSummary >/dev/null
course=(dotnet "$root/lib/Course.Cli/bin/Debug/net10.0/course.dll")

# 1. The yardstick: one full build of the exercises, as a per-submission `dotnet build` would need.
start=$(now)
dotnet build exercises/Exercises.csproj --no-incremental -nologo -v q -clp:NoSummary >/dev/null
build=$(secs "$start" "$(now)")
echo "dotnet build exercises/Exercises.csproj --no-incremental: $build s"

# 2. A batch from a cold start (a new work folder, so the course's graded tests are built once inside it).
subs="$scratch/submissions"
for i in $(seq 1 "$n"); do
  dir="$subs/student-$i/exercises"
  mkdir -p "$dir"
  case $((i % 3)) in
    0) cp exercises/Exercise*.cs "$dir/" ;;
    1) cp solutions/Exercise*.cs "$dir/" ;;
    2) cp exercises/Exercise*.cs "$dir/"; cp solutions/Exercise0[1-5]_*.cs "$dir/" ;;
  esac
done
start=$(now)
"${course[@]}" grade --submissions "$subs" --csv "$scratch/grades.csv" --root "$root" --work "$scratch/batch-work" >"$scratch/batch.txt"
batch=$(secs "$start" "$(now)")
cat "$scratch/batch.txt" | sed 's/^/    /'
start=$(now)
"${course[@]}" grade --submissions "$subs" --csv "$scratch/grades.csv" --root "$root" --work "$scratch/batch-work" >/dev/null
warmbatch=$(secs "$start" "$(now)")
# The course's one build is paid once per batch; a room of 30 shares it.
awk -v b="$batch" -v w="$warmbatch" -v n="$n" -v y="$build" 'BEGIN {
  setup = b - w;
  printf "batch of %d, cold (builds the course once): %.1f s, %.1f s per submission\n", n, b, b / n;
  printf "batch of %d, course already built:          %.1f s, %.1f s per submission\n", n, w, w / n;
  printf "so the course'"'"'s one build took about %.1f s; a batch of 30 would take about %.1f s per submission\n", setup, (setup + 30 * w / n) / 30;
  printf "target: at most half the yardstick per submission, %.1f s: cold batch of %d %s, built %s, cold batch of 30 %s\n", y / 2, n, (b / n <= y / 2 ? "met" : "NOT met"), (w / n <= y / 2 ? "met" : "NOT met"), ((setup + 30 * w / n) / 30 <= y / 2 ? "met" : "NOT met") }'

# 3. `course grade` warm, on a student copy (the learner's case).
copy="$scratch/student"
"${course[@]}" release "$copy" --root "$root" >/dev/null
"${course[@]}" grade --root "$copy" --work "$scratch/single-work" >/dev/null
start=$(now)
"${course[@]}" grade --root "$copy" --work "$scratch/single-work" >/dev/null
echo "course grade, warm: $(secs "$start" "$(now)") s (target under 3 s)"

# 4. --watch: save a file, wait for the next scoreboard.
"${course[@]}" grade --root "$copy" --work "$scratch/single-work" --watch >"$scratch/watch.txt" 2>&1 &
watcher=$!
for _ in $(seq 1 600); do grep -q "Watching" "$scratch/watch.txt" && break; sleep 0.1; done
for round in 1 2; do
  before=$(grep -c "^Total:" "$scratch/watch.txt" || true)
  cp "$root/solutions/Exercise02_FencingGuard.cs" "$copy/exercises/Exercise02_FencingGuard.cs"
  [ "$round" = 2 ] && cp "$root/exercises/Exercise02_FencingGuard.cs" "$copy/exercises/Exercise02_FencingGuard.cs"
  start=$(now)
  for _ in $(seq 1 1200); do
    [ "$(grep -c "^Total:" "$scratch/watch.txt" || true)" -gt "$before" ] && break
    sleep 0.05
  done
  echo "course grade --watch, save $round to scoreboard: $(secs "$start" "$(now)") s (target under 2 s; includes the 0.3 s wait for the editor's burst of writes)"
  sleep 1
done
kill "$watcher" 2>/dev/null || true
wait "$watcher" 2>/dev/null || true

# 5. Every test hangs.
hang="$scratch/hanging/all-hang/exercises"
mkdir -p "$hang"
for f in exercises/Exercise*.cs; do
  sed 's/throw new NotImplementedException()/throw Forever.Hang()/' "$f" >"$hang/$(basename "$f")"
done
echo 'internal static class Forever { public static System.Exception Hang() { while (true) { } } }' >>"$hang/Exercise01_QuorumMath.cs"
start=$(now)
"${course[@]}" grade --submissions "$scratch/hanging" --csv "$scratch/hang.csv" --root "$root" --work "$scratch/batch-work" >/dev/null
echo "a submission whose every test hangs: $(secs "$start" "$(now)") s (target under 120 s), status $(sed -n 2p "$scratch/hang.csv" | cut -d, -f4)"
echo "load average after: $(load)"
