/// `eˣ` carried to about 2⁻⁵⁸ relative precision, as `2ᵏ · (high + low)` with `high` in
/// [½√2, √2]: the exponential that lets a loss round only once, at the very end.
///
/// A correctly rounded `exp` is still off by up to ½ ULP, and a loss that feeds that rounded value
/// into a sum, a logarithm or a quotient adds its own ½ ULP on top: 1 ULP and more in all. Keeping
/// the low part (and the power of two apart, so that tiny and huge results keep their precision)
/// leaves the final rounding as the only one that matters.
///
/// ```
/// k = round(x / ln 2),  r = x − k ln 2  with |r| ≤ ½ ln 2 + ε     (Cody–Waite: k·ln2Hi is exact,
///                                                                 x − k·ln2Hi too, by Sterbenz)
/// r = rh + rl exactly-ish:  rh + rl = (x − k·ln2Hi) − k·ln2Lo     (twoSum; rl ≤ 2⁻⁵⁴)
/// eʳ = e^rh (1 + rl) + O(rl²)
/// e^rh = 1 + rh + rh²/2 + rh³ Σₙ₌₃¹⁵ rhⁿ⁻³/n!                    (Taylor; the first omitted term,
///                                                                 r¹⁶/16!, is below 2⁻⁶⁸)
/// ```
/// `1 + rh` and `rh²/2` are formed exactly (Fast2Sum, an fma), so only the cubic tail, at most
/// 0.0076, rounds: its error is about 2⁻⁶⁰ of the result.
///
/// `x` is clamped to ±1100, beyond which eˣ is 0 or ∞ in every format here. NaN gives meaningless
/// parts (no trap): the callers, which are branch-free, pick NaN for NaN inputs themselves.
@usableFromInline
struct ExtendedExp {
    /// k in eˣ = 2ᵏ (high + low), an integer held in a `Double` (vectorizable, unlike `Int(k)`).
    @usableFromInline var exponent: Double
    @usableFromInline var high: Double
    @usableFromInline var low: Double

    @inlinable @inline(__always)
    init(_ x: Double) {
        let x = x < -1100 ? -1100 : (x > 1100 ? 1100 : x)
        let k = (x * 1.4426950408889634).rounded(.toNearestOrEven)
        // ln 2 = ln2Hi + ln2Lo, ln2Hi with 32 significant bits so that k·ln2Hi is exact for |k| < 2²¹.
        let r = Compensated.twoSum(x.addingProduct(-k, 0.6931471803691238), -(k * 1.9082149292705877e-10))
        let rh = r.high
        // Σₙ₌₃¹⁵ rhⁿ⁻³/n!, Horner with fused steps.
        var tail: Double = 7.647163731819816e-13
        tail = 1.1470745597729725e-11.addingProduct(tail, rh)
        tail = 1.6059043836821613e-10.addingProduct(tail, rh)
        tail = 2.08767569878681e-09.addingProduct(tail, rh)
        tail = 2.505210838544172e-08.addingProduct(tail, rh)
        tail = 2.755731922398589e-07.addingProduct(tail, rh)
        tail = 2.7557319223985893e-06.addingProduct(tail, rh)
        tail = 2.48015873015873e-05.addingProduct(tail, rh)
        tail = 0.0001984126984126984.addingProduct(tail, rh)
        tail = 0.001388888888888889.addingProduct(tail, rh)
        tail = 0.008333333333333333.addingProduct(tail, rh)
        tail = 0.041666666666666664.addingProduct(tail, rh)
        tail = 0.16666666666666666.addingProduct(tail, rh)
        let square = Compensated.twoProduct(rh, rh)
        let one = Compensated.fastTwoSum(1.0, rh)                                // 1 + rh
        let quadratic = Compensated.fastTwoSum(one.high, 0.5 * square.high)      // + rh²/2 (|rh²/2| ≤ 0.061)
        let cubic = rh * square.high * tail
        let small = cubic + (0.5 * square.low + r.low * one.high)
        let sum = Compensated.fastTwoSum(quadratic.high, (one.low + quadratic.low) + small)
        exponent = k
        high = sum.high
        low = sum.low
    }
}

extension ExtendedExp {
    /// The pair 2ᵏ·high, 2ᵏ·low as plain doubles: exact where eˣ is a normal number; for a
    /// subnormal eˣ the low part (and then the high part) loses its last bits.
    @inlinable @inline(__always)
    var unscaled: (high: Double, low: Double) {
        (PowerOfTwo.scale(high, by: exponent), PowerOfTwo.scale(low, by: exponent))
    }
}
