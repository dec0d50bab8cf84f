/// The Euclidean norm ‖v‖ = √(Σᵢ vᵢ²) of a vector given one component at a time, with no ε, no
/// overflow and no underflow: a scaled sum of squares (LAPACK's dnrm2 and dlassq), the scale a
/// power of two.
///
/// ```
/// ‖v‖ = s √(Σᵢ (vᵢ/s)²),    s = 2^e,  e = the binary exponent of maxᵢ |vᵢ|
/// ```
/// Each vᵢ/s is exact (a division by a power of two) and below 2, so no square overflows, however
/// large the components (1e300 and 1e300 give 1.414…e300, where Σ vᵢ² is ∞), and none of the
/// largest underflows, however small (5e-324 gives 5e-324, where Σ vᵢ² is 0). When a larger
/// component raises s, the sum so far is multiplied by a power of two, again exactly, so the
/// norm is streamed in one pass. Two norms merge (``add(_:)-(GradientNorm)``): the norm of a
/// concatenation, ‖(u, v)‖² = ‖u‖² + ‖v‖², such as a whole batch of gradients from the samples'.
///
/// Error bounds: each square is rounded once and the squares are summed with compensation
/// (``CompensatedSum``), so Σ (vᵢ/s)² is within about one rounding of its value and the norm
/// within about one ULP, for any number of components.
///
/// Edge cases: a NaN component gives NaN; otherwise an infinite one gives ∞; no component, or only
/// zeros, give 0. A norm above the largest double is ∞.
public struct GradientNorm: Sendable, Hashable {
    /// The exponent e of the scale s = 2^e: that of the largest |vᵢ| so far; nil until a nonzero one.
    var exponent: Int? = nil
    /// Σᵢ (vᵢ/s)².
    var squares = CompensatedSum()
    var hasNaN = false, hasInfinity = false
    /// The number of components added (zeros, infinities and NaNs included).
    public private(set) var count = 0

    /// The norm of no components, 0.
    public init() {}

    /// The norm of `components`.
    public init<Components: Sequence<Double>>(_ components: Components) {
        for x in components { add(x) }
    }

    /// The norm of `v`: ‖v‖ = √(Σᵢ vᵢ²), exactly rounded but for about one ULP.
    public static func of<Components: Sequence<Double>>(_ v: Components) -> Double {
        GradientNorm(v).value()
    }

    /// Adds the component `x`.
    public mutating func add(_ x: Double) {
        count += 1
        let a = x.magnitude
        if a.isNaN { hasNaN = true; return }
        if a.isInfinite { hasInfinity = true; return }
        guard a > 0 else { return }
        let e = Int(a.exponent)
        if let current = exponent {
            if e > current {
                squares.multiply(byPowerOfTwo: 2 * (current - e))
                exponent = e
            }
        } else {
            exponent = e
        }
        let scaled = Double(sign: .plus, exponent: a.exponent - exponent!, significand: a.significand)  // a/s, exact
        squares.add(scaled * scaled)
    }

    /// Adds every component of `other`: the norm of the two vectors concatenated,
    /// ‖(u, v)‖ = √(‖u‖² + ‖v‖²).
    public mutating func add(_ other: GradientNorm) {
        count += other.count
        hasNaN = hasNaN || other.hasNaN
        hasInfinity = hasInfinity || other.hasInfinity
        guard let theirs = other.exponent else { return }
        var added = other.squares
        if let current = exponent {
            if theirs > current {
                squares.multiply(byPowerOfTwo: 2 * (current - theirs))
                exponent = theirs
            } else if theirs < current {
                added.multiply(byPowerOfTwo: 2 * (theirs - current))
            }
        } else {
            exponent = theirs
        }
        squares.add(added)
    }

    /// ‖v‖² = Σᵢ vᵢ² = s² Σᵢ (vᵢ/s)² (+ ε): for a penalty in g², one rounding fewer than squaring
    /// the rounded ‖v‖. It overflows to ∞ for norms above √(largest double) ≈ 1.34e154 and
    /// underflows below about 1e-162, where ``value(epsilon:)`` does not.
    public func squaredValue(epsilon: Double = 0) -> Double {
        if hasNaN { return .nan }
        if hasInfinity { return .infinity }
        guard let exponent else { return epsilon }
        let s = Double(sign: .plus, exponent: exponent, significand: 1)
        return squares.value * s * s + epsilon
    }

    /// ‖v‖ = s √(Σᵢ (vᵢ/s)²), or with `epsilon` > 0 the smoothed norm of training code,
    /// √(Σᵢ vᵢ² + ε) = s √(Σᵢ (vᵢ/s)² + ε/s²) (√ε when ε/s² is beyond the doubles: s² Σ is then
    /// below ε by more than 300 orders of magnitude).
    public func value(epsilon: Double = 0) -> Double {
        if hasNaN { return .nan }
        if hasInfinity { return .infinity }
        guard let exponent else { return epsilon.squareRoot() }
        let s = Double(sign: .plus, exponent: exponent, significand: 1)
        guard epsilon > 0 else { return s * squares.value.squareRoot() }
        let t = epsilon / s / s
        return t.isFinite ? s * (squares.value + t).squareRoot() : epsilon.squareRoot()
    }
}
