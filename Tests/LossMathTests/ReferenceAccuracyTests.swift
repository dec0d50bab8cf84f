import Foundation
import LossMath
import Testing

@Suite("Closed forms against the 60-digit reference")
struct ReferenceAccuracyTests {
    @Test("value, ∂L/∂ℓ and ∂L/∂D within 1 ULP wherever the result is normal", arguments: GeneratorLoss.allCases)
    func withinOneULP(loss: GeneratorLoss) throws {
        let vectors = try #require(Reference.vectors[loss])
        #expect(vectors.points.count > 100_000)
        var worst = (value: 0.0, gradient: 0.0, gradientD: 0.0)
        for point in vectors.points {
            let e = loss.evaluate(atLogit: point.logit)
            let pairs: [(ReferenceValue?, Double?, WritableKeyPath<(value: Double, gradient: Double, gradientD: Double), Double>)] = [
                (point.value, e.value, \.value), (point.gradientLogit, e.gradientLogit, \.gradient),
                (point.gradientD, e.gradientD, \.gradientD),
            ]
            for (exact, computed, slot) in pairs {
                #expect((exact == nil) == (computed == nil), "\(loss.id) at \(point.logit): D-space availability")
                guard let exact, let computed else { continue }
                let error = exact.ulpError(of: computed)
                if exact.isNormal {
                    worst[keyPath: slot] = max(worst[keyPath: slot], error)
                    #expect(error < 1, "\(loss.id) at ℓ = \(point.logit): \(computed) is \(error) ULP from \(exact.rounded)")
                } else if exact.rounded.isFinite {
                    #expect(abs(computed - exact.rounded) <= .leastNonzeroMagnitude,
                            "\(loss.id) at ℓ = \(point.logit): \(computed) vs subnormal/zero \(exact.rounded)")
                } else {
                    #expect(computed == exact.rounded, "\(loss.id) at ℓ = \(point.logit): \(computed) vs \(exact.rounded)")
                }
            }
        }
        // Any loss that reached 0 ULP everywhere would mean the comparison compared nothing.
        if ![.wgan, .hinge, .ebgan].contains(loss) { #expect(worst.value > 0) }
        // Constant derivatives (−1, EBGAN's 1; RaHinge's −2 and 0) are exact everywhere.
        if ![.wgan, .hinge, .fganRKL, .rahinge, .ebgan].contains(loss) { #expect(worst.gradient > 0) }
    }

    @Test("Float: value, ∂L/∂ℓ and ∂L/∂D within 1 ULP at every Float logit of the sweep", arguments: GeneratorLoss.allCases)
    func floatWithinOneULP(loss: GeneratorLoss) throws {
        let vectors = try #require(Reference.vectors[loss])
        var floatPoints = 0
        for point in vectors.points where Double(Float(point.logit)) == point.logit {
            floatPoints += 1
            let e = loss.evaluate(atLogit: Float(point.logit))
            let pairs: [(ReferenceValue?, Float?)] = [
                (point.value, e.value), (point.gradientLogit, e.gradientLogit), (point.gradientD, e.gradientD),
            ]
            for case let (exact?, computed?) in pairs {
                if exact.isNormalFloat {
                    let error = exact.ulpError(of: computed)
                    #expect(error < 1, "\(loss.id) at ℓ = \(point.logit): \(computed) is \(error) Float ULP off")
                } else {
                    #expect(exact.matchesSpecialFloat(computed), "\(loss.id) at ℓ = \(point.logit): \(computed) vs \(exact.rounded)")
                }
            }
        }
        #expect(floatPoints > 20_000)
    }

    @Test("the golden values of docs/architecture.md#golden-values, to the last bit")
    func goldenValues() {
        #expect(GeneratorLoss.minimax.value(atLogit: -20) == -2.061153620314381e-09)
        #expect(GeneratorLoss.minimax.gradientLogit(atLogit: -20) == -2.0611536181902037e-09)
        #expect(GeneratorLoss.nonsat.value(atLogit: -20) == 20.000000002061153)
        #expect(GeneratorLoss.nonsat.gradientLogit(atLogit: -20) == -0.9999999979388464)
        #expect(GeneratorLoss.minimax.value(atLogit: 0) == -0.6931471805599453)
        #expect(GeneratorLoss.minimax.gradientLogit(atLogit: 0) == -0.5)
    }
}
