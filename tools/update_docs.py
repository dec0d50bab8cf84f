#!/usr/bin/env python3
"""Reruns every `$ gan-losses ...` command shown in README.md and docs/*.md and writes its real
output under it, so that each number the documentation quotes comes from the command it shows.

A fenced code block whose first line starts with `$ gan-losses` is a transcript: each line that
starts with `$ ` is a command, the lines after it are its output (standard output, then standard
error). Commands run from a fresh temporary folder, so files they write (plot -o ...) go there; the
example exports of docs/audit.md (docs/audit-examples/) are copied into it first.
The test suite (Tests/GanLossesTests/DocsTests.swift) checks the same transcripts without Python.

A block between `<!-- gan-losses ... -->` and `<!-- end -->` is generated Markdown (a table): the
command's output replaces what is between the two lines.

Usage: make release && python3 tools/update_docs.py
"""
import glob
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
# The statically linked tool of `make release`, else a plain `swift build -c release`.
BINARY = next((b for b in (os.path.join(ROOT, ".build", "static", "release", "gan-losses"),
                           os.path.join(ROOT, ".build", "release", "gan-losses")) if os.access(b, os.X_OK)), "")


def run(command):
    args = shlex.split(command)
    assert args[0] == "gan-losses", command
    with tempfile.TemporaryDirectory() as folder:
        # The example exports of docs/audit.md lie beside every command.
        examples = os.path.join(ROOT, "docs", "audit-examples")
        for name in os.listdir(examples):
            shutil.copy(os.path.join(examples, name), folder)
        r = subprocess.run([BINARY] + args[1:], cwd=folder, capture_output=True, text=True)
    return (r.stdout + r.stderr).rstrip("\n").split("\n") if (r.stdout + r.stderr) else []


def update(path):
    lines = open(path).read().split("\n")
    out, i, changed = [], 0, False
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line.startswith("<!-- gan-losses ") and line.endswith(" -->"):
            block = []
            while i < len(lines) and lines[i] != "<!-- end -->":
                block.append(lines[i])
                i += 1
            new = run(line[len("<!-- "):-len(" -->")])
            changed |= new != block
            out.extend(new)
            continue
        if line.startswith("```") and i < len(lines) and lines[i].startswith("$ gan-losses"):
            block = []
            while i < len(lines) and not lines[i].startswith("```"):
                block.append(lines[i])
                i += 1
            new = []
            for b in block:
                if b.startswith("$ "):
                    new.append(b)
                    new.extend(run(b[2:]))
            changed |= new != block
            out.extend(new)
    if changed:
        with open(path + ".tmp", "w") as fh:
            fh.write("\n".join(out))
        os.replace(path + ".tmp", path)
        print(f"updated {os.path.relpath(path, ROOT)}", file=sys.stderr)


def main():
    if not os.access(BINARY, os.X_OK):
        sys.exit("build the release tool first: make release")
    for path in [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md"))):
        update(path)


if __name__ == "__main__":
    main()
