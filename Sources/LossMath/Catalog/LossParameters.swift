/// The parameters some losses take; every other loss ignores them.
public struct LossParameters: Sendable, Hashable {
    /// The least-squares target c for the generator of `lsgan`: `L = ½ (ℓ − c)²`. Default 1.
    public var leastSquaresTarget: Double
    /// The logit ℓ_r on a real sample, for the relativistic loss `ragan`. Default 0.
    public var realLogit: Double

    public init(leastSquaresTarget: Double = 1, realLogit: Double = 0) {
        self.leastSquaresTarget = leastSquaresTarget
        self.realLogit = realLogit
    }

    /// c = 1, ℓ_r = 0.
    public static let standard = LossParameters()
}
