#!/usr/bin/env python3
"""Write the high-precision reference vectors for every generator loss.

Each loss gets one binary file `<id>.ref` under Sources/LossMath/Resources/reference/, all
little-endian:

    magic   8 bytes  b"GANREF02"
    n       uint32   number of points (1 to 10 000 000)
    q       uint32   number of quantities (2: value, grad_logit; 3: and grad_d)
    logits  n x float64           exactly representable float64 logits, sorted
    then for each quantity:
      rounded  n x float64        the correctly rounded float64 of the exact value
      error    n x int16          (exact - rounded) / ulp(rounded), in [-1/2, 1/2], times 65534
    checksum  uint64              FNV-1a 64 of every byte before it (see fnv1a64)

so a test can measure a computed value's error in ULPs to 1e-5 of an ULP:

    ulp_error(c) = (c - rounded) / ulp(rounded) - error / 65534

A file has 16 + 8n + 10qn + 8 bytes in all; the reader checks that against the header before
reading the body, and the checksum before using it. The first format, b"GANREF01", was the same
without the checksum; the Swift reader no longer accepts it.

Exact values are computed with mpmath at 60 significant digits; the formulas are the
definitions of the generator table in docs/losses.md, with the conventions of
docs/architecture.md#loss-conventions (ls target c = 1, RaGAN real logit l_r = 0). The sweep has
about 110 000 logits: a regular grid, log-spaced magnitudes from the smallest subnormal to the
largest double, uniform random logits on [-50, 50] and [-760, 760], random float32 logits (for the
Float checks), and clusters around every breakpoint of the closed forms (the thresholds of the
evaluation, where e^-|l| turns subnormal or underflows, where results overflow).

The discriminator losses, functions of a real and a fake logit, get `d-<name>.ref` files of
about 40 000 pairs in a format of their own (see write_pairs).

Usage: python3 tools/make_reference.py [name ...]   (needs `pip install mpmath`; a few minutes on
2 cores; names such as `nonsat` or `d-bce` write only those files)
"""
import math
import os
import multiprocessing
import random
import struct
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


def gen_maxlik(l):        # -e^l = -D/(1-D)
    return -exp(l), -exp(l), -1 / sigmoid(-l) ** 2


def gen_lsgan(l):         # 1/2 (l - 1)^2 on the raw output
    return (l - 1) ** 2 / 2, l - 1, None


def gen_lssigmoid(l):     # 1/2 (sigma(l) - 1)^2 = 1/2 sigma(-l)^2
    return sigmoid(-l) ** 2 / 2, -sigmoid(l) * sigmoid(-l) ** 2, -sigmoid(-l)


def gen_wgan(l):
    return -l, mpf(-1), None


def gen_hinge(l):
    return -l, mpf(-1), None


def gen_ragan(l):         # 2 softplus(l_r - l) with l_r = 0 (rasgan's file too: the same game)
    return 2 * softplus(-l), -2 * sigmoid(-l), None


# The relativistic games (Jolicoeur-Martineau 2018) for one pair with l_r = 0: 2^p phi(l - l_r),
# p = 0 for RSGAN and 1 for the average games, phi(x) = softplus(-x), (x - 1)^2, max(0, 1 - x).
def gen_rsgan(l):
    return softplus(-l), -sigmoid(-l), None


def gen_ralsgan(l):
    return 2 * (l - 1) ** 2, 4 * (l - 1), None


def gen_ebgan(l):         # the energy itself
    return l, mpf(1), None


def gen_rahinge(l):       # the subgradient of the catalog: 0 at the kink l = 1
    return 2 * max(mpf(0), 1 - l), mpf(-2) if l < 1 else mpf(0), None


# f-GAN (Nowozin et al. 2016): the generator's -f*(g_f(v)) on the raw output, composed by hand
# (docs/losses.md#f-gan), and its derivative.
LN2 = mpmath.log(2)


def expm1(x):
    return mpmath.expm1(x)


