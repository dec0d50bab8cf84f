import Glibc
import LossMath
import LossPlot

/// The Wasserstein half of the set: Example 1 of the WGAN paper, the optimal discriminator against
/// the optimal critic, gradient penalties, and Lipschitz continuity.
enum WassersteinFigures {
    static let zeroLine = Mark.horizontalLine(ReferenceLine(at: 0, color: Color(hex: 0x999999), dash: .solid, width: 0.6))

    /// A function of θ that is `value` for θ ≠ 0 and `atZero` at 0: the line with a gap at 0, an
    /// open circle over the gap and a dot at the value taken there.
    static func brokenAtZero(_ label: String, value: Double, atZero: Double, range: Double, color: Color, dash: Dash) -> [Mark] {
        [.line(DataLine(label: label, x: [-range, -1e-9, .nan, 1e-9, range], y: [value, value, .nan, value, value],
                        style: SeriesStyle(color: color, dash: dash))),
         .scatter(Scatter(label: nil, x: [0], y: [value], color: color, size: 6, hollow: true)),
         .scatter(Scatter(label: nil, x: [0], y: [atZero], color: color, size: 6))]
    }

    /// W, JS, TV (and KL, which is infinite) between P₀ and P_θ against θ, and their derivatives.
    static func wassersteinVsJS(theme: Theme) -> Figure {
        let p = theme.palette
        var distances: [Mark] = [zeroLine,
            .function(FunctionCurve(label: "$W(P_0, P_\\theta) = |\\theta|$", style: SeriesStyle(color: p[0], dash: .solid)) {
                ParallelLines.wasserstein($0)
            })]
        distances += brokenAtZero("$JS(P_0, P_\\theta) = \\log 2$", value: ParallelLines.jensenShannon(1), atZero: 0,
                                  range: 1, color: p[1], dash: .dashed)
        distances += brokenAtZero("$TV(P_0, P_\\theta) = 1$", value: ParallelLines.totalVariation(1), atZero: 0,
                                  range: 1, color: p[2], dash: .dotted)

        let derivatives: [Mark] = [zeroLine,
            .line(DataLine(label: "$dW/d\\theta = \\mathrm{sign}\\,\\theta$", x: [-1, -1e-9, .nan, 1e-9, 1], y: [-1, -1, .nan, 1, 1],
                           style: SeriesStyle(color: p[0], dash: .solid))),
            .function(FunctionCurve(label: "$dJS/d\\theta = 0$", style: SeriesStyle(color: p[1], dash: .dashed)) {
                ParallelLines.jensenShannonDerivative($0)
            }),
            .annotation(Annotation("JS: no gradient for the generator;\nW: a constant one, toward θ = 0",
                                   at: Point(0.97, 0.3), anchor: Point(1, 0.5))),
        ]
        return Figure(width: 10, height: 4.5, title: "Parallel lines at distance $\\theta$ (WGAN paper, Example 1)",
                      panels: [Panel(title: "distance ($KL(P_\\theta\\|P_0) = +\\infty$ for $\\theta \\neq 0$)",
                                     x: Axis(label: "$\\theta$", range: -1...1), y: Axis(range: -0.1...1.75),
                                     marks: distances),
                               Panel(title: "derivative", x: Axis(label: "$\\theta$", range: -1...1), y: Axis(range: -1.3...1.3),
                                     marks: derivatives)],
                      columns: 2, theme: theme)
    }

    static let farApart = OptimalCritics(data: Normal(mean: -4, standardDeviation: 0.7),
                                         generator: Normal(mean: 4, standardDeviation: 0.7))

