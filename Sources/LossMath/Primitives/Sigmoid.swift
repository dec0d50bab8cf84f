/// LossMath's stable primitives on `Double`: softplus, σ, log σ, log(1 − σ), logit and tanh.
extension Double {
    /// The logistic sigmoid σ, evaluated so that no branch overflows and tiny results stay subnormal.
    ///
    /// ```
    /// σ(x) = 1 / (1 + e⁻ˣ)          x ≥ 0
    ///      = eˣ / (1 + eˣ)          x < 0
    /// ```
    /// For x < 0 the first form would compute `1 / (1 + huge)` and flush to 0 once e⁻ˣ overflows
    /// (x < −709.78), losing the subnormal results down to x ≈ −745; the second keeps them.
    ///
    /// Mathematical properties: `σ(x) + σ(−x) = 1`; `σ′(x) = σ(x) σ(−x)`; `σ(−∞) = 0`, `σ(+∞) = 1`;
    /// NaN propagates.
    ///
    /// `e = e^(−|x|)` is carried as a pair, `1 + e` with its rounding error, and the quotient is
    /// corrected by its fma remainder (`logisticPair(_:timesPowerOfTwo:)`), so only the final rounding counts: within
    /// ½ ULP + about 2⁻⁵⁷ relative. With libm's `exp` the error of e alone passes into σ(x) for x < 0
    /// (1 ULP), and the plain quotient reaches 1.5 ULP (1.4 at ℓ = −20).
    public static func sigmoid(_ x: Double) -> Double {
        logisticPair(x).sigmoid
    }
}

/// LossMath's primitives on `Float`: softplus, σ, log σ, log(1 − σ) and logit, evaluated in `Double`.
extension Float {
    /// σ in single precision: ``Double/sigmoid(_:)`` evaluated in `Double` and rounded once.
    public static func sigmoid(_ x: Float) -> Float {
        Float(Double.sigmoid(Double(x)))
    }
}
