/// softplus(x) and σ(x) from one exponential, e = e^(−|x|) as a pair (``ExtendedExp``): the kernel
/// of ``Double/softplus(_:)``, ``Double/sigmoid(_:)`` and the batch loops of the BCE losses.
///
/// ```
/// softplus(x) = max(x, 0) + log1p(e)            log1p of the pair (``log1pPair(_:_:)``), then x
///                                               added with its rounding error (twoSum)
/// σ(x)        = 1 / (1 + e)          x ≥ 0      1 + e = s + t (Fast2Sum), the quotient corrected
///             = e / (1 + e)          x < 0      by its fma remainder: q + (num − q s − q t)/s
/// |x| > 41.6 (e < 2⁻⁶⁰):  softplus rounds to x (x > 0) or to e;  σ rounds to 1 (x ≥ 0) or to e
/// ```
/// Every step before the last rounding is carried to about 2⁻⁵⁸, so each result is within
/// ½ ULP + 2⁻⁵⁷ relative of the exact value (measured ≤ 0.548 ULP; `gan-losses check --accuracy`).
/// With `p` ≠ 0 both results are multiplied by 2ᵖ before they round (RaGAN's 2·softplus, whose
/// subnormal values would otherwise round before the doubling: 1.5 ULP).
/// `softplusPair` and `sigmoidPair` are the results before that rounding, high + low, for sums
/// and differences of several terms.
/// With `low` ≠ 0 the argument is the unevaluated sum x + low (|low| ≤ ½ ulp(x), the rounding
/// error of a difference such as ℓ_f − ℓ_r from ``Compensated/twoSum(_:_:)``), taken to first
/// order: softplus(x + low) = softplus(x) + σ(x)·low and σ(x + low) = σ(x) + σ(x)σ(−x)·low, the
/// corrections added before the last rounding (low² is below 2⁻¹⁰⁶ of the result).
/// NaN propagates; ±∞ give the limits. Branch-free (every `?:` is a select), so that the batch
/// loops vectorize it; the scalar functions run the same text, so their bits agree.
@inlinable @inline(__always)
func logisticPair(_ x: Double, low: Double = 0, timesPowerOfTwo p: Double = 0)
    -> (softplus: Double, sigmoid: Double, softplusPair: (high: Double, low: Double), sigmoidPair: (high: Double, low: Double)) {
    let e = ExtendedExp(x > 0 ? -x : x)
    let tiny = e.exponent < -60
    let factor = PowerOfTwo.value(p)
    // In the tiny lanes e^(x + low) = e·(1 + low) for x < 0.
    let eRounded = PowerOfTwo.scale(e.high + (e.low + e.high * low), by: e.exponent + p)
    // Outside the tiny lanes e ≥ 2⁻⁶¹, so 2ᵏ is a normal number and the scaling exact (in the tiny
    // lanes these values are not used, whatever 2ᵏ's bits make of them).
    let unit = PowerOfTwo.value(e.exponent)
    let eHigh = e.high * unit, eLow = e.low * unit

    let division = OnePlusPower(eHigh, low: eLow, power: 1).dividingPair(x >= 0 ? 1 : eHigh, low: x >= 0 ? 0 : eLow)
    let quotient = division.high + division.low
    // σ(−x) to a few bits, for the correction: e σ(x) for x ≥ 0, 1 − σ(x) (≥ ½) for x < 0.
    let complement = x >= 0 ? eHigh * quotient : 1 - quotient

    let logarithm = log1pPair(eHigh, eLow)
    let sum = Compensated.twoSum(x > 0 ? x : 0, logarithm.high)
    // softplus before its last rounding, for sums of several terms: x + (low + e) for large x
    // (e below 2⁻⁶⁰ x, so without low the rounded sum is x), e for very negative x.
    // In the tiny lanes with x < 0 the pair is e itself, scaled part by part (exact unless subnormal).
    let eScaled = (high: PowerOfTwo.scale(e.high, by: e.exponent + p), low: PowerOfTwo.scale(e.low + e.high * low, by: e.exponent + p))
    let softplusHigh: Double = tiny ? (x > 0 ? x * factor : eScaled.high) : sum.high * factor
    let softplusLow: Double = tiny ? (x > 0 ? low * factor + eRounded : eScaled.low) : (sum.low + (logarithm.low + quotient * low)) * factor

    let correction: Double = division.low.addingProduct(quotient * complement, low)
    // σ before its last rounding: 1 − e for large x.
    let sigmoidHigh: Double = tiny ? (x >= 0 ? factor : eScaled.high) : division.high * factor
    let sigmoidLow: Double = tiny ? (x >= 0 ? -eRounded : eScaled.low) : correction * factor

    if x.isNaN { return (x, x, (high: x, low: 0), (high: x, low: 0)) }
    // The rounded results: in the tiny lanes x (x > 0), 1 (σ, x ≥ 0) or e rounded once.
    let softplus = tiny ? (x > 0 ? x * factor : eRounded) : softplusHigh + softplusLow
    let sigmoid = tiny ? (x >= 0 ? factor : eRounded) : sigmoidHigh + sigmoidLow
    return (softplus, sigmoid,
            (high: softplusHigh, low: softplusLow), (high: sigmoidHigh, low: sigmoidLow))
}

/// ``logisticPair(_:low:timesPowerOfTwo:)`` of the difference a − b, taken exactly: its rounding
/// error is passed on as `low` (none when the difference is infinite or NaN).
@inlinable
func logisticPair(difference a: Double, minus b: Double, timesPowerOfTwo p: Double = 0)
    -> (softplus: Double, sigmoid: Double, softplusPair: (high: Double, low: Double), sigmoidPair: (high: Double, low: Double)) {
    let d = Compensated.twoSum(a, -b)
    return logisticPair(d.high, low: d.high.isFinite ? d.low : 0, timesPowerOfTwo: p)
}
