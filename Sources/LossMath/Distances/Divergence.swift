internal import Glibc

/// The distances and divergences between two distributions P and Q that a GAN course compares.
///
/// ```
/// KL(P‖Q) = ∫ p log(p/q)                        ≥ 0, +∞ unless P ≪ Q
/// JS(P, Q) = ½ KL(P‖M) + ½ KL(Q‖M), M = ½(P + Q)  ∈ [0, log 2]; log 2 iff disjoint supports
/// TV(P, Q) = ½ ∫ |p − q|                         ∈ [0, 1]
/// W₁(P, Q) = inf over couplings E|X − Y| = ∫ |F_P − F_Q| dx   (1-D)
/// ```
public enum Divergence: String, CaseIterable, Sendable {
    /// KL(P‖Q) = ∫ p log(p/q).
    case klPQ = "KL(P‖Q)"
    /// KL(Q‖P) = ∫ q log(q/p), the reverse Kullback–Leibler divergence.
    case klQP = "KL(Q‖P)"
    /// JS(P, Q) = ½ KL(P‖M) + ½ KL(Q‖M) with M = ½(P + Q).
    case jensenShannon = "JS"
    /// TV(P, Q) = ½ ∫ |p − q|.
    case totalVariation = "TV"
    /// W₁(P, Q) = ∫ |F_P − F_Q| dx, the earth mover's distance in 1-D.
    case wasserstein1 = "W₁"
}

/// The divergences between two normal distributions: in closed form where one exists, else by
/// quadrature of the definition.
extension Normal {
    /// KL(self‖q) = log(σ_q/σ_p) + (σ_p² + (μ_p − μ_q)²)/(2σ_q²) − ½.
    public func kullbackLeibler(to q: Normal) -> Double {
        let (sp, sq) = (standardDeviation, q.standardDeviation)
        let d = mean - q.mean
        return log(sq / sp) + (sp * sp + d * d) / (2 * sq * sq) - 0.5
    }

    /// W₁ in closed form. In 1-D the optimal coupling is monotone, X = μ_p + σ_p Z, Y = μ_q + σ_q Z,
    /// so W₁ = E|a + bZ| with a = μ_p − μ_q, b = σ_p − σ_q:
    /// ```
    /// W₁ = |b| √(2/π) exp(−a²/(2b²)) + a (1 − 2Φ(−a/|b|)),   and |a| when b = 0.
    /// ```
    public func wasserstein1(to q: Normal) -> Double {
        let a = mean - q.mean, b = abs(standardDeviation - q.standardDeviation)
        guard b > 0 else { return abs(a) }
        return b * (2 / Double.pi).squareRoot() * exp(-a * a / (2 * b * b)) + a * (1 - 2 * standardNormalCDF(-a / b))
    }

    /// TV in closed form for equal variances: 2Φ(|μ_p − μ_q|/(2σ)) − 1 = erf(|μ_p − μ_q|/(2√2 σ))
    /// (the densities cross at the midpoint); nil for unequal variances. erf keeps the digits that
    /// 2Φ(z) − 1 would cancel for small z.
    public func totalVariationClosedForm(to q: Normal) -> Double? {
        guard standardDeviation == q.standardDeviation else { return nil }
        return erf(abs(mean - q.mean) / (2 * 2.0.squareRoot() * standardDeviation))
    }

    /// A divergence by quadrature of its definition over ±12σ of both distributions.
    public func divergence(_ kind: Divergence, to q: Normal, panels: Int = 4000) -> Double {
        let range = min(support.lowerBound, q.support.lowerBound)...max(support.upperBound, q.support.upperBound)
        let p = self
        switch kind {
        case .klPQ:
            return Quadrature.integrate({ x in p.density(x) * (p.logDensity(x) - q.logDensity(x)) }, over: range, panels: panels)
        case .klQP:
            return Quadrature.integrate({ x in q.density(x) * (q.logDensity(x) - p.logDensity(x)) }, over: range, panels: panels)
        case .jensenShannon:
            // ½ Σ_{r ∈ {p, q}} r log(2r/(p + q)), with log(2r/(p + q)) = log 2 − softplus(log s − log r)
            return Quadrature.integrate({ x in
                let (lp, lq) = (p.logDensity(x), q.logDensity(x))
                let termP = exp(lp) * (0.6931471805599453 - Double.softplus(lq - lp))
                let termQ = exp(lq) * (0.6931471805599453 - Double.softplus(lp - lq))
                return 0.5 * (termP + termQ)
            }, over: range, panels: panels)
        case .totalVariation:
            return 0.5 * Quadrature.integrate({ x in abs(p.density(x) - q.density(x)) }, over: range, panels: panels)
        case .wasserstein1:
            return Quadrature.integrate({ x in abs(p.cdf(x) - q.cdf(x)) }, over: range, panels: panels)
        }
    }
}
