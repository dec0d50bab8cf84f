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
    let e = ExtendedExp(x > 0 ? -x : x)
    let tiny = e.exponent < -60
    let factor = PowerOfTwo.value(p)
    let eRounded = PowerOfTwo.scale(e.high + e.low, by: e.exponent + p)
    // Outside the tiny lanes e ≥ 2⁻⁶¹, so 2ᵏ is a normal number and the scaling exact (in the tiny
    // lanes these values are not used, whatever 2ᵏ's bits make of them).
    let unit = PowerOfTwo.value(e.exponent)
    let eHigh = e.high * unit, eLow = e.low * unit

    let logarithm = log1pPair(eHigh, eLow)
    let sum = Compensated.twoSum(x > 0 ? x : 0, logarithm.high)
    let softplus = tiny ? (x > 0 ? x * factor : eRounded) : (sum.high + (sum.low + logarithm.low)) * factor

    let quotient = OnePlusPower(eHigh, low: eLow, power: 1).dividing(x >= 0 ? 1 : eHigh, low: x >= 0 ? 0 : eLow)
    let sigmoid = tiny ? (x >= 0 ? factor : eRounded) : quotient * factor

    return x.isNaN ? (x, x) : (softplus, sigmoid)
}
