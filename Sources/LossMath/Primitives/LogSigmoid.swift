/// LossMath's stable primitives on `Double`: softplus, σ, log σ, log(1 − σ), logit and tanh.
extension Double {
    /// The logarithm of the sigmoid, `log σ(x)`, from the logit and never through σ.
    ///
    /// ```
    /// log σ(x) = −log(1 + e⁻ˣ) = −softplus(−x)
    /// ```
    /// `log(sigmoid(x))` returns −∞ once σ(x) underflows (x < −745 in Double, x < −104 in Float)
    /// and loses every digit to rounding σ(x) to 1 for x > 37 (x > 17 in Float).
    @inlinable
    public static func logSigmoid(_ x: Double) -> Double { -softplus(-x) }

    /// The logarithm of the complementary sigmoid, `log(1 − σ(x)) = log σ(−x)`.
    ///
    /// ```
    /// log(1 − σ(x)) = −log(1 + eˣ) = −softplus(x)
    /// ```
    /// The naive `log(1 − sigmoid(x))` computes `1 − σ(x)` in floating point, which is exactly 0 for
    /// x > 37 (−∞ after the log) and has lost `log₂(1/σ(−x))` bits for large x before that.
    @inlinable
    public static func logOneMinusSigmoid(_ x: Double) -> Double { -softplus(x) }
}

/// LossMath's primitives on `Float`: softplus, σ, log σ, log(1 − σ) and logit, evaluated in `Double`.
extension Float {
    /// `log σ(x)` in single precision, via `Double`.
    @inlinable
    public static func logSigmoid(_ x: Float) -> Float { -softplus(-x) }

    /// `log(1 − σ(x))` in single precision, via `Double`.
    @inlinable
    public static func logOneMinusSigmoid(_ x: Float) -> Float { -softplus(x) }
}
