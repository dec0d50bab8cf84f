import LossMath
import LossPlot

/// The f-GAN generator's gradient on the raw output v for every divergence of ``FDivergence``:
/// the game's own loss −f*(g_f(v)) beside Section 3.2's −g_f(v). Which vanish where the
/// discriminator rejects the sample (v → −∞), and which where it accepts it (v → +∞).
enum FGANFigure {
    /// Where a generator gradient vanishes: |∂L/∂v| below 10⁻³ at v = ∓20.
    struct Saturation {
        var divergence: FDivergence
        var alternative: Bool
        var vanishesWhenRejected: Bool, vanishesWhenAccepted: Bool

        init(_ divergence: FDivergence, alternative: Bool) {
            self.divergence = divergence
            self.alternative = alternative
            let gradient = { (v: Double) in alternative ? divergence.realGradient(v) : -divergence.fakeGradient(v) }
            vanishesWhenRejected = abs(gradient(-20)) < 1e-3
            vanishesWhenAccepted = abs(gradient(20)) < 1e-3
        }
    }

    static func saturations(alternative: Bool) -> [Saturation] {
        FDivergence.allCases.map { Saturation($0, alternative: alternative) }
    }

    /// "KL, squared Hellinger and GAN": names in a sentence.
    static func names(_ list: [FDivergence]) -> String {
        let words = list.map { d -> String in
            switch d {
            case .kl: "KL"
            case .rkl: "reverse KL"
            case .pearson: "Pearson χ²"
            case .hellinger: "squared Hellinger"
            case .js: "Jensen–Shannon"
            case .gan: "GAN"
            }
        }
        return words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words.last!
    }

    /// The `figures` summary, from ``saturations(alternative:)``.
    static func summary() -> String {
        let game = saturations(alternative: false), alternative = saturations(alternative: true)
        let rejected = game.filter(\.vanishesWhenRejected).map(\.divergence)
        let kept = game.filter { !$0.vanishesWhenRejected }.map(\.divergence)
        let alternativeRejected = alternative.filter(\.vanishesWhenRejected).map(\.divergence)
        let alternativeAccepted = alternative.filter(\.vanishesWhenAccepted).map(\.divergence)
        var sentence = "f-GAN's generator gradient on the raw output v: the game's own loss −f*(g_f(v)) vanishes where the discriminator rejects the sample (v → −∞) for \(names(rejected)), as minimax does, and not for \(names(kept))"
        sentence += alternativeRejected.isEmpty
            ? "; Section 3.2's −g_f(v) never vanishes there"
            : "; Section 3.2's −g_f(v) vanishes there for \(names(alternativeRejected))"
        sentence += alternativeAccepted.isEmpty ? "." : ", only where the sample already passes (v → +∞), for \(names(alternativeAccepted))."
        return sentence
    }

    static func figure(theme: Theme) -> Figure {
        func panel(alternative: Bool) -> Panel {
            var marks: [Mark] = [CatalogFigures.zeroLine]
            // Curves that coincide come in pairs, solid under dashed, so that both colours show:
            // JS and GAN everywhere (their losses differ by log 2), and on the right KL with
            // Pearson (−1) and reverse KL with Hellinger (−e^(−v)).
            for (i, d) in FDivergence.allCases.enumerated() {
                let solid = [FDivergence.kl, .rkl, .js].contains(d)
                let style = SeriesStyle(color: theme.palette[i % theme.palette.count], dash: solid ? .solid : .dashed,
                                        width: solid ? 1.6 * theme.lineWidth : theme.lineWidth)
                marks.append(.function(FunctionCurve(label: d.title, style: style) { v in
                    alternative ? d.realGradient(v) : -d.fakeGradient(v)
                }))
            }
            let loss = alternative ? #"$-g_f(v)$ (Section 3.2)"# : #"$-f^*(g_f(v))$, the game's own"#
            return Panel(title: "generator loss " + loss, x: Axis(label: #"raw output $v$"#, range: -6...6),
                         y: Axis(label: #"$\partial L_G/\partial v$"#, range: -4...2), marks: marks, legend: .none)
        }
        return Figure(width: 10, height: 4.8, title: "f-GAN: the generator's gradient on the raw output v",
                      panels: [panel(alternative: false), panel(alternative: true)], columns: 2, sharesX: false,
                      sharedLegend: true, theme: theme)
    }
}