FGAN_GENERATORS = {
    "kl": lambda v: (-exp(v - 1), -exp(v - 1)),
    "rkl": lambda v: (1 - v, mpf(-1)),
    "pearson": lambda v: (-(v * v / 4 + v), -(v / 2 + 1)),
    "hellinger": lambda v: (-expm1(v), -exp(v)),
    "js": lambda v: (-softplus_minus_ln2(v), -sigmoid(v)),
    "gan": lambda v: (-softplus(v), -sigmoid(v)),
}


def softplus_minus_ln2(x):
    """softplus(x) - log 2 = log1p(expm1(x)/2), without the cancellation of the difference near
    x = 0 (where 60 digits of each term leave too few of the result below |x| = 1e-40)."""
    if x > 200:
        return softplus(x) - mpmath.log(2)
    return mpmath.log1p(expm1(x) / 2)


def fgan_generator(name):
    def f(l):
        value, grad = FGAN_GENERATORS[name](l)
        return value, grad, None
    return f


LOSSES = {
    "minimax": gen_minimax, "nonsat": gen_nonsat, "maxlik": gen_maxlik, "lsgan": gen_lsgan,
    "lssigmoid": gen_lssigmoid, "wgan": gen_wgan, "hinge": gen_hinge, "ragan": gen_ragan,
    "rsgan": gen_rsgan, "ralsgan": gen_ralsgan, "rahinge": gen_rahinge, "ebgan": gen_ebgan,
}
for _name in FGAN_GENERATORS:
    LOSSES["fgan-" + _name] = fgan_generator(_name)

# The limits at +-inf (value, grad_logit, grad_d): the "as D -> 0" and "as D -> 1" columns of the
# generator table in docs/losses.md, with the signed zeros of docs/numerics.md#at-the-edges.
LIMITS = {
    "minimax": {-INF: (-0.0, -0.0, -1.0), INF: (-INF, -1.0, -INF)},
    "nonsat": {-INF: (INF, -1.0, -INF), INF: (0.0, -0.0, -1.0)},
    "maxlik": {-INF: (-0.0, -0.0, -1.0), INF: (-INF, -INF, -INF)},
    "lsgan": {-INF: (INF, -INF, None), INF: (INF, INF, None)},
    "lssigmoid": {-INF: (0.5, -0.0, -1.0), INF: (0.0, -0.0, -0.0)},
    "wgan": {-INF: (INF, -1.0, None), INF: (-INF, -1.0, None)},
    "hinge": {-INF: (INF, -1.0, None), INF: (-INF, -1.0, None)},
    "ragan": {-INF: (INF, -2.0, None), INF: (0.0, -0.0, None)},
    "rsgan": {-INF: (INF, -1.0, None), INF: (0.0, -0.0, None)},
    "ralsgan": {-INF: (INF, -INF, None), INF: (INF, INF, None)},
    "rahinge": {-INF: (INF, -2.0, None), INF: (0.0, 0.0, None)},
    "ebgan": {-INF: (-INF, 1.0, None), INF: (INF, 1.0, None)},
    "fgan-kl": {-INF: (-0.0, -0.0, None), INF: (-INF, -INF, None)},
    "fgan-rkl": {-INF: (INF, -1.0, None), INF: (-INF, -1.0, None)},
    "fgan-pearson": {-INF: (-INF, INF, None), INF: (-INF, -INF, None)},
    "fgan-hellinger": {-INF: (1.0, -0.0, None), INF: (-INF, -INF, None)},
    "fgan-js": {-INF: (float(LN2), -0.0, None), INF: (-INF, -1.0, None)},
    "fgan-gan": {-INF: (-0.0, -0.0, None), INF: (-INF, -1.0, None)},
}


