import Foundation
import LossFigures
import LossMath
import LossPlot
import Testing

/// fgan-generator-gradients: its summary is true of the gradients it draws, checked here with
/// each gradient written out independently of the catalog.
@Suite("f-GAN generator gradients figure")
struct FGANFigureTests {
    /// ∂L_G/∂v of the game's loss −f*(g_f(v)) and of Section 3.2's −g_f(v), by hand.
    static func gradients(_ d: FDivergence, _ v: Double) -> (game: Double, alternative: Double) {
        let sigma = { (x: Double) in 1 / (1 + exp(-x)) }
        switch d {
        case .kl: return (-exp(v - 1), -1)
        case .rkl: return (-1, -exp(-v))
        case .pearson: return (-(v / 2 + 1), -1)
        case .hellinger: return (-exp(v), -exp(-v))
        case .js, .gan: return (-sigma(v), -sigma(-v))
        }
    }

    static let names: [FDivergence: String] = [.kl: "KL", .rkl: "reverse KL", .pearson: "Pearson χ²",
                                               .hellinger: "squared Hellinger", .js: "Jensen–Shannon", .gan: "GAN"]

    @Test("the summary names exactly the divergences whose gradients vanish where it says")
    func summary() throws {
        let text = try #require(CourseFigure(name: "fgan-generator-gradients")).summary
        // The clauses: the game's loss where D rejects, then Section 3.2's where the sample passes.
        let parts = text.components(separatedBy: "; Section 3.2's")
        #expect(parts.count == 2)
        let rejected = try #require(parts[0].components(separatedBy: "as minimax does").first)
        let kept = parts[0].components(separatedBy: "and not for").last ?? ""
        for d in FDivergence.allCases {
            let name = Self.names[d]!
            let vanishes = abs(Self.gradients(d, -20).game) < 1e-3
            #expect(rejected.contains(name) == vanishes || (name == "KL" && rejected.contains("reverse KL") && !vanishes),
                    "\(name) in \(rejected)")
            if !vanishes { #expect(kept.contains(name), "\(name)") }
            #expect(abs(Self.gradients(d, -20).alternative) >= 1e-3, "Section 3.2's gradient never vanishes where D rejects")
            let passes = abs(Self.gradients(d, 20).alternative) < 1e-3
            #expect(parts[1].contains(name) == passes || (name == "KL" && parts[1].contains("reverse KL") && !passes), "\(name) in \(parts[1])")
        }
        #expect(parts[1].contains("never vanishes there"))
    }

    @Test("the curves drawn are the catalog's gradients, equal to the hand-written ones")
    func curves() throws {
        for d in FDivergence.allCases {
            for v in stride(from: -6.0, through: 6, by: 0.5) {
                let hand = Self.gradients(d, v)
                #expect(abs(-d.fakeGradient(v) - hand.game) <= 1e-12 * max(1, abs(hand.game)), "\(d) at \(v)")
                #expect(abs(d.realGradient(v) - hand.alternative) <= 1e-12 * max(1, abs(hand.alternative)), "\(d) at \(v)")
            }
        }
        let figure = try CourseFigure.fganGeneratorGradients.figure()
        #expect(figure.panels.count == 2 && figure.panels.allSatisfy { $0.marks.count == 1 + FDivergence.allCases.count })
    }
}
