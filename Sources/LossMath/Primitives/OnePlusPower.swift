/// `(1 + e)ᵏ` for `0 ≤ e ≤ 1` (given as `e + eLow`, the pair from ``ExtendedExp``) and k = 1, 2
/// or 3, as an unevaluated sum `high + low` that carries about twice the precision of `Double`.
///
/// ```
/// s + t = 1 + e + eLow                  (Fast2Sum: s = fl(1 + e), t = (1 − s) + e + eLow, 1 ≥ e)
/// (s + t)ᵏ ≈ sᵏ + k sᵏ⁻¹ t              (the dropped terms are O(t²) ≈ 2⁻¹⁰⁶)
/// sᵏ = high + low exactly for k ≤ 2     (TwoProduct with fma: low = fma(s, s, −high))
/// ```
/// Used where σ, 1 + eˣ or a loss divides by (or is) a power of `1 + e^(−|ℓ|)`, so that the
/// rounding of the sum and of the powers does not add to the error of the result.
@usableFromInline
struct OnePlusPower {
    @usableFromInline var high: Double
    @usableFromInline var low: Double

    @inlinable
    init(_ e: Double, low eLow: Double = 0, power k: Int) {
        precondition((1...3).contains(k), "OnePlusPower supports the powers 1, 2 and 3")
        let (s, sumLow) = Compensated.fastTwoSum(1, e)
        let t = sumLow + eLow
        if k == 1 {
            high = s
            low = t
            return
        }
        if k == 2 {
            (high, low) = Compensated.square(s, t)
            return
        }
        let (s2, s2Low) = Compensated.twoProduct(s, s)
        let cube = Compensated.twoProduct(s2, s)
        high = cube.high
        low = cube.low + s2Low * s + 3 * s2 * t
    }

    /// `(a + aLow) / (high + low)` with one final rounding of a corrected quotient:
    /// `q = a / high`, `r = a − q·high` exactly (fma), `result = q + (r + aLow − q·low) / high`.
    @inlinable
    func dividing(_ a: Double, low aLow: Double = 0) -> Double {
        let quotient = dividingPair(a, low: aLow)
        return quotient.high + quotient.low
    }

    /// The quotient of ``dividing(_:low:)`` before its last rounding: `q` and the correction
    /// `(r + aLow − q·low) / high` (0 where q is 0 or not finite).
    @inlinable
    func dividingPair(_ a: Double, low aLow: Double = 0) -> (high: Double, low: Double) {
        let q = a / high
        guard q.isFinite, q != 0 else { return (q, 0) }
        let r = a.addingProduct(-q, high)
        return (q, (r + aLow - q * low) / high)
    }
}
