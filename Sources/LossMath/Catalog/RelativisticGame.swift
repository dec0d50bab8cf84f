/// The relativistic games of Jolicoeur-Martineau (2018, "The relativistic discriminator: a key
/// element missing from standard GAN"): the discriminator judges how much more real a real sample
/// looks than a generated one, not whether each is real.
///
/// Each game is one function φ of a *relative* logit x (how much more real the sample looks than
/// the other side), charged where x is too small:
/// ```
///            φ(x)              φ′(x)
/// logistic   softplus(−x)      −σ(−x)        RSGAN, RaSGAN
/// squares    (x − 1)²          2 (x − 1)     RaLSGAN (targets ±1)
/// hinge      max(0, 1 − x)     −[x < 1]      RaHingeGAN
/// ```
/// RSGAN compares pairs: L_D = E φ(ℓ_r − ℓ_f), L_G = E φ(ℓ_f − ℓ_r), sample i with sample i (the
/// author's code). The average games (Ra…) compare each sample with the other side's mean logit,
/// R̄ over the real samples and F̄ over the generated ones, and add both sides:
/// ```
/// L_D = E_r φ(ℓ_r − F̄) + E_f φ(R̄ − ℓ_f)          L_G = E_f φ(ℓ_f − R̄) + E_r φ(F̄ − ℓ_r)
/// ```
/// For one pair (R̄ = ℓ_r, F̄ = ℓ_f) an average game is twice RSGAN's form:
/// L_D = 2φ(ℓ_r − ℓ_f), L_G = 2φ(ℓ_f − ℓ_r). These are the paper's sums (its equations for
/// RaSGAN, RaLSGAN and RaHingeGAN); the author's code (`code/GAN_losses_iter.py`) takes the mean
/// of the two sides, half of them.
public enum RelativisticGame: String, CaseIterable, Sendable, Hashable {
    /// RSGAN: softplus(ℓ_f − ℓ_r) for the discriminator, softplus(ℓ_r − ℓ_f) for the generator, per pair.
    case rsgan
    /// RaSGAN: the logistic loss against the other side's mean.
    case rasgan
    /// RaLSGAN: least squares against the other side's mean, targets +1 and −1.
    case ralsgan
    /// RaHingeGAN: the hinge loss against the other side's mean.
    case rahinge

    /// The function φ of the relative logit.
    public enum Term: Sendable, Hashable {
        /// φ(x) = softplus(−x) = −log σ(x).
        case logistic
        /// φ(x) = (x − 1)².
        case squares
        /// φ(x) = max(0, 1 − x).
        case hinge
    }

    /// φ of the game.
    public var term: Term {
        switch self {
        case .rsgan, .rasgan: .logistic
        case .ralsgan: .squares
        case .rahinge: .hinge
        }
    }

    /// Whether each sample is compared with the other side's mean (the Ra… games) rather than
    /// with its partner (RSGAN).
    public var comparesWithMean: Bool {
        switch self {
        case .rsgan: false
        case .rasgan, .ralsgan, .rahinge: true
        }
    }

    /// The exponent p of the factor 2ᵖ of the one-pair forms: 0 for RSGAN, 1 for the average games
    /// (both sides' terms coincide for one pair).
    var pairPowerOfTwo: Double { comparesWithMean ? 1 : 0 }

    /// L_D and ∂L_D/∂ℓ_r for one real and one generated logit: 2ᵖ φ(ℓ_r − ℓ_f) and 2ᵖ φ′(ℓ_r − ℓ_f)
    /// (∂L_D/∂ℓ_f is its negation), the difference carried exactly.
    public func discriminatorPair(realLogit r: Double, fakeLogit f: Double) -> (value: Double, gradientReal: Double) {
        let t = Self.term(term, r, minus: f, timesPowerOfTwo: pairPowerOfTwo)
        return (t.value, t.derivative)
    }

    /// L_G and ∂L_G/∂ℓ for a generated logit ℓ against the real logit ℓ_r: 2ᵖ φ(ℓ − ℓ_r) and
    /// 2ᵖ φ′(ℓ − ℓ_r), the difference carried exactly.
    public func generatorPair(logit l: Double, realLogit r: Double) -> (value: Double, gradient: Double) {
        let t = Self.term(term, l, minus: r, timesPowerOfTwo: pairPowerOfTwo)
        return (t.value, t.derivative)
    }

