import Glibc
import LossMath
import PropertyBased
import Testing

@Suite("Stable primitives")
struct PrimitiveTests {
    @Test("softplus(x) − softplus(−x) = x for random logits")
    func softplusIdentity() async {
        await propertyCheck(count: 2000, input: Gen.double(in: -800...800)) { x in
            let difference = Double.softplus(x) - Double.softplus(-x)
            // Both terms round; near 0 they cancel, so the bound is in ULPs of the larger term.
            let tolerance = 4 * max(Double.softplus(x), Double.softplus(-x)).ulp
            #expect(abs(difference - x) <= tolerance, "x = \(x)")
        }
    }

    @Test("σ(x) + σ(−x) = 1 for random logits")
    func sigmoidIdentity() async {
        await propertyCheck(count: 2000, input: Gen.double(in: -800...800)) { x in
            #expect(abs(Double.sigmoid(x) + Double.sigmoid(-x) - 1) <= 2 * (1.0).ulp, "x = \(x)")
        }
    }

    @Test("logit(σ(x)) = x where σ(x) does not round to 1")
    func logitInvertsSigmoid() async {
        await propertyCheck(count: 2000, input: Gen.double(in: -700...30)) { x in
            // σ(x) carries a relative error of ~1 ULP; logit amplifies it by 1/(1 − σ(x)).
            let tolerance = 4 * Double.ulpOfOne * max(1, abs(x)) / Double.sigmoid(-x)
            #expect(abs(Double.logit(Double.sigmoid(x)) - x) <= tolerance, "x = \(x)")
        }
    }

    @Test("logit near ½ keeps its digits: logit(½ + δ) ≈ 4δ")
    func logitNearHalf() {
        let delta = 0x1p-40
        #expect(ulps(Double.logit(0.5 + delta), 4 * delta) <= 2)
        #expect(Double.logit(0.5) == 0)
    }

    @Test("σ keeps subnormal results instead of flushing them to 0")
    func sigmoidSubnormal() {
        #expect(Double.sigmoid(-740.0) > 0)
        #expect(Double.sigmoid(-740.0).isSubnormal)
        #expect(Double.sigmoid(-745.0) == .leastNonzeroMagnitude)
        #expect(Naive.sigmoid(-740.0) == 0, "the naive 1/(1 + e⁻ˣ) flushes")
        #expect(Float.sigmoid(Float(-100)) > 0 && Float.sigmoid(Float(-100)).isSubnormal)
    }

    @Test("±∞ give the mathematical limits; NaN propagates")
    func nonFinite() {
        #expect(Double.softplus(Double.infinity) == .infinity)
        #expect(Double.softplus(-Double.infinity) == 0)
        #expect(Double.sigmoid(Double.infinity) == 1)
        #expect(Double.sigmoid(-Double.infinity) == 0)
        #expect(Double.logit(0.0) == -.infinity)
        #expect(Double.logit(1.0) == .infinity)
        #expect(Double.logSigmoid(-Double.infinity) == -.infinity)
        #expect(Double.logOneMinusSigmoid(Double.infinity) == -.infinity)
        for f in [Double.softplus, Double.sigmoid, Double.logit, Double.logSigmoid, Double.logOneMinusSigmoid] as [(Double) -> Double] {
            #expect(f(.nan).isNaN)
        }
        #expect(Double.logit(1.5).isNaN)
        #expect(Double.logit(-0.5).isNaN)
        #expect(Float.softplus(Float.infinity) == .infinity)
        #expect(Float.sigmoid(Float.nan).isNaN)
    }

    // Below −41.6, e = eˣ < 2⁻⁶⁰ and e − e²/2 + … rounds to e; above 37, x + e⁻ˣ rounds to x.
    // (Between −41.6 and −37 the e²/2 term still moves the last bit: −37.5 is not eˣ.)
    @Test("softplus returns x or eˣ in its tails", arguments: [-745.0, -100, -42, 38, 40, 1e300])
    func softplusTails(x: Double) {
        if x < 0 { #expect(Double.softplus(x) == exp(x)) } else { #expect(Double.softplus(x) == x) }
    }

    @Test("Float primitives are the Double ones rounded once")
    func floatMatchesDouble() async {
        await propertyCheck(count: 1000, input: Gen.double(in: -120...120)) { x in
            let f = Float(x)
            #expect(Float.softplus(f) == Float(Double.softplus(Double(f))))
            #expect(Float.sigmoid(f) == Float(Double.sigmoid(Double(f))))
        }
    }
}

@Suite("The vectorizable tanh")
struct HyperbolicTangentTests {
    @Test("within 3 ULP of glibc's tanh over ±40 and at tiny arguments; exact limits and signs")
    func matchesLibm() {
        var worst = 0.0
        var xs = (0...80_000).map { -40 + Double($0) / 1000 }
        xs += (0...600).map { pow(10, -300 + Double($0) / 2) }.flatMap { [$0, -$0] }
        for x in xs {
            let reference = tanh(x)
            let ulps = abs(Double.hyperbolicTangent(x) - reference) / reference.ulp
            worst = max(worst, reference == 0 ? 0 : ulps)
        }
        #expect(worst <= 3, "worst \(worst) ULP")
        #expect(Double.hyperbolicTangent(0) == 0 && Double.hyperbolicTangent(-0.0).sign == .minus)
        #expect(Double.hyperbolicTangent(.infinity) == 1 && Double.hyperbolicTangent(-.infinity) == -1)
        #expect(Double.hyperbolicTangent(1e300) == 1)
        #expect(Double.hyperbolicTangent(.leastNonzeroMagnitude) == .leastNonzeroMagnitude)
        #expect(Double.hyperbolicTangent(.nan).isNaN)
    }
}
