#!/usr/bin/env python3
"""Writes the example exports of docs/audit.md into docs/audit-examples/: what a user's numpy
code gives on the logits of `gan-losses audit --grid` (float32), one file per known mistake, and
per-sample gradients for the penalty audit. The transcripts in docs/audit.md run the tool on
these files (Tests/GanLossesTests/DocsTests.swift copies the folder beside each command).

Usage: gan-losses audit --grid > /tmp/grid.csv && python3 tools/audit_examples.py /tmp/grid.csv
(numpy is in the tools venv: .venv-tools/bin/python).
"""
import os
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "audit-examples")


def save(name, columns):
    with open(os.path.join(OUT, name), "w") as f:
        f.write(",".join(columns) + "\n")
        for row in zip(*columns.values()):
            f.write(",".join(repr(float(v)) for v in row) + "\n")


def main(grid_path):
    l = np.loadtxt(grid_path, skiprows=1).astype(np.float32)
    f32 = np.float32
    softplus = lambda z: np.maximum(z, f32(0)) + np.log1p(np.exp(-np.abs(z)))
    with np.errstate(all="ignore"):
        s = (f32(1) / (f32(1) + np.exp(-l))).astype(f32)
        # -torch.log(torch.sigmoid(l)): the non-saturating loss through D.
        save("naive-nonsat-f32.csv", {"logit": l, "loss": -np.log(s)})
        # Mimicry's -log(sigmoid(l) + 1e-8) and the gradient autograd gives it.
        eps = f32(1e-8)
        save("eps-grad-f32.csv", {"logit": l, "loss": -np.log(s + eps), "grad": -(s * (f32(1) - s)) / (s + eps)})
        # A correct float32 implementation: softplus(-l), gradient -1/(1 + exp(l)).
        save("clean-nonsat-f32.csv", {"logit": l, "loss": softplus(-l), "grad": -(f32(1) / (f32(1) + np.exp(l)))})
        # TF-GAN's minimax generator loss: -softplus(l) - softplus(-1).
        save("tfgan-minimax-f32.csv", {"logit": l, "loss": -softplus(l) - softplus(f32(-1))})
    # Three samples of two input dimensions, norms 1, 5 and 1, for the penalty audit.
    with open(os.path.join(OUT, "gradients.csv"), "w") as f:
        f.write("x1,x2\n0.6,0.8\n3,4\n1,0\n")


if __name__ == "__main__":
    main(sys.argv[1])