    /// φ(x) and φ′(x) at a relative logit x: a batch's terms, with x a logit minus the other side's
    /// mean as the batch forms it (ℓ_r − F̄, R̄ − ℓ_f, ℓ_f − R̄, F̄ − ℓ_r) or, for RSGAN, the
    /// difference of a pair's logits.
    public func term(_ x: Double) -> (value: Double, derivative: Double) {
        Self.term(term, x, minus: 0, timesPowerOfTwo: 0)
    }

    /// 2ᵖ φ(a − b) and 2ᵖ φ′(a − b), with a − b = d + δ carried exactly (``Compensated/twoSum(_:_:)``)
    /// so that each result rounds once:
    /// ```
    /// logistic  softplus(b − a), −σ(b − a)              (``logisticPair(difference:minus:timesPowerOfTwo:)``)
    /// squares   u = (d − 1) + δ as a pair s + t:  u² = fma(s, s, 2st),  2u = 2(s + t)
    /// hinge     v = (1 − d) − δ as a pair s + t:  max(0, s + t),  −[s > 0]
    /// ```
    /// Carrying δ matters: in softplus's tail its rounding error would be multiplied by |a − b|
    /// (490 ULP at a − b = 557). The square is scaled before its fma rounds, and from |s| = 2⁵¹² on,
    /// where it overflows, it is taken alone (2st could overflow to −∞ beside it). NaN propagates;
    /// ±∞ give the limits, and ∞ − ∞ is NaN.
    static func term(_ kind: Term, _ a: Double, minus b: Double, timesPowerOfTwo p: Double) -> (value: Double, derivative: Double) {
        let scale = PowerOfTwo.scale(1, by: p)
        switch kind {
        case .logistic:
            let pair = logisticPair(difference: b, minus: a, timesPowerOfTwo: p)
            return (pair.softplus, -pair.sigmoid)
        case .squares:
            let u = shifted(a, minus: b, plus: -1)
            let (h, l) = u
            // From |h| = 2⁵¹² on, u² overflows (and h·l might, to −∞ beside h² = +∞).
            guard h.isFinite, abs(h) < 0x1p512 else { return (scale * h * h, 2 * scale * h) }
            // 2ᵖ(h² + 2hl) in one fma, scaled before it rounds (a subnormal square would otherwise
            // round before its scaling).
            return ((2 * scale * h * l).addingProduct(scale * h, h), 2 * scale * (h + l))
        case .hinge:
            let v = shifted(b, minus: a, plus: 1)
            if v.high.isNaN { return (v.high, v.high) }
            return v.high > 0 ? (scale * (v.high + v.low), -scale) : (0, 0)
        }
    }

    /// a − b + c as an unevaluated pair high + low, renormalized (high the rounded sum, so its sign
    /// is the sum's), to about 2⁻¹⁰⁵ of the result: a − b = d + δ exactly, d + c = s + e exactly,
    /// then twoSum(s, e + δ). Where d + c cancels exactly (a = 10⁻³⁰⁰, b = −1, c = −1 gives
    /// s = 0), the sum is δ itself. Not finite: the plain sum.
    static func shifted(_ a: Double, minus b: Double, plus c: Double) -> (high: Double, low: Double) {
        let d = Compensated.twoSum(a, -b)
        guard d.high.isFinite else { return (d.high + c, 0) }
        let s = Compensated.twoSum(d.high, c)
        return Compensated.twoSum(s.high, s.low + d.low)
    }
}

extension RelativisticGame {
    /// The discriminator's term of a real logit ℓ_r against `other` (F̄, or the partner's logit for
    /// RSGAN) and its derivative in ℓ_r: φ(x) at x = ℓ_r − other rounded (as a batch forms it),
    /// halved for RSGAN, whose pair term is split
    /// between its two samples (``DiscriminatorLoss/realTerm(_:fakeMean:)``).
    func realTerm(_ r: Double, other: Double) -> (value: Double, derivative: Double) {
        Self.term(term, r - other, minus: 0, timesPowerOfTwo: comparesWithMean ? 0 : -1)
    }

    /// The discriminator's term of a generated logit ℓ_f against `other` (R̄, or the partner's
    /// logit) and its derivative in ℓ_f: φ(other − ℓ_f) and −φ′(other − ℓ_f), halved for RSGAN.
    func fakeTerm(_ f: Double, other: Double) -> (value: Double, derivative: Double) {
        let t = Self.term(term, other - f, minus: 0, timesPowerOfTwo: comparesWithMean ? 0 : -1)
        return (t.value, 0 - t.derivative)   // +0, not −0, where the hinge is flat
    }
}
