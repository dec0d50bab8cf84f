import LossMath
import Testing

/// What every loss does at the edges of the number line, in both precisions: the semantics
/// docs/numerics.md tabulates (with `gan-losses eval`, checked by the docs test).
@Suite("Edge semantics: ±0, ±∞, NaN, subnormals, the largest finite values")
struct EdgeSemanticsTests {
    static let doubleEdges: [Double] = [-.infinity, -.greatestFiniteMagnitude, -.leastNonzeroMagnitude, -0.0, 0,
                                        .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity]
    static let floatEdges: [Float] = [-.infinity, -.greatestFiniteMagnitude, -.leastNonzeroMagnitude, -0.0, 0,
                                      .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity]

    static func quantities<T: BinaryFloatingPoint>(_ e: LossEvaluation<T>) -> [T] {
        [e.value, e.gradientLogit] + (e.gradientD.map { [$0] } ?? [])
    }

    @Test("NaN in, NaN out, for every quantity", arguments: GeneratorLoss.allCases)
    func nanPropagates(loss: GeneratorLoss) {
        #expect(Self.quantities(loss.evaluate(atLogit: Double.nan)).allSatisfy { $0.isNaN })
        #expect(Self.quantities(loss.evaluate(atLogit: Float.nan)).allSatisfy { $0.isNaN })
        #expect(Self.quantities(loss.evaluate(atD: Double.nan)).allSatisfy { $0.isNaN })
    }

    @Test("no NaN from a number: every edge gives a number or an infinity", arguments: GeneratorLoss.allCases)
    func noSpuriousNaN(loss: GeneratorLoss) {
        for x in Self.doubleEdges { #expect(!Self.quantities(loss.evaluate(atLogit: x)).contains { $0.isNaN }, "\(loss.id) at \(x)") }
        for x in Self.floatEdges { #expect(!Self.quantities(loss.evaluate(atLogit: x)).contains { $0.isNaN }, "\(loss.id) at \(x)") }
        for d in [0, Double.leastNonzeroMagnitude, 0.5, (1.0).nextDown, 1] {
            #expect(!Self.quantities(loss.evaluate(atD: d)).contains { $0.isNaN }, "\(loss.id) at D = \(d)")
        }
    }

    @Test("−0 behaves as 0, and the smallest subnormal as 0 up to rounding", arguments: GeneratorLoss.allCases)
    func zeros(loss: GeneratorLoss) {
        let atZero = loss.evaluate(atLogit: 0.0)
        #expect(loss.evaluate(atLogit: -0.0) == atZero)
        for tiny in [Double.leastNonzeroMagnitude, -.leastNonzeroMagnitude] {
            let e = loss.evaluate(atLogit: tiny)
            #expect(abs(e.value - atZero.value) <= atZero.value.magnitude.ulp)
            #expect(abs(e.gradientLogit - atZero.gradientLogit) <= atZero.gradientLogit.magnitude.ulp)
        }
    }

    @Test("±∞ give the limits, in both precisions", arguments: GeneratorLoss.allCases)
    func infinities(loss: GeneratorLoss) {
        #expect(loss.evaluate(atLogit: -Double.infinity).gradientLogit == loss.gradientAsDToZero.value)
        #expect(loss.evaluate(atLogit: Double.infinity).gradientLogit == loss.gradientAsDToOne.value)
        #expect(Double(loss.evaluate(atLogit: -Float.infinity).gradientLogit) == loss.gradientAsDToZero.value)
        #expect(Double(loss.evaluate(atLogit: Float.infinity).gradientLogit) == loss.gradientAsDToOne.value)
        // The largest finite logit agrees with +∞ wherever the limit is reached in floating point.
        let big = loss.evaluate(atLogit: Double.greatestFiniteMagnitude)
        if loss.gradientAsDToOne.value.isFinite && loss != .lsgan {
            #expect(big.gradientLogit == loss.gradientAsDToOne.value)
        }
    }

    @Test("Float results are the Double results rounded, at every edge", arguments: GeneratorLoss.allCases)
    func floatMatchesDouble(loss: GeneratorLoss) {
        for x in Self.floatEdges {
            let f = loss.evaluate(atLogit: x)
            let d = LossEvaluation<Float>(rounding: loss.evaluate(atLogit: Double(x)))
            #expect(f == d, "\(loss.id) at \(x)")
        }
    }
}
