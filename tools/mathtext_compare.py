#!/usr/bin/env python3
"""The course formulas set by LossPlot beside matplotlib's mathtext: docs/mathtext-comparison.png.

LossPlot's side comes from the example Examples/Sources/mathtext-sheet (built here with its own
scratch folder), which holds the formulas and writes one PNG per formula; matplotlib's side sets
the same markup with matplotlib.mathtext.math_to_image at the same size and resolution. Columns:
LossPlot in DejaVu Sans, matplotlib's "dejavusans" font set, LossPlot in Latin Modern Roman, and
matplotlib's "cm" (Computer Modern) font set.

    python3 -m venv .venv-tools && .venv-tools/bin/pip install matplotlib
    .venv-tools/bin/python tools/mathtext_compare.py            # writes docs/mathtext-comparison.png
    .venv-tools/bin/python tools/mathtext_compare.py --out x.png --size 12 --dpi 150
"""
import argparse
import os
import subprocess
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager, mathtext  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLUMNS = [
    ("LossPlot · DejaVu Sans", "lossplot", "DejaVu Sans"),
    ("matplotlib · dejavusans", "matplotlib", "dejavusans"),
    ("LossPlot · Latin Modern Roman", "lossplot", "Latin Modern Roman"),
    ("matplotlib · cm", "matplotlib", "cm"),
]


def build_example(scratch):
    """Builds the mathtext-sheet example and returns the path of its executable."""
    subprocess.run(["swift", "build", "--package-path", os.path.join(ROOT, "Examples"), "--scratch-path", scratch,
                    "--product", "mathtext-sheet"], check=True, stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "--package-path", os.path.join(ROOT, "Examples"), "--scratch-path",
                             scratch, "--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(binary, "mathtext-sheet")


def lossplot_images(binary, family, folder, size, dpi):
    os.makedirs(folder, exist_ok=True)
    subprocess.run([binary, "--each", folder, "--family", family, "--size", str(size), "--dpi", str(dpi)],
                   check=True, stdout=subprocess.DEVNULL)
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".png"))


def matplotlib_images(formulas, fontset, folder, size, dpi):
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i, formula in enumerate(formulas, 1):
        path = os.path.join(folder, f"formula-{i:02d}.png")
        try:
            with matplotlib.rc_context({"mathtext.fontset": fontset}):
                mathtext.math_to_image(formula, path, prop=FontProperties(size=size), dpi=dpi)
        except Exception as error:  # a formula matplotlib cannot set: say so in its cell
            print(f"matplotlib ({fontset}) cannot set {formula}: {error}".splitlines()[0], file=sys.stderr)
            path = None
        paths.append(path)
    return paths


def compose(formulas, columns, out, dpi):
    scale = dpi / 150
    pad = int(10 * scale)
    label_font = ImageFont.truetype(font_manager.findfont("DejaVu Sans"), int(15 * scale))
    small_font = ImageFont.truetype(font_manager.findfont("DejaVu Sans"), int(12 * scale))
    cells = [[Image.open(p).convert("RGB") if p else None for p in column] for _, column in columns]
    widths = [max((c.width for c in column if c), default=100) + 2 * pad for column in cells]
    number_width = int(34 * scale)
    heights = [max((column[r].height for column in cells if column[r]), default=20) + 2 * pad
               for r in range(len(formulas))]
    header = int(34 * scale)
    sheet = Image.new("RGB", (number_width + sum(widths), header + sum(heights)), "white")
    draw = ImageDraw.Draw(sheet)
    x = number_width
    for (title, _), width in zip(columns, widths):
        draw.text((x + pad, pad), title, fill="black", font=label_font)
        x += width
    y = header
    for r, height in enumerate(heights):
        draw.line([(0, y), (sheet.width, y)], fill=(205, 205, 205), width=1)
        draw.text((pad // 2, y + pad), f"{r + 1}", fill=(120, 120, 120), font=small_font)
        x = number_width
        for column, width in zip(cells, widths):
            image = column[r]
            if image is None:
                draw.text((x + pad, y + pad), "cannot set this", fill=(180, 0, 0), font=small_font)
            else:
                sheet.paste(image, (x + pad, y + (height - image.height) // 2))
            x += width
        y += height
    x = number_width
    for width in widths[:-1]:
        x += width
        draw.line([(x, header), (x, sheet.height)], fill=(205, 205, 205), width=1)
    sheet.save(out, dpi=(dpi, dpi))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "mathtext-comparison.png"))
    parser.add_argument("--size", type=float, default=12, help="font size in points (12)")
    parser.add_argument("--dpi", type=float, default=150, help="resolution (150)")
    parser.add_argument("--scratch", default=os.path.join(ROOT, ".build-mathtext"),
                        help="SwiftPM scratch folder for the example (.build-mathtext)")
    args = parser.parse_args()
    binary = build_example(args.scratch)
    formulas = subprocess.run([binary, "--list"], check=True, capture_output=True, text=True).stdout.splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        columns = []
        for k, (title, renderer, font) in enumerate(COLUMNS):
            folder = os.path.join(tmp, f"column-{k}")
            if renderer == "lossplot":
                paths = lossplot_images(binary, font, folder, args.size, args.dpi)
            else:
                paths = matplotlib_images(formulas, font, folder, args.size, args.dpi)
            columns.append((title, paths))
        compose(formulas, columns, args.out, args.dpi)
    print(f"{args.out}: {len(formulas)} formulas, LossPlot beside matplotlib {matplotlib.__version__}")


if __name__ == "__main__":
    main()
