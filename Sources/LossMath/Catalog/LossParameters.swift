/// The parameters some losses take; every other loss ignores them.
public struct LossParameters: Sendable, Hashable {
    /// The least-squares target c for the generator of `lsgan`: `L = ½ (ℓ − c)²`. Default 1.
    public var leastSquaresTarget: Double
    /// The logit ℓ_r on a real sample, for the relativistic loss `ragan`. Default 0.
    public var realLogit: Double

    /// The least-squares target c and the real logit ℓ_r; by default c = 1 and ℓ_r = 0.
    public init(leastSquaresTarget: Double = 1, realLogit: Double = 0) {
        self.leastSquaresTarget = leastSquaresTarget
        self.realLogit = realLogit
    }

    /// c = 1, ℓ_r = 0.
    public static let standard = LossParameters()
}
