/// The optimal discriminator and the optimal 1-Lipschitz critic between a data distribution P and
/// a generator distribution Q on the real line.
public struct OptimalCritics: Sendable {
    /// The data distribution P.
    public var data: Normal
    /// The generator distribution Q.
    public var generator: Normal

    /// The optimal critics between P = `data` and Q = `generator`.
    public init(data: Normal, generator: Normal) {
        self.data = data
        self.generator = generator
    }

    /// D*(x) = p(x)/(p(x) + q(x)) = σ(log p(x) − log q(x)): computed from log densities so that it
    /// stays exact far in the tails, where both densities underflow.
    public func discriminator(_ x: Double) -> Double { Double.sigmoid(data.logDensity(x) - generator.logDensity(x)) }

    /// dD*/dx = D*(1 − D*) · (d/dx log p − d/dx log q): tiny wherever D* is flat at 0 or 1, which is
    /// where the generator's samples are when the supports barely overlap.
    public func discriminatorGradient(_ x: Double) -> Double {
        let l = data.logDensity(x) - generator.logDensity(x)
        return Double.sigmoid(l) * Double.sigmoid(-l) * (data.scoreFunction(x) - generator.scoreFunction(x))
    }

    /// The slope of the optimal critic: f*′(x) = sign(F_Q(x) − F_P(x)) ∈ {−1, 0, 1}.
    ///
    /// By parts, E_P f − E_Q f = ∫ f′(x) (F_Q(x) − F_P(x)) dx for f with f′ bounded, so over
    /// 1-Lipschitz f (|f′| ≤ 1) the supremum, W₁ = ∫ |F_P − F_Q|, is reached by this slope.
    public func criticGradient(_ x: Double) -> Double {
        let d = generator.cdf(x) - data.cdf(x)
        return d > 0 ? 1 : (d < 0 ? -1 : 0)
    }

    /// f*(x) = ∫₀ˣ f*′, normalized to f*(0) = 0 (a critic is defined up to a constant). Piecewise
    /// linear with slope ±1, so it is evaluated exactly from the crossings of the two CDFs.
    public func critic(_ x: Double) -> Double {
        let crossings = cdfCrossings()
        func integral(to t: Double) -> Double {
            var points = [0.0] + crossings.filter { t >= 0 ? ($0 > 0 && $0 < t) : ($0 < 0 && $0 > t) } + [t]
            if t < 0 { points.sort(by: >) } else { points.sort() }
            var total = 0.0
            for k in points.indices.dropFirst() {
                let (a, b) = (points[k - 1], points[k])
                total += criticGradient((a + b) / 2) * (b - a)
            }
            return total
        }
        return integral(to: x)
    }

    /// Where F_P = F_Q: (x − μ_p)/σ_p = (x − μ_q)/σ_q has one solution when σ_p ≠ σ_q and none
    /// otherwise (then one CDF is a shift of the other and f*′ has one sign everywhere).
    public func cdfCrossings() -> [Double] {
        let (mp, sp, mq, sq) = (data.mean, data.standardDeviation, generator.mean, generator.standardDeviation)
        guard sp != sq else { return [] }
        return [(mp * sq - mq * sp) / (sq - sp)]
    }
}