def logits():
    """The sweep (see the module docstring), sorted, with -0.0 before 0.0."""
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
    # The dense sweep.
    for _ in range(30000):
        xs.add(rng.uniform(-50.0, 50.0))
    for _ in range(12000):
        xs.add(rng.uniform(-760.0, 760.0))
    for _ in range(12000):                          # magnitudes from 5e-324 to 1.8e308
        m = 2.0 ** rng.uniform(-1074, 1024)
        if math.isfinite(m) and m > 0:
            xs.add(m if rng.random() < 0.5 else -m)
    for _ in range(20000):                          # float32 logits, to [-120, 120] (Float's subnormals)
        xs.add(struct.unpack("<f", struct.pack("<f", rng.uniform(-120.0, 120.0)))[0])
    for _ in range(4000):                           # float32 magnitudes, 1e-45 to 3e38
        m = struct.unpack("<f", struct.pack("<f", min(2.0 ** rng.uniform(-149, 128), 3.4e38)))[0]
        if m > 0:
            xs.add(m if rng.random() < 0.5 else -m)
    # Clusters around the breakpoints: where e = e^-|l| crosses 1/2 (ln 2), where it drops below 2^-60
    # (41.6), Maechler's thresholds, where e^2 and e turn subnormal, where results overflow (354.9 for
    # (1 + e^l)^2, 709.78) and where e^-|l| underflows to 0 (745.13).
    ln2 = math.log(2)
    centres = [ln2, 41.9, 18.0, 33.3, 37.0, 354.89, 372.5, 708.4, 709.78, 744.44, 745.13, 1.0]
    for c in centres:
        for _ in range(900):
            v = c * (1 + rng.uniform(-1e-3, 1e-3))
            xs.update((v, -v))
        v = c
        for _ in range(20):                         # consecutive doubles
            xs.update((v, -v))
            v = math.nextafter(v, INF)
    for k in range(-1100, 1101):                    # the reduction's switch points, (k + 1/2) ln 2
        v = (k + 0.5) * ln2
        xs.update((v, math.nextafter(v, INF), math.nextafter(v, -INF)))
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


def row(task):
    """The rounded quantities of one loss at one logit."""
    name, x = task
    if math.isinf(x):
        return [None if q is None else (q, 0.0) for q in LIMITS[name][x]]
    return [rounded(q) for q in LOSSES[name](mpf(x))]


ERROR_SCALE = 65534


def fnv1a64(data):
    """FNV-1a, 64 bits: h = 0xcbf29ce484222325; for each byte b, h = (h ^ b) * 0x100000001b3 mod 2^64.
    The same function as FNV1a.hash64 in Sources/LossMath/Reference/FNV1a.swift."""
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def write_file(name, magic, inputs, rows):
    """One reference file: the magic, n and q (uint32), the input columns (float64 each), then per
    quantity the rounded values and their errors, and the FNV-1a checksum of everything before it.
    q is the number of quantities the rows have (a None quantity is not stored)."""
    n = len(inputs[0])
    quantities = sum(1 for q in rows[0] if q is not None)
    parts = [magic, struct.pack("<II", n, quantities)] + [struct.pack(f"<{n}d", *column) for column in inputs]
    for q in range(quantities):
        parts.append(struct.pack(f"<{n}d", *(r[q][0] for r in rows)))
        errors = [round(r[q][1] * ERROR_SCALE) for r in rows]
        assert all(-32767 <= e <= 32767 for e in errors)
        parts.append(struct.pack(f"<{n}h", *errors))
    path = os.path.join(OUT, f"{name}.ref")
    body = b"".join(parts)
    with open(path + ".tmp", "wb") as fh:
        fh.write(body + struct.pack("<Q", fnv1a64(body)))
    os.replace(path + ".tmp", path)
    print(f"{path}: {n} points, {quantities} quantities", file=sys.stderr)


def write(name, xs, rows):
    """A generator file, b"GANREF02": the logits, then L, dL/dl and (for the losses of D) dL/dD."""
    write_file(name, b"GANREF02", [xs], rows)


# The discriminator side: functions of a pair (l_r, l_f), in files `d-<name>.ref` of the format
# b"GANREFD1" (see write_pairs). The quantities are L_D, dL_D/dl_r, dL_D/dl_f and, for the losses
# written on D = sigma(l), dL_D/dD_r and dL_D/dD_f. The formulas are the discriminator table of
# docs/losses.md; the smoothed BCE is taken at t = 0.9 (Salimans et al. 2016), the double nearest 0.9.
SMOOTHED_TARGET = mpf(0.9)


