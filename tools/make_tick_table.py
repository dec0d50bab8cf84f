#!/usr/bin/env python3
"""Write matplotlib's own major ticks and labels for a set of linear ranges, as the table that
LossPlot's tick tests compare against (Tests/LossPlotTests/Resources/matplotlib-ticks.json).

matplotlib's AutoLocator is MaxNLocator(steps=[1, 2, 2.5, 5, 10]); the labels come from the
default ScalarFormatter (offset threshold 4, power limits (-5, 6), Unicode minus). Each case
fixes nbins (the maximum number of intervals) so that the table does not depend on a figure size.

Usage: pip install matplotlib && python3 tools/make_tick_table.py
"""
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

RANGES = [
    (0, 1), (-1, 1), (-10, 10), (-0.05, 1.05), (0, 7), (-4.6, 4.6), (-52, 7.3), (0.001, 0.002),
    (1e-7, 5e-7), (0, 1e6), (0, 3e7), (1000.1, 1000.9), (-11000, 500), (-1.05, 0.05), (-2.3, 17.9),
    (123456, 123789), (-1e-9, 1e-9), (1, 100), (-0.0012, 0.0008), (3, 3.0001), (-273.15, 100),
    (2.5, 7.5), (0, 10), (-0.6931, 0.6931), (-30, 5), (0.1, 0.9), (-5.25, 5.25), (99.5, 100.5),
    (-3e-6, 8e-6), (2e6, 9e6), (-1.0e5, 2.5e5), (0.33, 0.34), (-7.77, -1.11), (1e-3, 1e3),
]
NBINS = [9, 5, 4, 3, 7, 2]

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "LossPlotTests",
                   "Resources", "matplotlib-ticks.json")


def main():
    fig, ax = plt.subplots()
    cases = []
    for lo, hi in RANGES:
        for nbins in NBINS:
            ax.set_xlim(lo, hi)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10]))
            fig.canvas.draw()
            ticks = list(ax.get_xticks())
            labels = [t.get_text() for t in ax.get_xticklabels()]
            fmt = ax.xaxis.get_major_formatter()
            order = fmt._orderOfMagnitude if hasattr(fmt, "_orderOfMagnitude") else fmt.orderOfMagnitude
            # matplotlib draws the ticks within 1e-10 of the interval (_interval_contains_close).
            slack = 1e-10 * (hi - lo)
            visible = [(t, s) for t, s in zip(ticks, labels) if lo - slack <= t <= hi + slack]
            cases.append({
                "lo": lo, "hi": hi, "nbins": nbins,
                "ticks": [t for t, _ in visible], "labels": [s for _, s in visible],
                "order_of_magnitude": int(order), "offset": float(fmt.offset),
            })
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT + ".tmp", "w") as fh:
        json.dump({"matplotlib": matplotlib.__version__, "cases": cases}, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    os.replace(OUT + ".tmp", OUT)
    print(f"{OUT}: {len(cases)} cases")


if __name__ == "__main__":
    main()
