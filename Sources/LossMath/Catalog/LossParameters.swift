/// The parameters some losses take; every other loss ignores them.
public struct LossParameters: Sendable, Hashable {
    /// The least-squares target c for the generator of `lsgan`: `L = ½ (ℓ − c)²`. Default 1.
    public var leastSquaresTarget: Double
    /// The logit ℓ_r on a real sample, for the relativistic games. Default 0.
    public var realLogit: Double
    /// The least-squares discriminator's target a for generated samples: `½ (ℓ_f − a)²`. Default 0.
    public var leastSquaresFakeTarget: Double
    /// The least-squares discriminator's target b for real samples: `½ (ℓ_r − b)²`. Default 1.
    public var leastSquaresRealTarget: Double
    /// The BCE discriminator's target t for real samples: 1, or less with one-sided label
    /// smoothing (``LabelSmoothing``). Default 1.
    public var realLabel: Double
    /// EBGAN's margin m: generated samples with energy below m are pushed up, `[m − ℓ_f]⁺`. Default 1.
    public var margin: Double

    /// The parameters; by default c = 1, ℓ_r = 0, a = 0, b = 1, t = 1 and m = 1.
    public init(leastSquaresTarget: Double = 1, realLogit: Double = 0, leastSquaresFakeTarget: Double = 0,
                leastSquaresRealTarget: Double = 1, realLabel: Double = 1, margin: Double = 1) {
        self.leastSquaresTarget = leastSquaresTarget
        self.realLogit = realLogit
        self.leastSquaresFakeTarget = leastSquaresFakeTarget
        self.leastSquaresRealTarget = leastSquaresRealTarget
        self.realLabel = realLabel
        self.margin = margin
    }

    /// c = 1, ℓ_r = 0, a = 0, b = 1, t = 1, m = 1.
    public static let standard = LossParameters()
}
