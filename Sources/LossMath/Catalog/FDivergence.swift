internal import Glibc

/// The f-divergences of f-GAN (Nowozin, Cseke & Tomioka 2016), each with the output activation
/// g_f and the Fenchel conjugate f* of the paper's Table 2, so that a discriminator's raw output v
/// becomes T = g_f(v) and the game's value is
/// ```
/// F = E_P[g_f(v(x))] − E_Q[f*(g_f(v(x)))]        (the discriminator maximizes, the generator minimizes)
/// ```
/// Per sample, to be minimized:
/// ```
///              real term −g_f(v)          generated term f*(g_f(v))     generator −f*(g_f(v))
/// kl           −v                         e^(v−1)                       −e^(v−1)
/// rkl          e^(−v)                     v − 1                         1 − v
/// pearson      −v                         v²/4 + v                      −(v²/4 + v)
/// hellinger    e^(−v) − 1                 e^v − 1                       1 − e^v
/// js           softplus(−v) − log 2       softplus(v) − log 2           log 2 − softplus(v)
/// gan          softplus(−v)               softplus(v)                   −softplus(v)
/// ```
/// The generator's loss is the game's own, −f*(g_f(v)) (for `gan` it is the minimax loss). The
/// paper's Section 3.2 trains the generator on −g_f(v) instead, the real term (for `gan`, the
/// non-saturating loss): ``alternativeGeneratorValue(_:)``.
///
/// Squared Hellinger's activation is 1 − e^(−v), increasing like every other g_f (some copies of
/// Table 2 print 1 − e^v). Jensen–Shannon's f is the paper's, which gives 2·JS.
/// Derivations: docs/losses.md#f-gan.
public enum FDivergence: String, CaseIterable, Sendable, Hashable {
    /// Kullback–Leibler, f(u) = u log u.
    case kl
    /// Reverse Kullback–Leibler, f(u) = −log u.
    case rkl
    /// Pearson χ², f(u) = (u − 1)².
    case pearson
    /// Squared Hellinger, f(u) = (√u − 1)².
    case hellinger
    /// Jensen–Shannon, f(u) = −(u + 1) log((1 + u)/2) + u log u.
    case js
    /// The GAN divergence, f(u) = u log u − (u + 1) log(u + 1).
    case gan

    /// The divergence's name.
    public var title: String {
        switch self {
        case .kl: "Kullback–Leibler"
        case .rkl: "reverse Kullback–Leibler"
        case .pearson: "Pearson χ²"
        case .hellinger: "squared Hellinger"
        case .js: "Jensen–Shannon"
        case .gan: "GAN"
        }
    }

    // MARK: - The paper's functions (Tables 1 and 2)

    /// f(u), the generator of the divergence D_f(P‖Q) = ∫ q f(p/q).
    public func f(_ u: Double) -> Double {
        switch self {
        case .kl: u == 0 ? 0 : u * log(u)
        case .rkl: -log(u)
        case .pearson: (u - 1) * (u - 1)
        case .hellinger: (u.squareRoot() - 1) * (u.squareRoot() - 1)
        case .js: -(u + 1) * log((1 + u) / 2) + (u == 0 ? 0 : u * log(u))
        case .gan: (u == 0 ? 0 : u * log(u)) - (u + 1) * log(u + 1)
        }
    }

    /// f′(u): the optimal T* = f′(p/q) of the variational bound.
    public func fPrime(_ u: Double) -> Double {
        switch self {
        case .kl: 1 + log(u)
        case .rkl: -1 / u
        case .pearson: 2 * (u - 1)
        case .hellinger: 1 - 1 / u.squareRoot()
        case .js: log(2 * u / (1 + u))
        case .gan: log(u / (u + 1))
        }
    }

    /// The output activation g_f(v), mapping a raw output into the domain of f*.
    public func activation(_ v: Double) -> Double {
        switch self {
        case .kl, .pearson: v
        case .rkl: -exp(-v)
        case .hellinger: -expm1(-v)
        case .js: Self.ln2 - Double.softplus(-v)
        case .gan: -Double.softplus(-v)
        }
    }

    /// The inverse of g_f: the raw output v at which g_f(v) = t (NaN outside g_f's range).
    public func inverseActivation(_ t: Double) -> Double {
        switch self {
        case .kl, .pearson: t
        case .rkl: t < 0 ? -log(-t) : .nan
        case .hellinger: t < 1 ? -log1p(-t) : .nan
        case .js: t < Self.ln2 ? -log(2 * exp(-t) - 1) : .nan      // softplus(−v) = log 2 − t
        case .gan: t < 0 ? -log(expm1(-t)) : .nan                   // softplus(−v) = −t
        }
    }

    /// The conjugate f*(t) = sup_u (u t − f(u)), on its domain (NaN outside).
    public func conjugate(_ t: Double) -> Double {
        switch self {
        case .kl: exp(t - 1)
        case .rkl: t < 0 ? -1 - log(-t) : .nan
        case .pearson: t * t / 4 + t
        case .hellinger: t < 1 ? t / (1 - t) : .nan
        case .js: t < Self.ln2 ? -log(2 - exp(t)) : .nan
        case .gan: t < 0 ? -log(-expm1(t)) : .nan
        }
    }

