import Foundation
import LossFigures
import LossMath
import Testing

/// relativistic-losses: its summary is true of the gradients it draws, each written out here by
/// hand, over the whole axis and not only at the points the summary quotes.
@Suite("Relativistic losses figure")
struct RelativisticFigureTests {
    static func sigma(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
    static let axis = stride(from: -4.0, through: 8.0, by: 0.0625)

    @Test("∂L_G/∂ℓ_f at ℓ_r = 2: RSGAN is nonsat moved by 2, RaSGAN twice it, RaLSGAN and RaHinge stop at 3")
    func generatedLogit() throws {
        let p = LossParameters(realLogit: 2)
        for l in Self.axis {
            let rsgan = GeneratorLoss.rsgan.gradientLogit(atLogit: l, parameters: p)
            #expect(abs(rsgan - -Self.sigma(2 - l)) < 1e-15)
            #expect(abs(rsgan - GeneratorLoss.nonsat.gradientLogit(atLogit: l - 2)) < 1e-15)
            #expect(GeneratorLoss.rasgan.gradientLogit(atLogit: l, parameters: p) == 2 * rsgan)
            #expect(abs(GeneratorLoss.ralsgan.gradientLogit(atLogit: l, parameters: p) - 4 * (l - 3)) < 1e-14)
            #expect(GeneratorLoss.rahinge.gradientLogit(atLogit: l, parameters: p) == (l < 3 ? -2 : 0))
            #expect(GeneratorLoss.hinge.gradientLogit(atLogit: l) == -1)
        }
    }

    @Test("∂L_G/∂ℓ_r at ℓ_f = 0 is positive for every relativistic game where ℓ_r > −1; the standard games have none")
    func realLogit() {
        for r in Self.axis where r > -1 {
            for game in [GeneratorLoss.rsgan, .rasgan, .ralsgan, .rahinge] {
                // L_G = 2ᵖ φ(ℓ_f − ℓ_r): ∂/∂ℓ_r = −∂/∂ℓ_f, by hand per game.
                let expected: Double = switch game {
                case .rsgan: Self.sigma(r)
                case .rasgan: 2 * Self.sigma(r)
                case .ralsgan: 4 * (r + 1)
                default: 2
                }
                let got = 0 - game.gradientLogit(atLogit: 0, parameters: LossParameters(realLogit: r))
                #expect(abs(got - expected) < 1e-14 && got > 0, "\(game.id) at ℓ_r = \(r)")
            }
        }
    }

    @Test("the summary quotes the values the figure draws")
    func summary() throws {
        let text = try #require(CourseFigure(name: "relativistic-losses")).summary
        let rsgan = -Self.sigma(2), nonsat = -Self.sigma(0)
        #expect(text.contains(String(format: "%.3f", rsgan).replacingOccurrences(of: "-", with: "−") + " at ℓ = 0 against "
                              + String(format: "%.3f", nonsat).replacingOccurrences(of: "-", with: "−")))
        #expect(text.contains("RSGAN's " + String(format: "%.3f", Self.sigma(2)) + " at ℓ_r = 2, ℓ_f = 0"))
        #expect(text.contains("vanishes at ℓ = ℓ_r + 1 = 3"))
    }
}