def disc_bce(r, f):
    return (softplus(-r) + softplus(f), -sigmoid(-r), sigmoid(f), -1 / sigmoid(r), 1 / sigmoid(-f))


def disc_bce_smoothed(r, f):
    t = SMOOTHED_TARGET
    return (t * softplus(-r) + (1 - t) * softplus(r) + softplus(f), sigmoid(r) - t, sigmoid(f),
            -t / sigmoid(r) + (1 - t) / sigmoid(-r), 1 / sigmoid(-f))


def disc_lsgan(r, f):      # a = 0, b = 1
    return ((r - 1) ** 2 / 2 + f ** 2 / 2, r - 1, f, None, None)


def disc_lssigmoid(r, f):
    return (sigmoid(-r) ** 2 / 2 + sigmoid(f) ** 2 / 2, -sigmoid(r) * sigmoid(-r) ** 2,
            sigmoid(f) ** 2 * sigmoid(-f), -sigmoid(-r), sigmoid(f))


def disc_wgan(r, f):
    return (f - r, mpf(-1), mpf(1), None, None)


def disc_hinge(r, f):      # the subgradients of the catalog: 0 at the kinks l_r = 1, l_f = -1
    return (max(mpf(0), 1 - r) + max(mpf(0), 1 + f), mpf(-1) if r < 1 else mpf(0),
            mpf(1) if f > -1 else mpf(0), None, None)


def disc_ragan(r, f):      # one pair: 2 softplus(l_f - l_r), the difference taken exactly
    return (2 * softplus(f - r), -2 * sigmoid(f - r), 2 * sigmoid(f - r), None, None)


def disc_rsgan(r, f):      # one pair: softplus(l_f - l_r)
    return (softplus(f - r), -sigmoid(f - r), sigmoid(f - r), None, None)


# l_r - l_f - 1 of two doubles is exact at 700 digits (1e-300 - (-1) - 1 is 1e-300, 0 at 60).
def disc_ralsgan(r, f):    # one pair: 2 (l_r - l_f - 1)^2
    with mp.workdps(700):
        u = mpf(r) - mpf(f) - 1
        return (+(2 * u ** 2), +(4 * u), +(-4 * u), None, None)


def disc_ebgan(r, f):      # margin m = 1: l_r + max(0, 1 - l_f), the sum at 700 digits
    with mp.workdps(700):
        return (+(mpf(r) + max(mpf(0), 1 - mpf(f))), mpf(1), mpf(-1) if f < 1 else mpf(0), None, None)


def disc_rahinge(r, f):    # one pair: 2 max(0, 1 - l_r + l_f), subgradient 0 at the kink
    with mp.workdps(700):
        v = 1 - mpf(r) + mpf(f)
        inside = v > 0
        return (+(2 * max(mpf(0), v)), mpf(-2) if inside else mpf(0), mpf(2) if inside else mpf(0), None, None)


FGAN_TERMS = {   # real -g(v), fake f*(g(v)), their derivatives
    "kl": (lambda v: -v, lambda v: exp(v - 1), lambda v: mpf(-1), lambda v: exp(v - 1)),
    "rkl": (lambda v: exp(-v), lambda v: v - 1, lambda v: -exp(-v), lambda v: mpf(1)),
    "pearson": (lambda v: -v, lambda v: v * v / 4 + v, lambda v: mpf(-1), lambda v: v / 2 + 1),
    "hellinger": (lambda v: expm1(-v), lambda v: expm1(v), lambda v: -exp(-v), lambda v: exp(v)),
    "js": (lambda v: softplus_minus_ln2(-v), lambda v: softplus_minus_ln2(v), lambda v: -sigmoid(-v), lambda v: sigmoid(v)),
    "gan": (lambda v: softplus(-v), lambda v: softplus(v), lambda v: -sigmoid(-v), lambda v: sigmoid(v)),
}


def disc_fgan(name):
    """The terms add across the pair, and cancel where both logits are tiny (the reverse KL's
    e^(-l_r) + l_f - 1 is l^2/2 at l_r = l_f = 1e-27; Pearson's -l_r + l_f^2/4 + l_f is l^2/4):
    the sum is taken at 700 digits, enough for a normal result below any pair's terms."""
    real, fake, dreal, dfake = FGAN_TERMS[name]

    def f(r, fl):
        with mp.workdps(700):
            r, fl = mpf(r), mpf(fl)
            value = +(real(r) + fake(fl))
        return (value, dreal(r), dfake(fl), None, None)
    return f


