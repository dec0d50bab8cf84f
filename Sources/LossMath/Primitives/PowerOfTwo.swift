/// Exact scaling by powers of two, with the exponent k an integer held in a `Double` (so that
/// branch-free loops over it vectorize, unlike `Int(k)`):
/// ```
/// value(k)        2ᵏ, built from the bits                          k ∈ [−1022, 1023]
/// scale(v, by: k) v · 2ᵏ, rounded once, only when it is subnormal  k clamped to ±2040
/// ```
@usableFromInline
enum PowerOfTwo {
    /// 2ᵏ for an integer k in [−1022, 1023] held in a `Double`, built from the bits: k + 1.5·2⁵² holds
    /// k in its low bits (exactly, for |k| < 2⁵¹), which are shifted into the exponent field.
    @inlinable @inline(__always)
    static func value(_ k: Double) -> Double {
        Double(bitPattern: ((k + 6755399441055744).bitPattern &+ 1023) &<< 52)
    }

    /// `v · 2ᵏ` (k an integer held in a `Double`) with a single rounding, only when the result is
    /// subnormal, and overflow to ±∞: two exact multiplications by normal powers of two. For the
    /// moderate `v` used here (|v| ≤ 4) k beyond ±2040 gives 0 or ∞ anyway and is clamped.
    @inlinable @inline(__always)
    static func scale(_ v: Double, by k: Double) -> Double {
        let k = k < -2040 ? -2040 : (k > 2040 ? 2040 : k)
        let half = (k * 0.5).rounded(.down)
        return v * value(half) * value(k - half)
    }
}
