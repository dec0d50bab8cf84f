/// A discriminator (critic) loss of the catalog, for one real sample with logit ℓ_r and one
/// generated sample with logit ℓ_f, to be minimized.
///
/// ```
/// bce              softplus(−ℓ_r) + softplus(ℓ_f)                   ∂/∂ℓ_r = −σ(−ℓ_r)        ∂/∂ℓ_f = σ(ℓ_f)
/// bce, target t    t·softplus(−ℓ_r) + (1−t)·softplus(ℓ_r)           ∂/∂ℓ_r = σ(ℓ_r) − t      ∂/∂ℓ_f = σ(ℓ_f)
///                    + softplus(ℓ_f)
/// leastSquares     ½ (ℓ_r − b)² + ½ (ℓ_f − a)²                      ∂/∂ℓ_r = ℓ_r − b         ∂/∂ℓ_f = ℓ_f − a
/// lsSigmoid        ½ (D_r − 1)² + ½ D_f² = ½ σ(−ℓ_r)² + ½ σ(ℓ_f)²    ∂/∂ℓ_r = −σ(ℓ_r) σ(−ℓ_r)²  ∂/∂ℓ_f = σ(ℓ_f)² σ(−ℓ_f)
/// wasserstein      ℓ_f − ℓ_r                                        ∂/∂ℓ_r = −1              ∂/∂ℓ_f = 1
/// hinge            max(0, 1 − ℓ_r) + max(0, 1 + ℓ_f)                ∂/∂ℓ_r = −[ℓ_r < 1]      ∂/∂ℓ_f = [ℓ_f > −1]
/// ragan            2 softplus(ℓ_f − ℓ_r)                            ∂/∂ℓ_r = −2σ(ℓ_f − ℓ_r)  ∂/∂ℓ_f = 2σ(ℓ_f − ℓ_r)
/// ```
/// BCE is shared by the minimax, non-saturating and maximum-likelihood generators. One-sided
/// label smoothing replaces the real target 1 by t: the cross-entropy −t log σ(ℓ_r) −
/// (1 − t) log(1 − σ(ℓ_r)) is written with two positive softplus terms, so nothing cancels;
/// it equals softplus(ℓ_r) − t·ℓ_r and its minimum moves to ℓ* = log(t/(1 − t)).
public enum DiscriminatorLoss: Sendable, Hashable {
    /// Binary cross-entropy: softplus(−ℓ_r) + softplus(ℓ_f).
    case bce
    /// BCE with one-sided label smoothing: real target t ∈ [0, 1] (t = 1 is plain BCE).
    case bceSmoothed(target: Double)
    /// Least squares with fake target a and real target b (LSGAN: a = 0, b = 1).
    case leastSquares(fakeTarget: Double, realTarget: Double)
    /// Least squares on D = σ(ℓ), targets 0 and 1: ½ σ(−ℓ_r)² + ½ σ(ℓ_f)².
    case leastSquaresSigmoid
    /// The Wasserstein critic loss: ℓ_f − ℓ_r.
    case wasserstein
    /// The hinge loss: max(0, 1 − ℓ_r) + max(0, 1 + ℓ_f).
    case hinge
    /// The relativistic loss: 2 softplus(ℓ_f − ℓ_r).
    case ragan

    /// The plain least-squares discriminator, a = 0 and b = 1.
    public static let leastSquares = DiscriminatorLoss.leastSquares(fakeTarget: 0, realTarget: 1)

    /// The value, ∂/∂ℓ_r and ∂/∂ℓ_f at one real and one fake logit.
    public func evaluate(realLogit r: Double, fakeLogit f: Double) -> DiscriminatorEvaluation {
        switch self {
        case .ragan:
            // One pair: both terms are softplus(ℓ_f − ℓ_r), and each logit moves both.
            let s = Double.sigmoid(f - r)
            return DiscriminatorEvaluation(value: 2 * Double.softplus(f - r), gradientReal: -2 * s, gradientFake: 2 * s)
        case .bce, .bceSmoothed, .leastSquares, .leastSquaresSigmoid, .wasserstein, .hinge:
            // A term per sample (``realTerm(_:fakeMean:)``, ``fakeTerm(_:realMean:)``).
            let real = realTerm(r), fake = fakeTerm(f)
            return DiscriminatorEvaluation(value: real.value + fake.value, gradientReal: real.gradient, gradientFake: fake.gradient)
        }
    }

    /// The real-sample logit that minimizes the real half of the loss, where one exists:
    /// ℓ* = log(t/(1 − t)) for BCE with target t (+∞ for t = 1), b for least squares.
    public var optimalRealLogit: Double? {
        switch self {
        case .bce: .infinity
        case .bceSmoothed(let t): Double.logit(t)
        case .leastSquares(_, let b): b
        case .leastSquaresSigmoid: .infinity
        case .wasserstein, .hinge, .ragan: nil
        }
    }

    /// max(0, x), with NaN propagated (Swift's `max(0, .nan)` is 0).
    static func positivePart(_ x: Double) -> Double {
        x.isNaN ? x : (x > 0 ? x : 0)
    }
}

/// A discriminator loss and its partial derivatives at one (real, fake) pair of logits.
public struct DiscriminatorEvaluation: Sendable, Hashable {
    /// An evaluation from L_D and its two partial derivatives.
    public init(value: Double, gradientReal: Double, gradientFake: Double) {
        self.value = value
        self.gradientReal = gradientReal
        self.gradientFake = gradientFake
    }

    /// L_D, the value of the loss.
    public var value: Double
    /// ∂L_D/∂ℓ_r.
    public var gradientReal: Double
    /// ∂L_D/∂ℓ_f.
    public var gradientFake: Double
}
