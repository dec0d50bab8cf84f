/// The softplus function, evaluated without overflow and without cancellation.
///
/// ```
/// softplus(x) = log(1 + eˣ)
/// ```
/// It is the building block of every BCE-type loss: `log σ(x) = −softplus(−x)` and
/// `log(1 − σ(x)) = −softplus(x)`.
///
/// Evaluated as `max(x, 0) + log1p(e)` with `e = e^(−|x|)` carried as a pair (``ExtendedExp``),
/// its logarithm as a pair (``log1pPair(_:_:)``) and `x` added with its rounding error (twoSum),
/// so that the result rounds once: within ½ ULP + about 2⁻⁵⁷ relative, where libm's
/// `log1p(exp(x))` (Mächler 2012) reaches 1.1 ULP.
/// ```
///   |x| > 41.6 (e < 2⁻⁶⁰):  x > 0: x + e rounds to x;  x < 0: e (1 − e/2 + …) rounds to e
///   otherwise:              max(x, 0) + log1p(e)
/// ```
///
/// Mathematical properties: `softplus(x) − softplus(−x) = x`; `softplus′(x) = σ(x)`;
/// `softplus(−∞) = 0`, `softplus(+∞) = +∞`; NaN propagates.
///
/// Error bounds: measured over the reference sweep by `gan-losses check --accuracy`.
@inlinable
public func softplus(_ x: Double) -> Double {
    if x.isNaN { return x }
    let e = ExtendedExp(x > 0 ? -x : x)
    if e.exponent < -60 { return x > 0 ? x : e.rounded }
    let l = log1pPair(scaled(e.high, byPowerOfTwo: e.exponent), scaled(e.low, byPowerOfTwo: e.exponent))
    if x <= 0 { return l.high + l.low }
    let sum = twoSum(x, l.high)
    return sum.high + (sum.low + l.low)
}

/// Softplus in single precision: ``softplus(_:)-(Double)`` evaluated in `Double` and rounded once.
///
/// The double result is within 1 ULP of `Double`, far below half an ULP of `Float`, so the
/// `Float` result is correctly rounded except in rare double-rounding cases (≤ 0.5 + 2⁻²⁹ ULP).
@inlinable
public func softplus(_ x: Float) -> Float {
    Float(softplus(Double(x)))
}
