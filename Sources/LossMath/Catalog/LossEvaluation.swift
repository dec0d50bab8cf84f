/// A loss and its derivatives at one point.
public struct LossEvaluation<Scalar: BinaryFloatingPoint & Sendable>: Sendable, Hashable {
    /// L.
    public var value: Scalar
    /// ∂L/∂ℓ, the derivative with respect to the discriminator logit.
    public var gradientLogit: Scalar
    /// ∂L/∂D with D = σ(ℓ); nil for losses on the raw output, where D-space does not apply.
    public var gradientD: Scalar?

    /// An evaluation from L, ∂L/∂ℓ and ∂L/∂D (nil where D-space does not apply).
    public init(value: Scalar, gradientLogit: Scalar, gradientD: Scalar?) {
        self.value = value
        self.gradientLogit = gradientLogit
        self.gradientD = gradientD
    }
}

extension LossEvaluation where Scalar == Float {
    /// The single-precision rounding of a double-precision evaluation (one rounding per field).
    @inlinable
    public init(rounding e: LossEvaluation<Double>) {
        self.init(value: Float(e.value), gradientLogit: Float(e.gradientLogit),
                  gradientD: e.gradientD.map(Float.init))
    }
}
