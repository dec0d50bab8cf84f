internal import Glibc

/// LossMath's stable primitives on `Double`: softplus, σ, log σ, log(1 − σ), logit and tanh.
extension Double {
    /// The logit, the inverse of σ: the discriminator logit at which D(G(z)) = p.
    ///
    /// ```
    /// logit(p) = log(p / (1 − p))
    ///          = log1p((2p − 1) / (1 − p))     ¼ ≤ p ≤ ¾   (2p − 1 is exact there, by Sterbenz)
    ///          = log(p) − log1p(−p)            otherwise
    /// ```
    /// Near p = ½ the two logarithms of the second form cancel (logit(½ + δ) ≈ 4δ), so the first
    /// form is used there; away from ½ the difference of the logs is accurate and avoids the
    /// rounding of `1 − p` for small p.
    ///
    /// Mathematical properties: `logit(σ(x)) = x`; `logit(0) = −∞`, `logit(1) = +∞`;
    /// NaN for p outside [0, 1] and for NaN.
    public static func logit(_ p: Double) -> Double {
        if p >= 0.25 && p <= 0.75 { return log1p((2 * p - 1) / (1 - p)) }
        return log(p) - log1p(-p)
    }
}

/// LossMath's primitives on `Float`: softplus, σ, log σ, log(1 − σ) and logit, evaluated in `Double`.
extension Float {
    /// The logit in single precision, via `Double`.
    @inlinable
    public static func logit(_ p: Float) -> Float {
        Float(Double.logit(Double(p)))
    }
}
