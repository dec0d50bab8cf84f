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
/// relativistic     2ᵖ φ(ℓ_r − ℓ_f), one pair                         ∂/∂ℓ_r = 2ᵖ φ′           ∂/∂ℓ_f = −2ᵖ φ′
///                    (``RelativisticGame``; RaSGAN: 2 softplus(ℓ_f − ℓ_r), ∂/∂ℓ_r = −2σ(ℓ_f − ℓ_r))
/// f-GAN            −g_f(ℓ_r) + f*(g_f(ℓ_f))                         (``FDivergence``)
/// energy, margin m ℓ_r + max(0, m − ℓ_f)  (EBGAN, on energies)     ∂/∂ℓ_r = 1               ∂/∂ℓ_f = −[ℓ_f < m]
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
    /// A relativistic game's loss (``RelativisticGame``), for one pair 2ᵖ φ(ℓ_r − ℓ_f).
    case relativistic(RelativisticGame)
    /// An f-GAN's discriminator (variational function) on the raw outputs: −g_f(ℓ_r) + f*(g_f(ℓ_f)).
    case fDivergence(FDivergence)
    /// EBGAN's margin loss on energies (lower is more real): ℓ_r + max(0, m − ℓ_f) (Zhao, Mathieu
    /// and LeCun 2017).
    case energy(margin: Double)

    /// The plain least-squares discriminator, a = 0 and b = 1.
    public static let leastSquares = DiscriminatorLoss.leastSquares(fakeTarget: 0, realTarget: 1)

    /// RaSGAN's loss, 2 softplus(ℓ_f − ℓ_r) for one pair: the discriminator of the game `ragan`.
    public static let ragan = DiscriminatorLoss.relativistic(.rasgan)

    /// The value, ∂/∂ℓ_r and ∂/∂ℓ_f at one real and one fake logit, and ∂/∂D_r and ∂/∂D_f where
    /// the loss is written on D = σ(ℓ) (``gradientsD(realLogit:fakeLogit:)``).
    public func evaluate(realLogit r: Double, fakeLogit f: Double) -> DiscriminatorEvaluation<Double> {
        let inD = gradientsD(realLogit: r, fakeLogit: f)
        switch self {
        case .relativistic(let game):
            let pair = game.discriminatorPair(realLogit: r, fakeLogit: f)
            return DiscriminatorEvaluation(value: pair.value, gradientReal: pair.gradientReal,
                                           gradientFake: 0 - pair.gradientReal)   // +0, not −0, where the hinge is flat
        case .bce, .bceSmoothed, .leastSquares, .leastSquaresSigmoid, .wasserstein, .hinge, .fDivergence, .energy:
            // A term per sample (``realTerm(_:fakeMean:)``, ``fakeTerm(_:realMean:)``).
            let real = realTerm(r), fake = fakeTerm(f)
            return DiscriminatorEvaluation(value: value(realLogit: r, fakeLogit: f), gradientReal: real.gradient,
                                           gradientFake: fake.gradient, gradientRealD: inD?.real, gradientFakeD: inD?.fake)
        }
    }

    /// The evaluation in single precision: computed in `Double`, each field rounded once.
    public func evaluate(realLogit r: Float, fakeLogit f: Float) -> DiscriminatorEvaluation<Float> {
        DiscriminatorEvaluation(rounding: evaluate(realLogit: Double(r), fakeLogit: Double(f)))
    }

    /// L_D at one pair, rounded once where it is a sum of transcendental terms: the softplus
    /// terms and the squares are carried as unrounded pairs and added once
    /// (`Compensated.sum`), so that L_D is within 1 ULP like each term alone.
    public func value(realLogit r: Double, fakeLogit f: Double) -> Double {
        switch self {
        case .bce: Compensated.sum(logisticPairCarried(-r).softplusPair, logisticPairCarried(f).softplusPair)
        case .bceSmoothed(let t):
            Compensated.sum(Compensated.scaled(logisticPairCarried(-r).softplusPair, by: t),
                            Compensated.scaled(logisticPairCarried(r).softplusPair, by: 1 - t), logisticPairCarried(f).softplusPair)
        case .leastSquares(let a, let b): Compensated.sum(halfSquarePair(r, minus: b), halfSquarePair(f, minus: a))
        case .leastSquaresSigmoid:
            r.isNaN || f.isNaN ? r + f : Compensated.sum(Self.scaledPair(GeneratorLoss.lsSigmoidValueUnscaled(r)),
                                                           Self.scaledPair(GeneratorLoss.lsSigmoidValueUnscaled(-f)))
        case .hinge: Compensated.sum(Self.positivePart(Compensated.twoSum(1, -r)), Self.positivePart(Compensated.twoSum(1, f)))
        case .relativistic(let game): game.discriminatorPair(realLogit: r, fakeLogit: f).value
        case .energy(let m): Compensated.sum((r, 0), Self.positivePart(Compensated.twoSum(m, -f)))
        case .fDivergence(let d): d.discriminatorValue(realLogit: r, fakeLogit: f)
        case .wasserstein: realValue(r) + fakeValue(f)
        }
    }

    /// 2ᵏ (high + low) as a pair, each part scaled (exact unless subnormal).
    static func scaledPair(_ v: (high: Double, low: Double, exponent: Double)) -> (high: Double, low: Double) {
        (PowerOfTwo.scale(v.high, by: v.exponent), PowerOfTwo.scale(v.low, by: v.exponent))
    }

    /// max(0, high + low) of a pair, NaN propagated.
    static func positivePart(_ pair: (high: Double, low: Double)) -> (high: Double, low: Double) {
        pair.high.isNaN ? pair : (pair.high > 0 ? pair : (0, 0))
    }

    /// (∂L_D/∂D_r, ∂L_D/∂D_f) at D_r = σ(ℓ_r), D_f = σ(ℓ_f), for the losses written on D; nil for
    /// the others.
    /// ```
    /// bce        ∂/∂D_r = −1/D_r = −(1 + e^−ℓ_r)                 ∂/∂D_f = 1/(1 − D_f) = 1 + e^ℓ_f
    /// target t   ∂/∂D_r = −t/D_r + (1 − t)/(1 − D_r)
    ///                   = −t (1 + e^−ℓ_r) + (1 − t)(1 + e^ℓ_r)
    /// on σ       ∂/∂D_r = D_r − 1 = −σ(−ℓ_r)                     ∂/∂D_f = D_f = σ(ℓ_f)
    /// ```
    public func gradientsD(realLogit r: Double, fakeLogit f: Double) -> (real: Double, fake: Double)? {
        switch self {
        case .bce: (r.isNaN ? r : -OnePlusExp(-r).rounded, f.isNaN ? f : OnePlusExp(f).rounded)
        case .bceSmoothed(let t): (r.isNaN ? r : Self.smoothedRealGradientD(r, target: t), f.isNaN ? f : OnePlusExp(f).rounded)
        case .leastSquaresSigmoid: (-Double.sigmoid(-r), Double.sigmoid(f))
        case .leastSquares, .wasserstein, .hinge, .relativistic, .fDivergence, .energy: nil
        }
    }

    /// ∂/∂D_r of BCE with target t, (1 − t)(1 + e^ℓ) − t (1 + e^−ℓ), from the two pairs of
    /// ``OnePlusExp`` brought to the larger one's power of two 2ᵏ, added once and scaled last:
    /// no overflow before the end (for ℓ up to 711.9 with t = 0.9), and near the optimum the
    /// difference of the terms is left with their 2⁻⁵⁸ accuracy.
    static func smoothedRealGradientD(_ r: Double, target t: Double) -> Double {
        let up = OnePlusExp(r), down = OnePlusExp(-r)
        let k = max(up.exponent, down.exponent)
        func pair(_ x: OnePlusExp, times c: Double) -> (high: Double, low: Double) {
            let unit = PowerOfTwo.scale(c, by: x.exponent - k)
            return Compensated.scaled((x.high, x.low), by: unit)
        }
        return PowerOfTwo.scale(Compensated.sum(pair(up, times: 1 - t), pair(down, times: -t)), by: k)
    }

    /// The real-sample logit that minimizes the real half of the loss, where one exists:
    /// ℓ* = log(t/(1 − t)) for BCE with target t (+∞ for t = 1), b for least squares.
    public var optimalRealLogit: Double? {
        switch self {
        case .bce: .infinity
        case .bceSmoothed(let t): Double.logit(t)
        case .leastSquares(_, let b): b
        case .leastSquaresSigmoid: .infinity
        case .fDivergence: .infinity
        case .energy: 0   // energies are ≥ 0, and the real term is the energy itself
        case .wasserstein, .hinge, .relativistic: nil
        }
    }

    /// max(0, x), with NaN propagated (Swift's `max(0, .nan)` is 0).
    static func positivePart(_ x: Double) -> Double {
        x.isNaN ? x : (x > 0 ? x : 0)
    }
}