    /// The raw output of the optimal discriminator where the densities have ratio p/q:
    /// v* = g_f⁻¹(f′(p/q)). At p = q it is the equilibrium: v* = 1 for KL, 0 for the others.
    public func optimalOutput(densityRatio u: Double) -> Double { inverseActivation(fPrime(u)) }

    // MARK: - The loss terms, in stable form

    /// −g_f(v): a real sample's term of the discriminator's loss, rounded once.
    public func realValue(_ v: Double) -> Double { let p = realPair(v); return p.high + p.low }

    /// f*(g_f(v)): a generated sample's term of the discriminator's loss, rounded once.
    public func fakeValue(_ v: Double) -> Double { let p = fakePair(v); return p.high + p.low }

    /// −f*(g_f(v)): the generator's loss (the game's own), rounded once.
    public func generatorValue(_ v: Double) -> Double { -fakeValue(v) }

    /// −g_f(v): the generator's loss of Section 3.2 (the real term, taken on a generated sample).
    public func alternativeGeneratorValue(_ v: Double) -> Double { realValue(v) }

    /// ∂(−g_f(v))/∂v, the real term's derivative.
    public func realGradient(_ v: Double) -> Double {
        switch self {
        case .kl, .pearson: v.isNaN ? v : -1
        case .rkl, .hellinger: -Self.exponential(-v)
        case .js, .gan: -Double.sigmoid(-v)
        }
    }

    /// ∂f*(g_f(v))/∂v, the generated term's derivative.
    public func fakeGradient(_ v: Double) -> Double {
        switch self {
        case .kl: fakeValue(v)
        case .rkl: v.isNaN ? v : 1
        case .pearson: 1.0.addingProduct(0.5, v)             // v/2 + 1, one rounding
        case .hellinger: Self.exponential(v)
        case .js, .gan: Double.sigmoid(v)
        }
    }

    /// The four terms in single precision: each computed in `Double` (within 1 ULP) and rounded
    /// once to `Float` (a further half ULP of `Float` at most, the double's error being 2⁻²⁹ of it).
    public func realValue(_ v: Float) -> Float { Float(realValue(Double(v))) }
    public func fakeValue(_ v: Float) -> Float { Float(fakeValue(Double(v))) }
    public func realGradient(_ v: Float) -> Float { Float(realGradient(Double(v))) }
    public func fakeGradient(_ v: Float) -> Float { Float(fakeGradient(Double(v))) }

    /// −g_f(v) before its last rounding: high + low.
    func realPair(_ v: Double) -> (high: Double, low: Double) {
        if v.isNaN { return (v, 0) }
        if v.isInfinite {
            // The limits: −v, e^(−v), e^(−v) − 1, softplus(−v) − log 2, softplus(−v).
            switch self {
            case .kl, .pearson: return (-v, 0)
            case .rkl: return (exp(-v), 0)
            case .hellinger: return (expm1(-v), 0)
            case .js: return v > 0 ? (-Self.ln2, -Self.ln2Low) : (.infinity, 0)
            case .gan: return (v > 0 ? 0 : .infinity, 0)
            }
        }
        switch self {
        case .kl, .pearson: return (-v, 0)
        case .rkl: return Self.exponentialPair(-v)
        case .hellinger: return Self.exponentialMinusOnePair(-v)
        case .js: return Self.softplusMinusLn2(-v)
        case .gan: return logisticPairCarried(-v).softplusPair
        }
    }

    /// L_D = −g_f(ℓ_r) + f*(g_f(ℓ_f)) at one pair, rounded once. For the reverse KL,
    /// e^(−ℓ_r) + ℓ_f − 1 is taken as (e^(−ℓ_r) − 1) + ℓ_f, so that its two 1s never meet
    /// (at ℓ_r = ℓ_f = 10⁻²⁷ the result is ℓ²/2). Where both logits are below 2⁻²⁶ the reverse
    /// KL and squared Hellinger sums are their Taylor series with the squares exact: their linear
    /// parts cancel and leave what a pair of rounded terms cannot hold.
    public func discriminatorValue(realLogit r: Double, fakeLogit f: Double) -> Double {
        let tiny = abs(r) < 0x1p-26 && abs(f) < 0x1p-26
        switch self {
        case .rkl where tiny:
            // (f − r) + r²/2 − r³/6 + r⁴/24, the square exact (twoProduct), one rounding.
            let d = Compensated.twoSum(f, -r), r2 = Compensated.twoProduct(r, r)
            let rest = 0.5 * r2.low + r2.high * r * (-1.0 / 6 + r / 24)
            return Compensated.sum(d, (0.5 * r2.high, rest))
        case .hellinger where tiny:
            // (e^(−r) − 1) + (e^f − 1) = (f − r) + (r² + f²)/2 + (f³ − r³)/6 + (r⁴ + f⁴)/24.
            let d = Compensated.twoSum(f, -r), r2 = Compensated.twoProduct(r, r), f2 = Compensated.twoProduct(f, f)
            let squares = Compensated.twoSum(r2.high, f2.high)
            let rest = 0.5 * (squares.low + r2.low + f2.low) + (f2.high * f - r2.high * r) / 6 + (r2.high * r2.high + f2.high * f2.high) / 24
            return Compensated.sum(d, (0.5 * squares.high, rest))
        case .rkl where r.isFinite && f.isFinite:
            return Compensated.sum(Self.exponentialMinusOnePair(-r), (f, 0))
        default:
            return Compensated.sum(realPair(r), fakePair(f))
        }
    }