    /// Two Gaussians far apart: the optimal discriminator is flat (no gradient) where the
    /// generator's samples are; the optimal critic has slope 1 everywhere (WGAN paper, Figure 2).
    static func optimalDVsCritic(theme: Theme) -> Figure {
        let c = farApart
        let p = theme.palette
        let top: [Mark] = [
            .area(FilledArea(label: "data $p(x)$", color: p[0], opacity: 0.3) { c.data.density($0) }),
            .area(FilledArea(label: "generator $q(x)$", color: p[1], opacity: 0.3) { c.generator.density($0) }),
            .function(FunctionCurve(label: "$D^*(x) = p/(p+q)$", style: SeriesStyle(color: p[2], dash: .dashed)) { c.discriminator($0) }),
            .annotation(Annotation("$D^* = 0$ flat where the generator's\nsamples are: $dD^*/dx \\approx 0$",
                                   at: Point(0.97, 0.43), anchor: Point(1, 0.5), arrowTo: Point(3, c.discriminator(3)))),
        ]
        let bottom: [Mark] = [zeroLine,
            .function(FunctionCurve(label: "optimal critic $f^*(x)$, slope $\\pm1$", style: SeriesStyle(color: p[3], dash: .dashDot)) {
                c.critic($0)
            }),
            .annotation(Annotation("$|df^*/dx| = 1$ everywhere: a gradient\nthat points the generator to the data",
                                   at: Point(0.97, 0.75), anchor: Point(1, 0.5), arrowTo: Point(4, c.critic(4)))),
        ]
        return Figure(width: 7, height: 6.4, title: "Optimal discriminator against optimal critic",
                      panels: [Panel(x: Axis(label: "$x$", range: -8...8), y: Axis(label: "density, $D^*(x)$", range: -0.05...1.95),
                                     marks: top, legend: .fixed(.upperRight)),
                               Panel(x: Axis(label: "$x$", range: -8...8), y: Axis(label: "$f^*(x)$", range: -9...9),
                                     marks: bottom)],
                      columns: 1, sharesX: true, theme: theme)
    }

    /// The penalties against g; a 2-D batch with its interpolates; the gradient norms of a critic
    /// before and after penalizing.
    static func gradientPenalty(theme: Theme) -> Figure {
        let p = theme.palette
        var penalties: [Mark] = [zeroLine]
        for (i, penalty) in [GradientPenalty.twoSided(lambda: 1), .oneSided(lambda: 1), .r1(gamma: 1)].enumerated() {
            let formula = ["$\\lambda(g-1)^2$", "$\\lambda\\,\\max(0, g-1)^2$", "$(\\gamma/2)\\,g^2$"][i]
            penalties.append(.function(FunctionCurve(label: "\(penalty.name)  \(formula)") { penalty.value(gradientNorm: $0) }))
        }
        penalties.append(.verticalLine(ReferenceLine(at: 1, color: Color(hex: 0x777777), dash: .dotted, width: 0.8)))

        var generator = SeededGenerator(seed: 2017)
        func cloud(_ center: (Double, Double), _ spread: Double, _ n: Int) -> [[Double]] {
            (0..<n).map { _ in [center.0 + spread * generator.standardNormal(), center.1 + spread * generator.standardNormal()] }
        }
        let real = cloud((1.2, 1.0), 0.35, 16), fake = cloud((-1.2, -0.8), 0.45, 16)
        let (xhat, _) = BatchGradientPenalty.interpolates(real: real, fake: fake, generator: &generator)
        let scene: [Mark] = [
            .segments(SegmentSet(label: "interpolation segments", segments: zip(real, fake).map { (Point($0[0], $0[1]), Point($1[0], $1[1])) })),
            .scatter(Scatter(label: "real $x$", x: real.map { $0[0] }, y: real.map { $0[1] }, color: p[0], size: 5)),
            .scatter(Scatter(label: "fake $\\tilde x$", x: fake.map { $0[0] }, y: fake.map { $0[1] }, color: p[1], size: 5)),
            .scatter(Scatter(label: "$\\hat x = \\epsilon x + (1-\\epsilon)\\tilde x$", x: xhat.map { $0[0] }, y: xhat.map { $0[1] },
                             color: .black, size: 5, hollow: true)),
        ]
        // The histogram uses a larger batch drawn the same way.
        let bigReal = cloud((1.2, 1.0), 0.35, 2000), bigFake = cloud((-1.2, -0.8), 0.45, 2000)
        let (points, _) = BatchGradientPenalty.interpolates(real: bigReal, fake: bigFake, generator: &generator)
        let before = QuadraticCritic(w1: 2.2, w2: 1.4, k: 0.8)
        let after = before.penalized(on: points, steps: 12, learningRate: 0.1)
        let histograms: [Mark] = [
            .histogram(Histogram(label: "before", samples: points.map(before.gradientNorm), range: 0...4, bins: 40, color: p[1])),
            .histogram(Histogram(label: "after 12 steps on the penalty", samples: points.map(after.gradientNorm), range: 0...4,
                                 bins: 40, color: p[0])),
            .verticalLine(ReferenceLine(at: 1, color: .black, dash: .dashed, width: 0.8)),
        ]
        return Figure(width: 14, height: 4.6, title: "Gradient penalties: on the norm $g = \\|\\nabla_x c(\\hat x)\\|$ at interpolates",
                      panels: [Panel(title: "penalty against $g$", x: Axis(label: "$g$", range: 0...3), y: Axis(label: "penalty", range: -0.2...4.5),
                                     marks: penalties, legend: .fixed(.upperLeft)),
                               Panel(title: "a batch and its interpolates", x: Axis(label: "$x_1$", range: -3...3),
                                     y: Axis(label: "$x_2$", range: -2.4...4.4), marks: scene, legend: .fixed(.upperLeft)),
                               Panel(title: "per-sample $\\|\\nabla_x c(\\hat x)\\|$", x: Axis(label: "$g$", range: 0...4),
                                     y: Axis(label: "density", range: 0...8), marks: histograms, legend: .fixed(.upperRight))],
                      columns: 3, theme: theme)
    }

