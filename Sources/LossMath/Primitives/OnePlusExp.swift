/// `1 + eˣ` as `2ᵏ · (high + low)`, carried to about 2⁻⁵⁸ relative precision: the ∂L/∂D of the
/// BCE losses, `−1/(1 − D) = −(1 + eˡ)` and `−1/D = −(1 + e⁻ˡ)`, and its square for maximum
/// likelihood, `−1/(1 − D)² = −(1 + eˡ)²`.
///
/// ```
/// x ≤ 0:  eˣ ≤ 1                  1 + eˣ = s + t            (``OnePlusPower``, k = 0)
/// x > 0:  eˣ = 2ᵏ m, k ≥ 0        1 + eˣ = 2ᵏ (m + 2⁻ᵏ)     (twoSum; no overflow before the end)
/// ```
/// `x` must not be NaN.
@usableFromInline
struct OnePlusExp {
    @usableFromInline var exponent: Double
    @usableFromInline var high: Double
    @usableFromInline var low: Double

    @inlinable
    init(_ x: Double) {
        let e = ExtendedExp(x)
        if x <= 0 {
            let e = e.unscaled
            let sum = OnePlusPower(e.high, low: e.low, power: 1)
            (exponent, high, low) = (0, sum.high, sum.low)
        } else {
            let sum = Compensated.twoSum(e.high, PowerOfTwo.scale(1, by: -e.exponent))
            (exponent, high, low) = (e.exponent, sum.high, sum.low + e.low)
        }
    }

    /// 1 + eˣ, rounded once (∞ when it overflows).
    @inlinable
    var rounded: Double { PowerOfTwo.scale(high + low, by: exponent) }

    /// (1 + eˣ)² = 2²ᵏ (high + low)², with the square formed exactly (twoProduct), rounded once.
    @inlinable
    var squareRounded: Double {
        let square = Compensated.square(high, low)
        return PowerOfTwo.scale(square.high + square.low, by: 2 * exponent)
    }
}
