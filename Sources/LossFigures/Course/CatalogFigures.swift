import LossMath
import LossPlot

/// Figures 5, 6, 7 and 9 of the set: the catalog at a glance, the discriminator side, label
/// smoothing and the two least-squares losses.
enum CatalogFigures {
    static let logitLabel = #"logit $\ell$"#
    static let zeroLine = Mark.horizontalLine(ReferenceLine(at: 0, color: Color(hex: 0x999999), dash: .solid, width: 0.6))

    /// The eight games of the classic catalog, minimax to ragan, in the catalog's order.
    static let classicGames = GeneratorLoss.allCases.filter {
        $0.fDivergence == nil && ($0.relativistic == nil || $0 == .ragan) && $0 != .ebgan
    }

    /// Small multiples: one panel per generator loss, L and ∂L/∂ℓ against ℓ on the same axes.
    static func allGeneratorLosses(theme: Theme) -> Figure {
        let blue = SeriesStyle(color: theme.palette[0], dash: .solid)
        let red = SeriesStyle(color: theme.palette[1], dash: .dashed)
        var panels: [Panel] = []
        // The classic catalog (with RaSGAN as ragan); f-GAN's games and the other relativistic ones
        // have figures of their own (fgan-generator-gradients, relativistic-losses), and EBGAN's
        // generator loss is the energy itself.
        for loss in CatalogFigures.classicGames {
            let marks: [Mark] = [
                zeroLine,
                .function(FunctionCurve(label: "$L$", style: blue) { loss.value(atLogit: $0) }),
                .function(FunctionCurve(label: #"$\partial L/\partial\ell$"#, style: red) { loss.gradientLogit(atLogit: $0) }),
            ]
            panels.append(Panel(title: "\(loss.id): $\(loss.latexFormula())$",
                                x: Axis(label: logitLabel, range: -5...5), y: Axis(range: -4...4), marks: marks,
                                legend: .none))
        }
        return Figure(width: 12, height: 6.8, title: "Every generator loss and its logit derivative ($\\ell_r = 0$, $c = 1$)",
                      panels: panels, columns: 4, sharesX: true, sharedLegend: true, theme: theme)
    }

    /// The real-sample and fake-sample halves of the discriminator losses, and their derivatives.
    static func discriminatorLosses(theme: Theme) -> Figure {
        // Each loss evaluated with the other logit where its half vanishes.
        let losses: [(String, DiscriminatorLoss, real: Double, fake: Double)] = [
            ("BCE", .bce, .infinity, -.infinity),
            ("hinge", .hinge, .infinity, -.infinity),
            ("least squares", .leastSquares, 1, 0),
            ("Wasserstein", .wasserstein, 0, 0),
        ]
        func panel(real: Bool, derivative: Bool) -> Panel {
            var marks: [Mark] = [zeroLine]
            for (name, loss, neutralReal, neutralFake) in losses {
                marks.append(.function(FunctionCurve(label: name) { l in
                    let e = real ? loss.evaluate(realLogit: l, fakeLogit: neutralFake)
                        : loss.evaluate(realLogit: neutralReal, fakeLogit: l)
                    return derivative ? (real ? e.gradientReal : e.gradientFake) : e.value
                }))
            }
            let sample = real ? "real" : "fake"
            let symbol = real ? #"\ell_r"# : #"\ell_f"#
            return Panel(title: derivative ? "derivative, \(sample) sample" : "loss on a \(sample) sample",
                         x: Axis(label: "$\(symbol)$", range: -4...4),
                         y: Axis(label: derivative ? "$\\partial L_D/\\partial \(symbol)$" : "$L_D$",
                                 range: derivative ? -2.5...2.5 : -4...6),
                         marks: marks, legend: !real && derivative ? .best : .none)
        }
        return Figure(width: 9, height: 7.4, title: "Discriminator losses on a real and on a fake logit",
                      panels: [panel(real: true, derivative: false), panel(real: true, derivative: true),
                               panel(real: false, derivative: false), panel(real: false, derivative: true)],
                      columns: 2, sharedLegend: true, theme: theme)
    }

    /// The real-sample BCE with targets 1, 0.9 and 0.8, and the optimum ℓ* = log(t/(1 − t)).
    static func labelSmoothing(theme: Theme) -> Figure {
        var marks: [Mark] = []
        for (i, t) in [1.0, 0.9, 0.8].enumerated() {
            let loss: DiscriminatorLoss = t == 1 ? .bce : .bceSmoothed(target: t)
            if let optimum = loss.optimalRealLogit, optimum.isFinite {
                marks.append(.verticalLine(ReferenceLine(at: optimum, color: theme.palette[i], dash: .dotted, width: 1)))
            }
            marks.append(.function(FunctionCurve(label: t == 1 ? "$t = 1$ (no smoothing)" : "$t = \(t)$") {
                loss.evaluate(realLogit: $0, fakeLogit: -.infinity).value
            }))
        }
        let optimum = Double.logit(0.9)
        marks.append(.annotation(Annotation("minimum at ℓ* = log(t/(1 − t))\n= \(String(cFormat: "%.3f", optimum)) for t = 0.9",
                                            at: Point(0.42, 0.62), anchor: Point(0, 0.5),
                                            arrowTo: Point(optimum, DiscriminatorLoss.bceSmoothed(target: 0.9)
                                                .evaluate(realLogit: optimum, fakeLogit: -.infinity).value))))
        let panel = Panel(x: Axis(label: #"logit $\ell_r$ on a real sample"#, range: -3...8),
                          y: Axis(label: #"$-t\log\sigma(\ell_r) - (1-t)\log(1-\sigma(\ell_r))$"#, range: 0...3),
                          marks: marks, legend: .best)
        return Figure(title: "Label smoothing: the real target $t$ moves the optimum", panels: [panel], theme: theme)
    }

    /// Least squares on the raw output against least squares on σ: values and gradients.
    static func leastSquares(theme: Theme) -> Figure {
        func panel(gradient: Bool) -> Panel {
            var marks: [Mark] = [zeroLine]
            for loss in [GeneratorLoss.lsgan, .lssigmoid] {
                let label = "$" + (gradient ? loss.latexGradientLogitFormula() : loss.latexFormula()) + "$"
                let name = loss == .lsgan ? "raw output" : "on σ"
                marks.append(.function(FunctionCurve(label: "\(name)  \(label)") {
                    gradient ? loss.gradientLogit(atLogit: $0) : loss.value(atLogit: $0)
                }))
            }
            if gradient {
                marks.append(.annotation(Annotation("on σ: |∂L/∂ℓ| ≤ 0.15,\n→ 0 at both ends", at: Point(0.05, 0.2),
                                                    anchor: Point(0, 0.5), arrowTo: Point(-5, GeneratorLoss.lssigmoid.gradientLogit(atLogit: -5)))))
            }
            return Panel(title: gradient ? "gradient" : "loss", x: Axis(label: CatalogFigures.logitLabel, range: -8...8),
                         y: Axis(label: gradient ? #"$\partial L_G/\partial\ell$"# : "$L_G$",
                                 range: gradient ? -3...3 : -0.2...4),
                         marks: marks, legend: gradient ? .best : .none)
        }
        return Figure(width: 10, height: 4.5, title: "Least squares on the raw output against least squares on $\\sigma(\\ell)$",
                      panels: [panel(gradient: false), panel(gradient: true)], columns: 2, theme: theme)
    }
}