    /// A 1-Lipschitz function stays inside the cone |y − f(x₀)| ≤ |x − x₀| at every point; a
    /// function with slopes up to 2 leaves it.
    static func lipschitz(theme: Theme) -> Figure {
        let p = theme.palette
        func panel(_ title: String, _ label: String, color: Color, _ f: @escaping @Sendable (Double) -> Double) -> Panel {
            var marks: [Mark] = []
            for x0 in [-2.0, 0.0, 2.0] {
                let (y0, w) = (f(x0), 1.1)
                marks.append(.polygon(DataPolygon(label: x0 == -2 ? "cones $|y - f(x_0)| \\leq |x - x_0|$" : nil,
                                                  points: [Point(x0, y0), Point(x0 - w, y0 + w), Point(x0 - w, y0 - w)],
                                                  color: Color(hex: 0xBBBBBB, alpha: 0.45))))
                marks.append(.polygon(DataPolygon(label: nil, points: [Point(x0, y0), Point(x0 + w, y0 + w), Point(x0 + w, y0 - w)],
                                                  color: Color(hex: 0xBBBBBB, alpha: 0.45))))
                marks.append(.scatter(Scatter(label: nil, x: [x0], y: [y0], color: .black, size: 5)))
            }
            marks.append(.function(FunctionCurve(label: label, style: SeriesStyle(color: color, dash: .solid), f)))
            return Panel(title: title, x: Axis(label: "$x$", range: -3.5...3.5), y: Axis(range: -2.2...2.2), marks: marks,
                         legend: .fixed(.lowerRight))
        }
        return Figure(width: 10, height: 4.4, title: "Lipschitz continuity: slopes bounded by 1 stay inside the cones",
                      panels: [panel("1-Lipschitz", "$\\sin x$, $|f'| \\leq 1$", color: p[0]) { sin($0) },
                               panel("not 1-Lipschitz", "$\\sin 2x$, $|f'| \\leq 2$", color: p[1]) { sin(2 * $0) }],
                      columns: 2, theme: theme)
    }
}