DISCRIMINATORS = {
    "bce": disc_bce, "bce-smoothed": disc_bce_smoothed, "lsgan": disc_lsgan, "lssigmoid": disc_lssigmoid,
    "wgan": disc_wgan, "hinge": disc_hinge, "ragan": disc_ragan,
    "rsgan": disc_rsgan, "ralsgan": disc_ralsgan, "rahinge": disc_rahinge, "ebgan": disc_ebgan,
}
for _name in FGAN_TERMS:
    DISCRIMINATORS["fgan-" + _name] = disc_fgan(_name)


def pairs():
    """About 40 000 finite pairs (l_r, l_f): random pairs of a one-dimensional sweep (grid, magnitudes
    from 1e-300 to 1e308, the breakpoints), uniform pairs on [-50, 50]^2 and [-760, 760]^2, float32
    pairs (for the Float checks), pairs l_f = l_r + d with d from 1e-300 to 1e3 (the relativistic loss's
    difference, inexact in floating point), and pairs near the optimum of the smoothed real term."""
    rng = random.Random(20261126)
    base = [k / 2 for k in range(-80, 81)]
    for k in range(-600, 7):
        m = 10.0 ** (k / 2)
        base += [m, -m]
    base += [0.0, -0.0, 1.0, -1.0, 18.0, -18.0, 33.3, 37.0, 41.6, 709.78, -709.78, 745.13, -745.13,
             1e308, -1e308, 5e-324, -5e-324, 1.7976931348623157e308, -1.7976931348623157e308]
    out = set()
    for _ in range(14000):
        out.add((rng.choice(base), rng.choice(base)))
    for _ in range(8000):
        out.add((rng.uniform(-50, 50), rng.uniform(-50, 50)))
    for _ in range(4000):
        out.add((rng.uniform(-760, 760), rng.uniform(-760, 760)))
    f32 = lambda v: struct.unpack("<f", struct.pack("<f", v))[0]
    for _ in range(8000):
        out.add((f32(rng.uniform(-120, 120)), f32(rng.uniform(-120, 120))))
    for _ in range(4000):
        r = rng.uniform(-760, 760) if rng.random() < 0.5 else rng.choice(base)
        d = 10.0 ** rng.uniform(-300, 3) * (1 if rng.random() < 0.5 else -1)
        f = r + d
        if math.isfinite(f):
            out.add((r, f))
    optimum = math.log(0.9 / (1 - 0.9))
    for _ in range(2000):
        out.add((optimum * (1 + 10.0 ** rng.uniform(-16, -1) * (1 if rng.random() < 0.5 else -1)),
                 rng.uniform(-50, 50)))
    return sorted(out)


def pair_row(task):
    name, (r, f) = task
    return [rounded(q) for q in DISCRIMINATORS[name](mpf(r), mpf(f))]


def write_pairs(name, ps, rows):
    """A discriminator file: b"GANREFD1", n and q (uint32), the n real logits, the n fake logits
    (float64), q columns of rounded values and errors as in write(), and the FNV-1a checksum:
    16 + 16n + 10qn + 8 bytes. q = 5 for the losses of D, 3 for the others."""
    write_file(f"d-{name}", b"GANREFD1", [[p[0] for p in ps], [p[1] for p in ps]], rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])        # optional: the files to write, such as `d-bce nonsat`
    xs = logits()
    ps = pairs()
    with multiprocessing.Pool() as pool:
        for name in LOSSES:
            if not only or name in only:
                write(name, xs, pool.map(row, [(name, x) for x in xs], chunksize=2000))
        for name in DISCRIMINATORS:
            if not only or f"d-{name}" in only:
                write_pairs(name, ps, pool.map(pair_row, [(name, p) for p in ps], chunksize=1000))


if __name__ == "__main__":
    main()
