#!/usr/bin/env python3
"""Runs the same work with gan-losses and with numpy / scipy / matplotlib and writes
bench/RESULTS.md: ns per element for loss + derivative over 10^7 logits, and the whole-process
time and peak memory of drawing the two-curve figure. Medians of several runs, with ratios.

It makes its own virtual environment (bench/.venv) and installs numpy, scipy and matplotlib into
it; the Swift tool and its tests never need Python. gnuplot (Debian's gnuplot-nox, which `make
compare` installs) draws the figure too, when it is there. Build the tool first: `make release` (or run
`make compare`). Wall times are taken with the clock around each process, peak memory from wait4.

Usage: python3 bench/compare.py [--runs 7] [--n 10000000]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
VENV = os.path.join(ROOT, "bench", ".venv")
PY = os.path.join(VENV, "bin", "python")
# The statically linked tool of `make release` (see the Makefile), else a plain release build.
TOOL = next((t for t in (os.path.join(ROOT, ".build", "static", "release", "gan-losses"),
                         os.path.join(ROOT, ".build", "release", "gan-losses")) if os.access(t, os.X_OK)), "")

NUMPY_BENCH = r'''
import statistics, sys, time, numpy as np, scipy.special as sp
n, runs = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(1)
l = rng.uniform(-20, 20, n)
def stable():   # minimax: -softplus(l), -sigmoid(l)
    value = -(np.maximum(l, 0) + np.log1p(np.exp(-np.abs(l))))
    grad = -np.where(l >= 0, 1 / (1 + np.exp(-l)), np.exp(l) / (1 + np.exp(l)))
    return value, grad
def scipy_():
    return sp.log_expit(-l), -sp.expit(l)
for name, f in [("numpy stable", stable), ("scipy log_expit/expit", scipy_)]:
    times = []
    for _ in range(runs):
        t = time.perf_counter(); f(); times.append((time.perf_counter() - t) / n * 1e9)
    print(f"{name}\t{statistics.median(times):.3f}")
'''

# The same loop in C with glibc's exp and log1p, compiled with gcc -O2: the anchor that tells how
# fast this machine is (it takes 12.3 ns on the reference machine: docs/architecture.md#performance-anchors).
C_LOOP = r'''
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
int main(int argc, char **argv) {
    int n = atoi(argv[1]), runs = atoi(argv[2]);
    double *l = malloc(n * sizeof *l), *v = malloc(n * sizeof *v), *g = malloc(n * sizeof *g), *t = malloc(runs * sizeof *t);
    unsigned long long s = 1;
    for (int i = 0; i < n; i++) { s = s * 6364136223846793005ULL + 1442695040888963407ULL; l[i] = (double)(s >> 11) / 9007199254740992.0 * 40 - 20; }
    for (int r = 0; r < runs; r++) {
        double start = now();
        for (int i = 0; i < n; i++) {   /* minimax: -softplus(l), -sigmoid(l) */
            double x = l[i], e = exp(-fabs(x));
            v[i] = -(fmax(x, 0) + log1p(e));
            g[i] = -(x >= 0 ? 1 / (1 + e) : e / (1 + e));
        }
        t[r] = (now() - start) / n * 1e9;
    }
    qsort(t, runs, sizeof *t, cmp);
    printf("C -O2, glibc exp/log1p\t%.3f\n", t[runs / 2] + 0 * (v[n / 2] + g[n / 2]));
}
'''

MATPLOTLIB_FIGURE = r'''
import sys, numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
d = np.linspace(1e-9, 1 - 1e-9, 2000)
fig, ax = plt.subplots(figsize=(6.4, 4.8))
ax.plot(d, np.log1p(-d), label="minimax log(1 - D)")
ax.plot(d, -np.log(d), "--", label="nonsat -log D")
ax.set_ylim(-5, 5); ax.set_xlabel("D(G(z))"); ax.set_ylabel("generator loss"); ax.legend()
ax.set_title("Generator losses against D(G(z))")
fig.savefig(sys.argv[1], dpi=150)
'''

# The same figure with gnuplot's cairo PNG terminal (960 × 720 pixels, as 6.4 × 4.8 in at 150 dpi):
# a compiled plotting program, the anchor for what drawing this figure costs without Python.
GNUPLOT_FIGURE = r'''
set terminal pngcairo size 960,720 font "DejaVu Sans,10"
set output ARG1
set samples 2000
set xrange [1e-9:1 - 1e-9]
set yrange [-5:5]
set xlabel "D(G(z))"
set ylabel "generator loss"
set title "Generator losses against D(G(z))"
plot log(1 - x) title "minimax log(1 - D)" lw 2, -log(x) title "nonsat -log D" dt 2 lw 2
'''


def ensure_venv():
    if not os.path.exists(PY):
        venv.create(VENV, with_pip=True)
    subprocess.run([PY, "-m", "pip", "install", "-q", "numpy", "scipy", "matplotlib"], check=True)


def timed(cmd):
    """Wall time (s, from the clock around the process) and peak RSS (MiB, from wait4) of a command."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{process.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--n", type=int, default=10_000_000)
    a = p.parse_args()
    if not os.access(TOOL, os.X_OK):
        sys.exit("build the release tool first: make release")
    ensure_venv()

    lines = ["# Benchmarks", "", f"Generated by `python3 bench/compare.py --runs {a.runs} --n {a.n}` on this machine "
             "(2 cores, shared and noisy: medians of several runs).", ""]

    # Loss + derivative, ns per element.
    ours = subprocess.run([TOOL, "bench", "--loss", "minimax,nonsat", "--n", str(a.n), "--reps", str(a.runs),
                           "--format", "csv"], capture_output=True, text=True, check=True).stdout.splitlines()[1:]
    ours = {row.split(",")[0]: float(row.split(",")[2]) for row in ours}
    theirs = subprocess.run([PY, "-c", NUMPY_BENCH, str(a.n), str(a.runs)], capture_output=True, text=True,
                            check=True).stdout.splitlines()
    theirs = {line.split("\t")[0]: float(line.split("\t")[1]) for line in theirs}
    with tempfile.TemporaryDirectory() as folder:
        source, binary = os.path.join(folder, "loop.c"), os.path.join(folder, "loop")
        with open(source, "w") as fh:
            fh.write(C_LOOP)
        if subprocess.run(["gcc", "-O2", source, "-o", binary, "-lm"], capture_output=True).returncode == 0:
            line = subprocess.run([binary, str(a.n), str(a.runs)], capture_output=True, text=True, check=True).stdout
            theirs[line.split("\t")[0]] = float(line.split("\t")[1])
    lines += ["## Loss + derivative of the minimax loss over 10⁷ float64 logits, one thread", "",
              "| implementation | ns per element (median) | relative to gan-losses |", "|---|---|---|"]
    base = ours["minimax"]
    lines.append(f"| gan-losses batch API, minimax | {base:.2f} | 1.00 |")
    lines.append(f"| gan-losses batch API, nonsat | {ours['nonsat']:.2f} | {ours['nonsat'] / base:.2f} |")
    for name, t in theirs.items():
        lines.append(f"| {name} | {t:.2f} | {t / base:.2f} |")
    if "C -O2, glibc exp/log1p" in theirs:
        speed = theirs["C -O2, glibc exp/log1p"] / 12.3
        lines += ["", f"The C loop takes 12.3 ns on the reference machine (docs/architecture.md#performance-anchors); here it is {speed:.2f}× slower, so "
                  f"gan-losses' {base:.2f} ns here correspond to about {base / speed:.1f} ns there (target: 4)."]

    # The two-curve figure, whole process.
    with tempfile.TemporaryDirectory() as folder:
        script = os.path.join(folder, "figure.py")
        with open(script, "w") as fh:
            fh.write(MATPLOTLIB_FIGURE)
        gnuplot_script = os.path.join(folder, "figure.gp")
        with open(gnuplot_script, "w") as fh:
            fh.write(GNUPLOT_FIGURE)
        commands = [("gan-losses plot", [TOOL, "plot", "--loss", "minimax,nonsat", "-o", os.path.join(folder, "a.png")]),
                    ("matplotlib", [PY, script, os.path.join(folder, "b.png")])]
        if shutil.which("gnuplot"):
            commands.append(("gnuplot (pngcairo)", ["gnuplot", "-c", gnuplot_script, os.path.join(folder, "c.png")]))
        results = {}
        for name, cmd in commands:
            runs = [timed(cmd) for _ in range(a.runs)]
            results[name] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
    ours_t, ours_m = results["gan-losses plot"]
    lines += ["", "## The two-curve PNG figure, whole process", "",
              "| command | wall time (median) | peak memory (median) |", "|---|---|---|"]
    for name, (t, m) in results.items():
        lines.append(f"| {name} | {t * 1000:.0f} ms | {m:.1f} MiB |")
    mt, mm = results["matplotlib"]
    lines += ["", f"gan-losses is {mt / ours_t:.1f}× faster and uses {mm / ours_m:.1f}× less memory "
              "(targets: 20× faster, under 20 MiB)."]

    # The whole coursework set: every figure × PNG, SVG, PDF, including three GAN trainings.
    with tempfile.TemporaryDirectory() as folder:
        runs = [timed([TOOL, "figures", "--out", folder]) for _ in range(max(3, a.runs // 2))]
        files = len(os.listdir(folder))
    lines += ["", f"## `gan-losses figures`: the whole set, {files} files", "",
              "| wall time (median) | peak memory (median) |", "|---|---|",
              f"| {statistics.median(r[0] for r in runs):.2f} s | {statistics.median(r[1] for r in runs):.1f} MiB |",
              "", "(Target: under 15 s. Two of the figures train: the gradient decay and the ring GAN of mode-collapse, three objectives on the cores; all figures are drawn on every core.)", ""]

    out = os.path.join(ROOT, "bench", "RESULTS.md")
    # The sections measured by hand (their text says so) are kept, after the generated ones.
    kept = []
    if os.path.exists(out):
        sections = open(out).read().split("\n## ")
        kept = ["## " + section.rstrip("\n") for section in sections[1:] if "Measured by hand" in section]
    with open(out + ".tmp", "w") as fh:
        fh.write("\n".join(lines + kept) + "\n")
    os.replace(out + ".tmp", out)
    print(open(out).read())


if __name__ == "__main__":
    main()
