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
/// NaN propagates; ±∞ give the limits. Branch-free (every `?:` is a select), so that the batch
/// loops vectorize it; the scalar functions run the same text, so their bits agree.
@inlinable @inline(__always)
func logisticPair(_ x: Double, timesPowerOfTwo p: Double = 0) -> (softplus: Double, sigmoid: Double) {
    LogisticExponential(x, timesPowerOfTwo: p).pair(x)
}

/// ``logisticPair(_:timesPowerOfTwo:)`` for sums and differences of terms: the results also
/// before their last rounding (`softplusPair`, `sigmoidPair`: high + low), and the argument the
/// unevaluated sum x + low (|low| ≤ ½ ulp(x), the rounding error of a difference such as
/// ℓ_f − ℓ_r from ``Compensated/twoSum(_:_:)``), taken to first order:
/// softplus(x + low) = softplus(x) + σ(x)·low and σ(x + low) = σ(x) + σ(x)σ(−x)·low, the
/// corrections added before the last rounding (low² is below 2⁻¹⁰⁶ of the result). With low = 0
/// the rounded results are the bits of `logisticPair` (a test holds it). It is a kernel of its own
/// because the corrections need σ even where only softplus is wanted, which costs the batch loops
/// of `logisticPair` a division per logit (0·σ is not 0 to the compiler).
@inlinable @inline(__always)
func logisticPairCarried(_ x: Double, low: Double = 0, timesPowerOfTwo p: Double = 0)
    -> (softplus: Double, sigmoid: Double, softplusPair: (high: Double, low: Double), sigmoidPair: (high: Double, low: Double)) {
    LogisticExponential(x, timesPowerOfTwo: p).carried(x, low: low)
}

/// ``logisticPairCarried(_:low:timesPowerOfTwo:)`` of the difference a − b, taken exactly: its
/// rounding error is passed on as `low` (none when the difference is infinite or NaN).
@inlinable
func logisticPair(difference a: Double, minus b: Double, timesPowerOfTwo p: Double = 0)
    -> (softplus: Double, sigmoid: Double, softplusPair: (high: Double, low: Double), sigmoidPair: (high: Double, low: Double)) {
    let d = Compensated.twoSum(a, -b)
    return logisticPairCarried(d.high, low: d.high.isFinite ? d.low : 0, timesPowerOfTwo: p)
}

/// ``logisticPair(_:timesPowerOfTwo:)`` at x and at its mirror y = −x from one exponential and
/// one logarithm: e^(−|x|) = e^(−|y|), so all but the last steps are shared, and each side then
/// takes its own selects on its own argument. Both results have the bits of `logisticPair` at x
/// and at y.
///
/// y is passed, not formed here, so that a caller holding y from a subtraction (x = a − b,
/// y = b − a, which is −x except for the sign of a zero or a NaN) gets exactly the bits of
/// `logisticPair(y)`, zero's and NaN's sign included. The only case where y's own exponential
/// would have had another argument is x = ±0, y = ∓0: ExtendedExp(+0) and ExtendedExp(−0) differ
/// only in the sign of the zero exponent k, which no later step sees (2^±0 = 1, ±0 + 0 = +0).
@inlinable @inline(__always)
func logisticPairs(_ x: Double, mirror y: Double)
    -> (softplus: Double, sigmoid: Double, mirrorSoftplus: Double, mirrorSigmoid: Double) {
    let shared = LogisticExponential(x, timesPowerOfTwo: 0)
    let atX = shared.pair(x), atY = shared.pair(y)
    return (atX.softplus, atX.sigmoid, atY.softplus, atY.sigmoid)
}

/// The part of ``logisticPair(_:timesPowerOfTwo:)`` that depends on |x| alone: e = e^(−|x|) as a
/// pair, 1 + e and log1p(e).
@usableFromInline
struct LogisticExponential {
    @usableFromInline let e: ExtendedExp
    /// 2ᵖ.
    @usableFromInline let factor: Double
    /// p.
    @usableFromInline let power: Double
    @usableFromInline let eHigh: Double, eLow: Double
    @usableFromInline let logarithm: (high: Double, low: Double)
    @usableFromInline let onePlusE: OnePlusPower

