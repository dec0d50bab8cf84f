import Glibc
import LossMath
import LossPlot

/// Figures 1, 3 and 4 of the set: the saturation story in D-space and on log axes.
enum SaturationFigures {
    static let dLabel = "$D(G(z))$, the discriminator's output on a generated sample"

    /// Goodfellow (NIPS 2016 tutorial), Figure 16: the three generator costs with the tutorial's
    /// ½ factors, J = ½ log(1 − D), −½ log D and −½ exp(σ⁻¹(D)) = −½ D/(1 − D): the catalog's
    /// costs, which carry no ½, each halved, so that the three keep one scale.
    static func generatorCosts(theme: Theme) -> Figure {
        let marks: [Mark] = [
            .horizontalLine(ReferenceLine(at: 0, color: Color(hex: 0x999999), dash: .solid, width: 0.6)),
            .function(FunctionCurve(label: #"minimax  $\log(1-D)/2$"#, domain: 1e-9...(1 - 1e-9)) {
                0.5 * GeneratorLoss.minimax.evaluate(atD: $0).value
            }),
            .function(FunctionCurve(label: #"non-saturating  $-\log(D)/2$"#, domain: 1e-9...(1 - 1e-9)) {
                0.5 * GeneratorLoss.nonsat.evaluate(atD: $0).value
            }),
            .function(FunctionCurve(label: #"maximum likelihood  $-\exp(\sigma^{-1}(D))/2$"#, domain: 1e-9...(1 - 1e-9)) {
                0.5 * GeneratorLoss.maxlik.evaluate(atD: $0).value
            }),
            .annotation(Annotation("flat where D(G(z)) is small: slope −½,\nagainst −1/(2D) for non-saturating", at: Point(0.04, 0.55),
                                   anchor: Point(0, 0.5), arrowTo: Point(0.06, 0.5 * log1p(-0.06)))),
        ]
        let panel = Panel(x: Axis(label: dLabel, range: 0...1),
                          y: Axis(label: "generator cost $J^{(G)}$", range: -10...5), marks: marks)
        return Figure(title: "Generator costs against $D(G(z))$ (Goodfellow 2016, Fig. 16)",
                      panels: [panel], theme: theme)
    }

    /// |∂L/∂ℓ| against D on a logit axis down to 1e−12, log y: minimax falls like D itself.
    static func gradientMagnitude(theme: Theme) -> Figure {
        let domain = 1e-12...(1 - 1e-4)
        func magnitude(_ loss: GeneratorLoss) -> @Sendable (Double) -> Double {
            { abs(loss.evaluate(atD: $0).gradientLogit) }
        }
        let marks: [Mark] = [
            .function(FunctionCurve(label: #"minimax  $|\partial L/\partial\ell| = D$"#, domain: domain, magnitude(.minimax))),
            .function(FunctionCurve(label: #"non-saturating  $1-D$"#, domain: domain, magnitude(.nonsat))),
            .function(FunctionCurve(label: #"maximum likelihood  $D/(1-D)$"#, domain: domain, magnitude(.maxlik))),
            .annotation(Annotation("minimax at D = 10⁻⁸: a gradient\nof 10⁻⁸, the generator stalls",
                                   at: Point(0.03, 0.66), anchor: Point(0, 0.5), arrowTo: Point(1e-8, 1e-8))),
        ]
        let panel = Panel(x: Axis(label: dLabel + " (logit scale)", scale: .logit, range: domain),
                          y: Axis(label: #"$|\partial L_G/\partial\ell|$"#, scale: .log, range: 1e-13...10), marks: marks)
        return Figure(title: "The size of the generator's logit gradient as $D(G(z)) \\to 0$", panels: [panel], theme: theme)
    }

    /// ∂L/∂D in D-space: finite at D → 0 for minimax; the factor σ′ = D(1 − D) is what vanishes.
    static func gradientInD(theme: Theme) -> Figure {
        let domain = 1e-9...(1 - 1e-9)
        let marks: [Mark] = [
            .horizontalLine(ReferenceLine(at: 0, color: Color(hex: 0x999999), dash: .solid, width: 0.6)),
            .horizontalLine(ReferenceLine(at: -1, color: Color(hex: 0x999999), dash: .dotted, width: 0.8)),
            .function(FunctionCurve(label: #"minimax $\partial L/\partial D$"#, domain: domain) {
                GeneratorLoss.minimax.evaluate(atD: $0).gradientD ?? .nan
            }),
            .function(FunctionCurve(label: #"nonsat $\partial L/\partial D$"#, domain: domain) {
                GeneratorLoss.nonsat.evaluate(atD: $0).gradientD ?? .nan
            }),
            .function(FunctionCurve(label: #"$\sigma'(\ell) = D(1-D)$"#, domain: domain) { $0 * (1 - $0) }),
            .function(FunctionCurve(label: #"minimax $\partial L/\partial\ell = -D$"#, domain: domain) {
                GeneratorLoss.minimax.evaluate(atD: $0).gradientLogit
            }),
            .annotation(Annotation(#"minimax: $\partial L/\partial D = -1/(1-D) \to -1$ as $D \to 0$, finite;"#
                                   + "\n" + #"$\partial L/\partial\ell = \partial L/\partial D \cdot D(1-D) = -D \to 0$"#,
                                   at: Point(0.03, 0.97), anchor: Point(0, 1), arrowTo: Point(0.004, -1.004))),
        ]
        let panel = Panel(x: Axis(label: dLabel, range: 0...1),
                          y: Axis(label: "derivative of the generator loss", range: -6...1.6), marks: marks)
        return Figure(title: "Minimax in $D$-space: slope $-1$ at $D \\to 0$; the factor $D(1-D)$ kills $\\partial L/\\partial\\ell$",
                      panels: [panel], theme: theme)
    }
}
