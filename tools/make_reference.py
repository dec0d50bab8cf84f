#!/usr/bin/env python3
"""Write the high-precision reference vectors for every generator loss.

Each loss gets one CSV file under Sources/LossMath/Resources/reference/ with the columns

    logit,value,value_err,grad_logit,grad_logit_err,grad_d,grad_d_err

`logit` is an exactly representable float64. Each quantity is given as the correctly rounded
float64 (shortest round-trip repr) followed by `*_err = (exact - rounded) / ulp(rounded)` in
[-0.5, 0.5], so a test can measure a computed value's error in ULPs to a fraction of a ULP:

    ulp_error(c) = (c - rounded) / ulp(rounded) - err

Columns for quantities that do not apply (grad_d for losses on the raw output) are empty.
Exact values are computed with mpmath at 60 significant digits; the formulas are the
definitions of DESIGN.md section 3 (ls target c = 1, RaGAN real logit l_r = 0).

Usage: python3 tools/make_reference.py   (needs `pip install mpmath`)
"""
import math
import os
import random
import sys

import mpmath
from mpmath import mp, mpf

mp.dps = 60

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "LossMath",
                   "Resources", "reference")

INF = float("inf")


def exp(x):
    return mpmath.exp(x)


def softplus(x):
    """log(1 + e^x), accurate for every finite x (tiny e^x and huge x included)."""
    if x < -200:
        e = exp(x)
        return e - e * e / 2 + e ** 3 / 3
    if x > 200:
        e = exp(-x)
        return x + e - e * e / 2
    return mpmath.log1p(exp(x))


def sigmoid(x):
    return 1 / (1 + exp(-x))


def gen_minimax(l):       # log(1 - D) = -softplus(l)
    return -softplus(l), -sigmoid(l), -1 / sigmoid(-l)       # dL/dD = -1/(1-D), 1-D = sigma(-l)


def gen_nonsat(l):        # -log D = softplus(-l)
    return softplus(-l), -sigmoid(-l), -1 / sigmoid(l)


def gen_maxlik(l):        # -1/2 e^l = -1/2 D/(1-D)
    return -exp(l) / 2, -exp(l) / 2, -1 / (2 * sigmoid(-l) ** 2)


def gen_lsgan(l):         # 1/2 (l - 1)^2 on the raw output
    return (l - 1) ** 2 / 2, l - 1, None


def gen_lssigmoid(l):     # 1/2 (sigma(l) - 1)^2 = 1/2 sigma(-l)^2
    return sigmoid(-l) ** 2 / 2, -sigmoid(l) * sigmoid(-l) ** 2, -sigmoid(-l)


def gen_wgan(l):
    return -l, mpf(-1), None


def gen_hinge(l):
    return -l, mpf(-1), None


def gen_ragan(l):         # 2 softplus(l_r - l) with l_r = 0
    return 2 * softplus(-l), -2 * sigmoid(-l), None


LOSSES = {
    "minimax": gen_minimax, "nonsat": gen_nonsat, "maxlik": gen_maxlik, "lsgan": gen_lsgan,
    "lssigmoid": gen_lssigmoid, "wgan": gen_wgan, "hinge": gen_hinge, "ragan": gen_ragan,
}

# The limits at +-inf, taken from the table in DESIGN.md section 3 (value, grad_logit, grad_d).
LIMITS = {
    "minimax": {-INF: (-0.0, -0.0, -1.0), INF: (-INF, -1.0, -INF)},
    "nonsat": {-INF: (INF, -1.0, -INF), INF: (0.0, -0.0, -1.0)},
    "maxlik": {-INF: (-0.0, -0.0, -0.5), INF: (-INF, -INF, -INF)},
    "lsgan": {-INF: (INF, -INF, None), INF: (INF, INF, None)},
    "lssigmoid": {-INF: (0.5, -0.0, -1.0), INF: (0.0, -0.0, -0.0)},
    "wgan": {-INF: (INF, -1.0, None), INF: (-INF, -1.0, None)},
    "hinge": {-INF: (INF, -1.0, None), INF: (-INF, -1.0, None)},
    "ragan": {-INF: (INF, -2.0, None), INF: (0.0, -0.0, None)},
}


def logits():
    """The sweep: dense near 0, log-spaced magnitudes from 1e-300 to 1000, breakpoints, extremes."""
    xs = set()
    for k in range(-400, 401):                      # [-40, 40] in steps of 0.1
        xs.add(k / 10)
    for k in range(-1200, 13):                      # 10^(k/4): 1e-300 ... 1e3, both signs
        m = 10.0 ** (k / 4)
        xs.update((m, -m))
    for k in range(41, 1001, 7):                    # the tails out to +-1000
        xs.update((float(k), float(-k)))
    breakpoints = [0.0, 1e-300, 1e-8, 18.0, 33.3, 36.7, 37.0, 709.78, 745.0, 1000.0, 1e308,
                   math.nextafter(18.0, 0), math.nextafter(18.0, 40), 5e-324, 1.7976931348623157e308]
    for b in breakpoints:
        xs.update((b, -b))
    rng = random.Random(20261122)
    for _ in range(600):
        xs.add(rng.uniform(-50.0, 50.0))
    xs.update((-INF, INF))
    return sorted(xs, key=lambda v: (v, math.copysign(1, v)))


def rounded(v):
    """Correctly rounded float64 of an mpf, and its error in ULPs of that float64."""
    if v is None:
        return None
    r = float(mpmath.nstr(v, 45, min_fixed=1, max_fixed=0))  # Python's float() rounds correctly
    if math.isinf(r):
        return r, 0.0
    u = math.ulp(r)
    err = float((v - mpf(r)) / mpf(u))
    return r, err


def fmt(pair):
    if pair is None:
        return ","
    r, err = pair
    return f"{r!r},{err:.4f}"


def main():
    os.makedirs(OUT, exist_ok=True)
    xs = logits()
    for name, f in LOSSES.items():
        lines = ["logit,value,value_err,grad_logit,grad_logit_err,grad_d,grad_d_err"]
        for x in xs:
            if math.isinf(x):
                lim = LIMITS[name][x]
                row = [None if q is None else (q, 0.0) for q in lim]
            else:
                row = [rounded(q) for q in f(mpf(x))]
            lines.append(repr(x) + "," + ",".join(fmt(p) for p in row))
        path = os.path.join(OUT, f"{name}.csv")
        with open(path + ".tmp", "w") as fh:
            fh.write("\n".join(lines) + "\n")
        os.replace(path + ".tmp", path)
        print(f"{path}: {len(xs)} points", file=sys.stderr)


if __name__ == "__main__":
    main()