/// A discriminator loss and its partial derivatives at one (real, fake) pair of logits.
public struct DiscriminatorEvaluation<Scalar: BinaryFloatingPoint & Sendable>: Sendable, Hashable {
    /// An evaluation from L_D and its partial derivatives (those in D nil where D does not exist).
    public init(value: Scalar, gradientReal: Scalar, gradientFake: Scalar, gradientRealD: Scalar? = nil,
                gradientFakeD: Scalar? = nil) {
        self.value = value
        self.gradientReal = gradientReal
        self.gradientFake = gradientFake
        self.gradientRealD = gradientRealD
        self.gradientFakeD = gradientFakeD
    }

    /// L_D, the value of the loss.
    public var value: Scalar
    /// ∂L_D/∂ℓ_r.
    public var gradientReal: Scalar
    /// ∂L_D/∂ℓ_f.
    public var gradientFake: Scalar
    /// ∂L_D/∂D_r with D_r = σ(ℓ_r); nil for the losses without a probability.
    public var gradientRealD: Scalar?
    /// ∂L_D/∂D_f with D_f = σ(ℓ_f); nil for the losses without a probability.
    public var gradientFakeD: Scalar?
}

extension DiscriminatorEvaluation where Scalar == Float {
    /// The single-precision rounding of a double-precision evaluation (one rounding per field).
    public init(rounding e: DiscriminatorEvaluation<Double>) {
        self.init(value: Float(e.value), gradientReal: Float(e.gradientReal), gradientFake: Float(e.gradientFake),
                  gradientRealD: e.gradientRealD.map(Float.init), gradientFakeD: e.gradientFakeD.map(Float.init))
    }
}
