/// The discriminator losses as a term per real sample plus a term per generated sample, the form
/// a batch objective sums:
/// ```
/// L_D = reduce_i real(ℓ_r,i) + reduce_j fake(ℓ_f,j)
/// bce            real = softplus(−ℓ_r)                            fake = softplus(ℓ_f)
/// target t       real = t softplus(−ℓ_r) + (1 − t) softplus(ℓ_r)  fake = softplus(ℓ_f)
/// least squares  real = ½ (ℓ_r − b)²                              fake = ½ (ℓ_f − a)²
/// on σ           real = ½ σ(−ℓ_r)²                                fake = ½ σ(ℓ_f)²
/// Wasserstein    real = −ℓ_r                                      fake = ℓ_f
/// hinge          real = max(0, 1 − ℓ_r)                           fake = max(0, 1 + ℓ_f)
/// energy         real = ℓ_r                                       fake = max(0, m − ℓ_f)
/// relativistic   real = φ(ℓ_r − F̄)                                fake = φ(R̄ − ℓ_f)
/// RSGAN          real = ½ φ(ℓ_r − ℓ_f)                            fake = ½ φ(ℓ_r − ℓ_f)
/// ```
/// The relativistic average games (Jolicoeur-Martineau 2018, ``RelativisticGame``) compare each
/// sample with the mean logit of the other side, R̄ or F̄; for one pair both terms are
/// φ(ℓ_r − ℓ_f), the catalog's 2φ(ℓ_r − ℓ_f) (RaSGAN: φ(x) = softplus(−x)). RSGAN's loss is one
/// term per pair, φ(ℓ_r − ℓ_f): here the other argument is the partner's logit, and the term is
/// split evenly between the pair's two samples. Each term comes with its derivative in its own
/// logit (for the relativistic games the derivative through the other side is not included).
extension DiscriminatorLoss {
    /// The term of one real sample with logit `r` alone, without its derivative (what a batch sums).
    public func realValue(_ r: Double, fakeMean: Double = 0) -> Double {
        switch self {
        case .bce: Double.softplus(-r)
        case .bceSmoothed(let t): t * Double.softplus(-r) + (1 - t) * Double.softplus(r)
        case .leastSquares(_, let b): halfSquare(r, minus: b)
        case .leastSquaresSigmoid: GeneratorLoss.lsSigmoidValue(r)
        case .wasserstein: -r
        case .hinge: Self.positivePart(1 - r)
        case .relativistic(let game): game.realTerm(r, other: fakeMean).value
        case .energy: r
        case .fDivergence(let d): d.realValue(r)
        }
    }

    /// The term of one generated sample with logit `f` alone, without its derivative.
    public func fakeValue(_ f: Double, realMean: Double = 0) -> Double {
        switch self {
        case .bce, .bceSmoothed: Double.softplus(f)
        case .leastSquares(let a, _): halfSquare(f, minus: a)
        case .leastSquaresSigmoid: GeneratorLoss.lsSigmoidValue(-f)
        case .wasserstein: f
        case .hinge: Self.positivePart(1 + f)
        case .relativistic(let game): game.fakeTerm(f, other: realMean).value
        case .energy(let m): Self.positivePart(m - f)
        case .fDivergence(let d): d.fakeValue(f)
        }
    }

    /// The term of one real sample with logit `r` and its derivative in `r`; `fakeMean` is F̄,
    /// used by the relativistic loss alone.
    public func realTerm(_ r: Double, fakeMean: Double = 0) -> (value: Double, gradient: Double) {
        let gradient: Double
        switch self {
        case .bce: gradient = -Double.sigmoid(-r)
        case .bceSmoothed(let t): gradient = Self.smoothedRealGradient(r, target: t)
        case .leastSquares(_, let b): gradient = r - b
        case .leastSquaresSigmoid: gradient = GeneratorLoss.lsSigmoidGradientLogit(r)
        case .wasserstein: gradient = r.isNaN ? r : -1
        case .hinge: gradient = r.isNaN ? r : (r < 1 ? -1 : 0)
        case .relativistic(let game): gradient = game.realTerm(r, other: fakeMean).derivative
        case .energy: gradient = r.isNaN ? r : 1
        case .fDivergence(let d): gradient = d.realGradient(r)
        }
        return (realValue(r, fakeMean: fakeMean), gradient)
    }

    /// The term of one generated sample with logit `f` and its derivative in `f`; `realMean` is R̄,
    /// used by the relativistic loss alone.
    public func fakeTerm(_ f: Double, realMean: Double = 0) -> (value: Double, gradient: Double) {
        let gradient: Double
        switch self {
        case .bce, .bceSmoothed: gradient = Double.sigmoid(f)
        case .leastSquares(let a, _): gradient = f - a
        case .leastSquaresSigmoid: gradient = -GeneratorLoss.lsSigmoidGradientLogit(-f)
        case .wasserstein: gradient = f.isNaN ? f : 1
        case .hinge: gradient = f.isNaN ? f : (f > -1 ? 1 : 0)
        case .relativistic(let game): gradient = game.fakeTerm(f, other: realMean).derivative
        case .energy(let m): gradient = f.isNaN ? f : (f < m ? -1 : 0)
        case .fDivergence(let d): gradient = d.fakeGradient(f)
        }
        return (fakeValue(f, realMean: realMean), gradient)
    }

    /// σ(ℓ_r) − t, the real derivative of BCE with target t, from σ before its last rounding:
    /// near the optimum ℓ* = log(t/(1 − t)) the two cancel, and what is left is accurate to about
    /// 2⁻⁵⁸ t (absolute) where the rounded σ would leave 2⁻⁵³ t.
    static func smoothedRealGradient(_ r: Double, target t: Double) -> Double {
        Compensated.sum(logisticPairCarried(r).sigmoidPair, (-t, 0))
    }
}