    @inlinable @inline(__always)
    init(_ x: Double, timesPowerOfTwo p: Double) {
        e = ExtendedExp(x > 0 ? -x : x)
        factor = PowerOfTwo.value(p)
        power = p
        // Outside the tiny lanes e ≥ 2⁻⁶¹, so 2ᵏ is a normal number and the scaling exact (in the tiny
        // lanes these values are not used, whatever 2ᵏ's bits make of them).
        let unit = PowerOfTwo.value(e.exponent)
        eHigh = e.high * unit
        eLow = e.low * unit
        logarithm = log1pPair(eHigh, eLow)
        onePlusE = OnePlusPower(eHigh, low: eLow, power: 1)
    }

    /// 2ᵖ softplus(x) and 2ᵖ σ(x), for an x with this |x|.
    @inlinable @inline(__always)
    func pair(_ x: Double) -> (softplus: Double, sigmoid: Double) {
        let tiny = e.exponent < -60
        let eRounded = PowerOfTwo.scale(e.high + e.low, by: e.exponent + power)
        let sum = Compensated.twoSum(x > 0 ? x : 0, logarithm.high)
        let softplus = tiny ? (x > 0 ? x * factor : eRounded) : (sum.high + (sum.low + logarithm.low)) * factor

        let quotient = onePlusE.dividing(x >= 0 ? 1 : eHigh, low: x >= 0 ? 0 : eLow)
        let sigmoid = tiny ? (x >= 0 ? factor : eRounded) : quotient * factor

        return x.isNaN ? (x, x) : (softplus, sigmoid)
    }

    /// 2ᵖ softplus(x + low) and 2ᵖ σ(x + low), rounded and before their last rounding
    /// (``logisticPairCarried(_:low:timesPowerOfTwo:)``), for an x with this |x|.
    @inlinable @inline(__always)
    func carried(_ x: Double, low: Double)
        -> (softplus: Double, sigmoid: Double, softplusPair: (high: Double, low: Double), sigmoidPair: (high: Double, low: Double)) {
        let tiny = e.exponent < -60
        // In the tiny lanes e^(x + low) = e·(1 + low) for x < 0: rounded once, and as a pair scaled
        // part by part (exact unless subnormal).
        let eLowPart = e.low + e.high * low
        let eRounded = PowerOfTwo.scale(e.high + eLowPart, by: e.exponent + power)
        let eScaled = (high: PowerOfTwo.scale(e.high, by: e.exponent + power), low: PowerOfTwo.scale(eLowPart, by: e.exponent + power))

        let division = onePlusE.dividingPair(x >= 0 ? 1 : eHigh, low: x >= 0 ? 0 : eLow)
        let quotient = division.high + division.low
        // σ(−x) to a few bits, for the correction: e σ(x) for x ≥ 0, 1 − σ(x) (≥ ½) for x < 0.
        let complement = x >= 0 ? eHigh * quotient : 1 - quotient

        let sum = Compensated.twoSum(x > 0 ? x : 0, logarithm.high)
        // softplus before its last rounding: x + (low + e) for large x (e below 2⁻⁶⁰ x, so without
        // low the rounded sum is x), e for very negative x.
        let softplusHigh: Double = tiny ? (x > 0 ? x * factor : eScaled.high) : sum.high * factor
        let softplusLow: Double = tiny ? (x > 0 ? low * factor + eRounded : eScaled.low)
            : (sum.low + (logarithm.low + quotient * low)) * factor

        let correction: Double = division.low.addingProduct(quotient * complement, low)
        // σ before its last rounding: 1 − e for large x.
        let sigmoidHigh: Double = tiny ? (x >= 0 ? factor : eScaled.high) : division.high * factor
        let sigmoidLow: Double = tiny ? (x >= 0 ? -eRounded : eScaled.low) : correction * factor

        if x.isNaN { return (x, x, (high: x, low: 0), (high: x, low: 0)) }
        // The rounded results: in the tiny lanes x (x > 0), 1 (σ, x ≥ 0) or e rounded once.
        let softplus = tiny ? (x > 0 ? x * factor : eRounded) : softplusHigh + softplusLow
        let sigmoid = tiny ? (x >= 0 ? factor : eRounded) : sigmoidHigh + sigmoidLow
        return (softplus, sigmoid, (high: softplusHigh, low: softplusLow), (high: sigmoidHigh, low: sigmoidLow))
    }
}
