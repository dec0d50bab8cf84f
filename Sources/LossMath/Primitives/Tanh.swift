/// LossMath's stable primitives on `Double`: softplus, σ, log σ, log(1 − σ), logit and tanh.
extension Double {
    /// The hyperbolic tangent, written like the loss kernels (branch-free, on `ExtendedExp`) so that
    /// loops over it vectorize: the activations of the small networks in Dynamics.
    ///
    /// ```
    /// tanh(z) = sign(z) · (1 − e)/(1 + e) = −sign(z) · m/(2 + m),   e = e^(−2|z|),  m = e − 1 = expm1(−2|z|)
    /// ```
    /// m is formed from the pair 2ᵏ(high + low) as (2ᵏ·high − 1) + 2ᵏ·low, which is exact in its first
    /// difference for k = 0 (Sterbenz) and keeps the relative accuracy of m, and so of tanh, near 0
    /// where 1 − e would cancel. |z| is clamped to 20, beyond which tanh rounds to ±1.
    /// Within 3 ULP of glibc's tanh (tested over ±40 and tiny arguments): plenty for network
    /// activations, where it replaces a libm call that the loops could not vectorize. NaN propagates.
    @inlinable @inline(__always)
    public static func hyperbolicTangent(_ z: Double) -> Double {
        let a = z < 0 ? -z : z
        let e = ExtendedExp(-2 * (a > 20 ? 20 : a))
        let unit = PowerOfTwo.value(e.exponent)  // k ≥ −58 (|z| ≤ 20): a normal power of two
        let m = (e.high * unit - 1) + e.low * unit
        let t = -m / (2 + m)
        return z.isNaN ? z : (z < 0 ? -t : t)
    }
}
