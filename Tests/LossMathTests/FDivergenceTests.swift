import Glibc
import LossMath
import Testing

/// The f-GAN terms against a 60-digit reference (tools/make_fgan_reference.py), within 1 ULP,
/// and the paper's identities: f*(f′(u)) = u f′(u) − f(u), g_f⁻¹(g_f(v)) = v, the equilibrium.
@Suite("f-GAN divergences")
struct FDivergenceTests {
    static func reference(_ d: FDivergence) -> [Double] {
        switch d {
        case .kl: FDivergenceReference.kl
        case .rkl: FDivergenceReference.rkl
        case .pearson: FDivergenceReference.pearson
        case .hellinger: FDivergenceReference.hellinger
        case .js: FDivergenceReference.js
        case .gan: FDivergenceReference.gan
        }
    }

    /// |computed − exact| in ULPs of the exact value's double; 0 for equal values, ∞ for a wrong
    /// infinity.
    static func ulps(_ computed: Double, _ exact: Double) -> Double {
        if computed == exact { return 0 }
        if !exact.isFinite || !computed.isFinite { return .infinity }
        return abs(computed - exact) / max(exact.ulp, Double.leastNonzeroMagnitude)
    }

    @Test("the terms and their derivatives are within 1 ULP of the reference at every logit", arguments: FDivergence.allCases)
    func accuracy(d: FDivergence) {
        let rows = Self.reference(d)
        #expect(rows.count % 5 == 0 && rows.count > 500)
        var worst = [0.0, 0.0, 0.0, 0.0]
        for i in stride(from: 0, to: rows.count, by: 5) {
            let v = rows[i]
            let computed = [d.realValue(v), d.fakeValue(v), d.realGradient(v), d.fakeGradient(v)]
            for k in 0..<4 {
                let error = Self.ulps(computed[k], rows[i + 1 + k])
                worst[k] = max(worst[k], error)
                #expect(error <= 1, "\(d) \(["real", "fake", "∂real", "∂fake"][k]) at v = \(v): \(computed[k]) against \(rows[i + 1 + k])")
            }
        }
        #expect(d.generatorValue(1.5) == -d.fakeValue(1.5) && d.alternativeGeneratorValue(1.5) == d.realValue(1.5))
    }

    @Test("Float: each term is the Double one rounded once, within 1 ULP of Float at the reference's float logits",
          arguments: FDivergence.allCases)
    func float(d: FDivergence) {
        let rows = Self.reference(d)
        for i in stride(from: 0, to: rows.count, by: 5) where Double(Float(rows[i])) == rows[i] {
            let v = Float(rows[i])
            let computed = [d.realValue(v), d.fakeValue(v), d.realGradient(v), d.fakeGradient(v)]
            for k in 0..<4 {
                let exact = rows[i + 1 + k], c = Double(computed[k])
                guard exact.isFinite, abs(exact) < Double(Float.greatestFiniteMagnitude) else { continue }
                let ulp = Double(max(Float(exact).magnitude.ulp, Float.leastNonzeroMagnitude))
                #expect(c == exact || abs(c - exact) <= ulp, "\(d) \(k) at \(v)")
            }
        }
    }

    @Test("Table 1 and 2 agree: f*(f′(u)) = u f′(u) − f(u), and g_f⁻¹ inverts g_f", arguments: FDivergence.allCases)
    func conjugacy(d: FDivergence) {
        for u in [0.3, 0.7, 1, 1.9, 4.2] {
            let t = d.fPrime(u)
            #expect(abs(d.conjugate(t) - (u * t - d.f(u))) <= 1e-12 * max(1, abs(u * t)), "\(d) at u = \(u)")
        }
        for v in [-3.0, -0.5, 0.25, 2] {
            #expect(abs(d.inverseActivation(d.activation(v)) - v) <= 1e-12 * max(1, abs(v)), "\(d) at v = \(v)")
            #expect(abs(d.fakeValue(v) - d.conjugate(d.activation(v))) <= 1e-12 * max(1, abs(d.fakeValue(v))))
            #expect(abs(d.realValue(v) + d.activation(v)) <= 1e-12 * max(1, abs(v)))
        }
    }

    @Test("at p = q the optimal output is 1 for KL and 0 for the others, and the discriminator's loss there is −f(1)",
          arguments: FDivergence.allCases)
    func equilibrium(d: FDivergence) {
        let v = d.optimalOutput(densityRatio: 1)
        #expect(abs(v - (d == .kl ? 1 : 0)) <= 1e-15, "\(d): \(v)")
        #expect(abs(d.realValue(v) + d.fakeValue(v) + d.f(1)) <= 1e-15, "\(d)")
    }

    @Test("NaN propagates; ±∞ give the limits")
    func edges() {
        for d in FDivergence.allCases {
            #expect(d.realValue(Double.nan).isNaN && d.fakeValue(Double.nan).isNaN && d.realGradient(Double.nan).isNaN && d.fakeGradient(Double.nan).isNaN)
        }
        #expect(FDivergence.kl.fakeValue(Double.infinity) == .infinity && FDivergence.kl.fakeValue(-Double.infinity) == 0)
        #expect(FDivergence.hellinger.fakeValue(-Double.infinity) == -1 && FDivergence.hellinger.realValue(Double.infinity) == -1)
        #expect(FDivergence.pearson.fakeValue(-Double.infinity) == .infinity)
        #expect(FDivergence.gan.fakeValue(-Double.infinity) == 0 && FDivergence.js.fakeValue(-Double.infinity) == -0.6931471805599453)
    }
}
