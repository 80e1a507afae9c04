#!/usr/bin/env bash
# Figures for notebooks/README.md: how soon the course kernel is ready, and how long each lesson takes on it.
#
#   bash scripts/kernel-startup.sh            # 5 starts, then every lesson once
#   bash scripts/kernel-startup.sh 10 none    # 10 starts, no lessons
#
# It starts lib/Course.Kernel exactly as VS Code does (the command in .vscode/settings.json, in notebooks/), times the
# KernelReady event, then sends each lesson's code cells as SubmitCode envelopes and times the whole lesson, kernel
# start included. The figures depend on the machine and on what else runs on it: run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
starts="${1:-5}"
lessons="${2:-all}"

dotnet build lib/Course.Kernel/Course.Kernel.csproj -nologo -v quiet >/dev/null
dotnet build exercises/Exercises.csproj -nologo -v quiet >/dev/null   # what the swap-in cells load

python3 - "$starts" "$lessons" <<'PY'
import json, os, re, statistics, subprocess, sys, time, glob

starts, lessons = int(sys.argv[1]), sys.argv[2]
settings = json.loads(re.sub(r'^\s*//.*$', '', open('.vscode/settings.json').read(), flags=re.M))
workdir = os.path.abspath('notebooks')
command = [a.replace('{dotnet_path}', 'dotnet').replace('{working_dir}', workdir) for a in settings['polyglot-notebook.kernelTransportArgs']]

def start():
    began = time.monotonic()
    kernel = subprocess.Popen(command, cwd=workdir, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    while json.loads(kernel.stdout.readline()).get('eventType') != 'KernelReady':
        pass
    return kernel, time.monotonic() - began, began

def submit(kernel, token, code):
    kernel.stdin.write(json.dumps({'token': token, 'commandType': 'SubmitCode', 'command': {'code': code, 'targetKernelName': 'csharp'}}) + '\n')
    kernel.stdin.flush()
    while True:
        line = json.loads(kernel.stdout.readline())
        if (line.get('command') or {}).get('token') == token and line['eventType'] in ('CommandSucceeded', 'CommandFailed'):
            return line['eventType'] == 'CommandSucceeded'

ready = []
for _ in range(starts):
    kernel, seconds, _ = start()
    ready.append(seconds)
    kernel.stdin.close(); kernel.wait()
print(f"KernelReady: median {statistics.median(ready):.2f} s, best {min(ready):.2f} s, worst {max(ready):.2f} s over {starts} starts")

if lessons != 'none':
    for path in sorted(glob.glob('notebooks/*.ipynb')):
        cells = [''.join(c['source']) for c in json.load(open(path))['cells'] if c['cell_type'] == 'code']
        kernel, seconds, began = start()
        failed = sum(not submit(kernel, f'cell-{i}', code) for i, code in enumerate(cells))
        total = time.monotonic() - began
        kernel.stdin.close(); kernel.wait()
        print(f"{os.path.basename(path)[:-6]}: {len(cells)} cells, {failed} failed, {total:.1f} s (KernelReady {seconds:.2f} s)")
PY
