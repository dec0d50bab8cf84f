/// Error-free transformations: a sum or a product of two doubles written exactly as an
/// unevaluated pair `high + low`, with `high` the rounded result and `low` its rounding error.
/// They are the building blocks of every extra-precision step in this module.
///
/// ```
/// twoSum(a, b)      high = fl(a + b)   low = (a − (high − b′)) + (b − b′),  b′ = high − a   (Knuth)
/// fastTwoSum(a, b)  high = fl(a + b)   low = b − (high − a)        needs |a| ≥ |b| or a = 0  (Dekker)
/// twoProduct(a, b)  high = fl(a · b)   low = fma(a, b, −high)      exact unless a·b underflows
/// ```
/// All three are exact for finite inputs whose results do not overflow.
@usableFromInline
enum Compensated {
    /// Knuth's TwoSum: `a + b` as `high + low`, exactly, for any order of magnitude of `a` and `b`.
    @inlinable @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> (high: Double, low: Double) {
        let high = a + b
        let bPart = high - a
        return (high, (a - (high - bPart)) + (b - bPart))
    }

    /// Dekker's Fast2Sum: ``twoSum(_:_:)`` in three operations when `|a| ≥ |b|` (or `a` is 0).
    @inlinable @inline(__always)
    static func fastTwoSum(_ a: Double, _ b: Double) -> (high: Double, low: Double) {
        let high = a + b
        return (high, b - (high - a))
    }

    /// The square of a pair `high + low` as a pair: high² exactly (``twoProduct(_:_:)``) plus the cross
    /// term 2·high·low (low² is below 2⁻¹⁰⁶ of the result and dropped).
    @inlinable @inline(__always)
    static func square(_ high: Double, _ low: Double) -> (high: Double, low: Double) {
        let product = twoProduct(high, high)
        return (product.high, product.low + 2 * high * low)
    }

    /// The product of two doubles as `high + low`, exact through one fused multiply-add.
    @inlinable @inline(__always)
    static func twoProduct(_ a: Double, _ b: Double) -> (high: Double, low: Double) {
        let high = a * b
        return (high, (-high).addingProduct(a, b))
    }

    /// A pair times a double, `t·(high + low)`, as a pair: t·high exactly plus t·low.
    @inlinable @inline(__always)
    static func scaled(_ pair: (high: Double, low: Double), by t: Double) -> (high: Double, low: Double) {
        let product = twoProduct(t, pair.high)
        return (product.high, product.low + t * pair.low)
    }

    /// The sum of pairs rounded once: the highs added with ``twoSum(_:_:)``, their errors and the
    /// lows gathered and added last. For terms of one sign the result is within ½ ULP plus the
    /// terms' own errors (each pair carried to about 2⁻⁵⁸): not the two or three roundings of
    /// adding the rounded terms. A sum that overflows, or a term that is not finite, is returned
    /// as the sum of the highs.
    @inlinable
    static func sum(_ pairs: (high: Double, low: Double)...) -> Double {
        var high = 0.0, low = 0.0
        for pair in pairs {
            let s = twoSum(high, pair.high)
            high = s.high
            low += s.low + pair.low
        }
        return high.isFinite ? high + low : high
    }
}