    /// f*(g_f(v)) before its last rounding: high + low.
    func fakePair(_ v: Double) -> (high: Double, low: Double) {
        if v.isNaN { return (v, 0) }
        if v.isInfinite {
            // The limits: e^(v−1), v − 1, v(v/4 + 1), e^v − 1, softplus(v) − log 2, softplus(v).
            switch self {
            case .kl: return (exp(v), 0)
            case .rkl: return (v, 0)
            case .pearson: return (.infinity, 0)
            case .hellinger: return (expm1(v), 0)
            case .js: return v < 0 ? (-Self.ln2, -Self.ln2Low) : (.infinity, 0)
            case .gan: return (v < 0 ? 0 : .infinity, 0)
            }
        }
        switch self {
        case .kl:
            // e^(v − 1) with v − 1 carried exactly: e^(d + δ) = e^d (1 + δ).
            let d = Compensated.twoSum(v, -1)
            let e = ExtendedExp(d.high)
            return Self.scaled((e.high, e.low + e.high * d.low), by: e.exponent)
        case .rkl: return Compensated.twoSum(v, -1)
        case .pearson:
            // v²/4 + v: ¼v·v exactly (twoProduct, ¼v exact), plus v, one rounding.
            let square = Compensated.twoProduct(0.25 * v, v)
            guard square.high.isFinite else { return (square.high, 0) }
            let sum = Compensated.twoSum(square.high, v)
            return (sum.high, sum.low + square.low)
        case .hellinger: return Self.exponentialMinusOnePair(v)
        case .js: return Self.softplusMinusLn2(v)
        case .gan: return logisticPairCarried(v).softplusPair
        }
    }

    // MARK: - Pieces

    /// log 2 as a pair: 0.6931471805599453 + 2.3190468138462996e−17.
    static let ln2 = 0.6931471805599453
    static let ln2Low = 2.3190468138462996e-17

    /// softplus(x) − log 2 = log((1 + eˣ)/2) as a pair: softplus's pair minus log 2, carried
    /// (the pair is good to about 10⁻³² absolute); below |x| = 2⁻²⁰, where that is not enough,
    /// x/2 + (x²/8 − x⁴/192): the second part carried, since in a discriminator's two terms the
    /// x/2 cancel and leave x²/4 − x⁴/96 (the next term, x⁶/2880, is below 2⁻⁸⁰ of that).
    static func softplusMinusLn2(_ x: Double) -> (high: Double, low: Double) {
        if abs(x) < 0x1p-20 { return (0.5 * x, 0.125 * x * x * (1 - x * x / 24)) }
        let p = logisticPairCarried(x).softplusPair
        guard p.high.isFinite else { return p }
        let s = Compensated.twoSum(p.high, -ln2)
        return (s.high, s.low + (p.low - ln2Low))
    }

    /// 2ᵏ (high + low) as a pair (each part scaled; exact unless subnormal).
    static func scaled(_ p: (high: Double, low: Double), by k: Double) -> (high: Double, low: Double) {
        let high = PowerOfTwo.scale(p.high, by: k)
        return high.isFinite ? (high, PowerOfTwo.scale(p.low, by: k)) : (high, 0)
    }

    /// eˣ as a pair (``ExtendedExp``).
    static func exponentialPair(_ x: Double) -> (high: Double, low: Double) {
        let e = ExtendedExp(x)
        return scaled((e.high, e.low), by: e.exponent)
    }

    /// eˣ, rounded once.
    static func exponential(_ x: Double) -> Double {
        if x.isNaN { return x }
        let p = exponentialPair(x)
        return p.high + p.low
    }

    /// eˣ − 1 as a pair: 2ᵏ·high − 1 exactly (twoSum), the low parts added; below |x| = 2⁻²⁶,
    /// x + (x²/2 + x³/6 + x⁴/24), whose second part the exponential's pair would lose next to 1.
    static func exponentialMinusOnePair(_ x: Double) -> (high: Double, low: Double) {
        guard x.isFinite else { return (x > 0 ? x : -1, 0) }
        if abs(x) < 0x1p-26 { return (x, x * x * (0.5 + x * (1.0 / 6 + x / 24))) }
        let e = exponentialPair(x)
        guard e.high.isFinite else { return e }
        let s = Compensated.twoSum(e.high, -1)
        return (s.high, s.low + e.low)
    }
}
