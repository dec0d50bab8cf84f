import LossFigures
import LossMath
import LossPlot
import Testing

/// The parallel-lines figure (`gan-losses distances`, the explorer's distances view) draws what its
/// title says: the supports at 0 and θ, θ marked, and each distance's dot at its value at θ.
@Suite("The parallel-lines figure at θ")
struct ParallelLinesFigureTests {
    @Test("title, supports, mark and dots agree with ParallelLines at θ", arguments: [-1, -0.3, 0, 0.4, 1])
    func claims(theta: Double) throws {
        let figure = ParallelLinesFigure.figure(theta: theta, theme: .paper)
        #expect(figure.panels.count == 3)
        let title = try #require(figure.title)
        if theta == 0 {
            #expect(title.contains("$W = JS = TV = 0$"))
        } else {
            let w = ParallelLines.wasserstein(theta)
            #expect(title.contains("$W = \(w == 1 ? "1" : "\(w)")$") && title.contains("$JS = \\log 2$") && title.contains("$TV = 1$"), "\(title)")
            #expect(ParallelLines.jensenShannon(theta) == 0.6931471805599453 && ParallelLines.totalVariation(theta) == 1)
        }
        // The supports: P₀ at x = 0 and P_θ at x = θ, each over [0, 1].
        let lines = figure.panels[0].marks.compactMap { mark -> DataLine? in if case .line(let l) = mark { l } else { nil } }
        #expect(lines.map(\.x) == [[0, 0], [theta, theta]] && lines.allSatisfy { $0.y == [0, 1] })
        // θ is marked in both other panels, with a dot at each distance and derivative there.
        for (panel, values) in [(figure.panels[1], [ParallelLines.wasserstein(theta), ParallelLines.jensenShannon(theta), ParallelLines.totalVariation(theta)]),
                                (figure.panels[2], [ParallelLines.wassersteinDerivative(theta), ParallelLines.jensenShannonDerivative(theta)])] {
            let marked = panel.marks.contains { mark in if case .verticalLine(let l) = mark { l.at == theta } else { false } }
            #expect(marked)
            let dots = panel.marks.compactMap { mark -> Double? in
                if case .scatter(let s) = mark, s.x == [theta], s.size == 7 { s.y[0] } else { nil }
            }
            #expect(dots == values, "\(panel.title ?? "")")
        }
    }
}
