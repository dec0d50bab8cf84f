import Glibc
import LossMath
import LossPlot

/// The Wasserstein half of the set: Example 1 of the WGAN paper, the optimal discriminator against
/// the optimal critic, gradient penalties, and Lipschitz continuity.
enum WassersteinFigures {
    static let zeroLine = Mark.horizontalLine(ReferenceLine(at: 0, color: Color(hex: 0x999999), dash: .solid, width: 0.6))

    /// A function of θ that is `value` for θ ≠ 0 and `atZero` at 0: the line with a gap at 0, an
    /// open circle over the gap and a dot `dotSize` points across at the value taken there.
    static func brokenAtZero(_ label: String, value: Double, atZero: Double, range: Double, color: Color, dash: Dash,
                             dotSize: Double = 6) -> [Mark] {
        [.line(DataLine(label: label, x: [-range, -1e-9, .nan, 1e-9, range], y: [value, value, .nan, value, value],
                        style: SeriesStyle(color: color, dash: dash))),
         .scatter(Scatter(label: nil, x: [0], y: [value], color: color, size: 6, hollow: true)),
         .scatter(Scatter(label: nil, x: [0], y: [atZero], color: color, size: dotSize))]
    }

    /// W, JS, TV (and KL, which is infinite) between P₀ and P_θ against θ, and their derivatives.
    static func wassersteinVsJS(theme: Theme) -> Figure {
        let (distances, derivatives) = parallelLinesPanels(theme: theme)
        return Figure(width: 10, height: 4.5, title: "Parallel lines at distance $\\theta$ (WGAN paper, Example 1)",
                      panels: [distances, derivatives], columns: 2, theme: theme)
    }

    /// The two panels of ``wassersteinVsJS(theme:)``: the distances against θ, and their
    /// derivatives; `annotated`, with the notes on θ = 0 and on the gradients.
    static func parallelLinesPanels(theme: Theme, annotated: Bool = true) -> (distances: Panel, derivatives: Panel) {
        let p = theme.palette
        var distances: [Mark] = [zeroLine,
            .function(FunctionCurve(label: "$W(P_0, P_\\theta) = |\\theta|$", style: SeriesStyle(color: p[0], dash: .solid)) {
                ParallelLines.wasserstein($0)
            })]
        // JS and TV are both 0 at θ = 0: TV's dot drawn larger and first, JS's on top of it, a
        // disc in a ring, as both values are there.
        let js = brokenAtZero("$JS(P_0, P_\\theta) = \\log 2$", value: ParallelLines.jensenShannon(1),
                              atZero: ParallelLines.jensenShannon(0), range: 1, color: p[1], dash: .dashed, dotSize: 5)
        let tv = brokenAtZero("$TV(P_0, P_\\theta) = 1$", value: ParallelLines.totalVariation(1),
                              atZero: ParallelLines.totalVariation(0), range: 1, color: p[2], dash: .dotted, dotSize: 11)
        distances += [js[0], js[1], tv[0], tv[1], tv[2], js[2]]
        if annotated {
            distances.append(.annotation(Annotation("at $\\theta = 0$: $W = JS = TV = 0$", at: Point(0.97, 0.1), anchor: Point(1, 0.5),
                                                    arrowTo: Point(0.02, 0.01))))
        }

        var derivatives: [Mark] = [zeroLine,
            .line(DataLine(label: "$dW/d\\theta = \\mathrm{sign}\\,\\theta$", x: [-1, -1e-9, .nan, 1e-9, 1], y: [-1, -1, .nan, 1, 1],
                           style: SeriesStyle(color: p[0], dash: .solid))),
            .function(FunctionCurve(label: "$dJS/d\\theta = 0$", style: SeriesStyle(color: p[1], dash: .dashed)) {
                ParallelLines.jensenShannonDerivative($0)
            }),
        ]
        if annotated {
            derivatives.append(.annotation(Annotation("JS: no gradient for the generator;\nW: a constant one, toward θ = 0",
                                                      at: Point(0.97, 0.3), anchor: Point(1, 0.5))))
        }
        return (Panel(title: "distance ($KL(P_\\theta\\|P_0) = +\\infty$ for $\\theta \\neq 0$)",
                      x: Axis(label: "$\\theta$", range: -1...1), y: Axis(range: -0.1...1.75), marks: distances),
                Panel(title: "derivative", x: Axis(label: "$\\theta$", range: -1...1), y: Axis(range: -1.3...1.3),
                      marks: derivatives))
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
            .annotation(Annotation("on the generator's samples\n$D^* \\approx 0$ and $dD^*/dx \\approx 0$",
                                   at: Point(0.97, 0.43), anchor: Point(1, 0.5), arrowTo: Point(3, c.discriminator(3)))),
        ]
        let bottom: [Mark] = [zeroLine,
            .function(FunctionCurve(label: "optimal critic $f^*(x)$, slope \(criticSlopes(c, over: -8...8))",
                                    style: SeriesStyle(color: p[3], dash: .dashDot)) {
                c.critic($0)
            }),
            .annotation(Annotation("$|df^*/dx| = 1$ everywhere: a gradient\nthat points the generator to the data",
                                   at: Point(0.97, 0.75), anchor: Point(1, 0.5), arrowTo: Point(4, c.critic(4)))),
        ]
        return Figure(width: 7, height: 6.4, title: "Optimal discriminator against optimal critic",
                      panels: [Panel(x: Axis(label: "$x$", range: -8...8), y: Axis(label: "density, $D^*(x)$", range: -0.05...1.95),
                                     marks: top, legend: .best),
                               Panel(x: Axis(label: "$x$", range: -8...8), y: Axis(label: "$f^*(x)$", range: -9...9),
                                     marks: bottom)],
                      columns: 1, sharesX: true, theme: theme)
    }

    /// The slopes the optimal critic takes over a range, as math: "$-1$", "$1$" or "$\\pm1$"
    /// (its slope sampled every 0.01; the 0 it takes exactly at a crossing of the CDFs ignored).
    static func criticSlopes(_ c: OptimalCritics, over range: ClosedRange<Double>) -> String {
        let slopes = Set(stride(from: range.lowerBound, through: range.upperBound, by: 0.01).map(c.criticGradient).filter { $0 != 0 })
        return slopes == [-1] ? "$-1$" : slopes == [1] ? "$1$" : "$\\pm1$"
    }

    /// The penalties against g; a 2-D batch with its interpolates; the gradient norms of a critic
    /// before and after penalizing.
    static func gradientPenalty(theme: Theme) -> Figure {
        let p = theme.palette
        let (lambda, gamma) = (1.0, 1.0)
        var penalties: [Mark] = [zeroLine]
        // Where each is taken (the two-sided and one-sided at the interpolates, R1 at real data) is
        // in the figure's title.
        for (i, penalty) in [GradientPenalty.twoSided(lambda: lambda), .oneSided(lambda: lambda), .r1(gamma: gamma)].enumerated() {
            let formula = ["$\\lambda(g-1)^2$", "$\\lambda\\,\\max(0, g-1)^2$", "$(\\gamma/2)\\,g^2$"][i]
            let name = ["two-sided", "one-sided", "R1"][i]
            penalties.append(.function(FunctionCurve(label: "\(name)  \(formula)") { penalty.value(gradientNorm: $0) }))
        }
        penalties.append(.verticalLine(ReferenceLine(at: 1, color: Color(hex: 0x777777), dash: .dotted, width: 0.8)))

        var generator = SeededGenerator(seed: 2017)
        func cloud(_ center: (Double, Double), _ spread: Double, _ n: Int) -> [[Double]] {
            (0..<n).map { _ in [center.0 + spread * generator.standardNormal(), center.1 + spread * generator.standardNormal()] }
        }
        let real = cloud((1.2, 1.0), 0.35, 16), fake = cloud((-1.2, -0.8), 0.45, 16)
        let (xhat, _) = BatchGradientPenalty.interpolates(real: real, fake: fake, generator: &generator)
        let scene: [Mark] = [
            .segments(SegmentSet(label: nil, segments: zip(real, fake).map { (Point($0[0], $0[1]), Point($1[0], $1[1])) })),
            .scatter(Scatter(label: "real $x$", x: real.map { $0[0] }, y: real.map { $0[1] }, color: p[0], size: 5)),
            .scatter(Scatter(label: "fake $\\tilde x$", x: fake.map { $0[0] }, y: fake.map { $0[1] }, color: p[1], size: 5)),
            .scatter(Scatter(label: "$\\hat x$ between them", x: xhat.map { $0[0] }, y: xhat.map { $0[1] },
                             color: .black, size: 5, hollow: true)),
        ]
        // The histogram uses a larger batch drawn the same way.
        let bigReal = cloud((1.2, 1.0), 0.35, 2000), bigFake = cloud((-1.2, -0.8), 0.45, 2000)
        let (points, _) = BatchGradientPenalty.interpolates(real: bigReal, fake: bigFake, generator: &generator)
        let before = QuadraticCritic(w1: 2.2, w2: 1.4, k: 0.8)
        let after = before.penalized(on: points, steps: 12, learningRate: 0.1)
        let (normsBefore, normsAfter) = (points.map(before.gradientNorm), points.map(after.gradientNorm))
        // Bins of 0.1 over every norm of both batches, so that no sample falls outside.
        let top = ((normsBefore + normsAfter).max()! / 0.5).rounded(.up) * 0.5
        let bins = Int((top / 0.1).rounded())
        let beforeBars = Histogram(label: "before", samples: normsBefore, range: 0...top, bins: bins, color: p[1])
        let afterBars = Histogram(label: "after 12 steps (two-sided)", samples: normsAfter, range: 0...top,
                                  bins: bins, color: p[0])
        let tallest = (beforeBars.heights + afterBars.heights).max()!
        let histograms: [Mark] = [
            .histogram(beforeBars), .histogram(afterBars),
            .verticalLine(ReferenceLine(at: 1, color: .black, dash: .dashed, width: 0.8)),
        ]
        return Figure(width: 14, height: 4.6,
                      title: "Gradient penalties on $g = \\|\\nabla_x c\\|$ ($\\lambda = \(String(cFormat: "%g", lambda))$, $\\gamma = \(String(cFormat: "%g", gamma))$): two- and one-sided at interpolates $\\hat x$, R1 at real $x$",
                      panels: [Panel(title: "penalty against $g$", x: Axis(label: "$g$", range: 0...3), y: Axis(label: "penalty", range: -0.2...6.5),
                                     marks: penalties),
                               Panel(title: "a batch and its interpolates", x: Axis(label: "$x_1$", range: -3...3),
                                     y: Axis(label: "$x_2$", range: -2.4...4.4), marks: scene, legend: .best),
                               Panel(title: "per-sample $\\|\\nabla_x c(\\hat x)\\|$ on \(points.count) interpolates",
                                     x: Axis(label: "$g$", range: 0...top),
                                     y: Axis(label: "density", range: 0...(1.5 * tallest)), marks: histograms, legend: .best)],
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
                marks.append(.scatter(Scatter(label: x0 == -2 ? "points $(x_0, f(x_0))$" : nil, x: [x0], y: [y0], color: .black, size: 5)))
            }
            marks.append(.function(FunctionCurve(label: label, style: SeriesStyle(color: color, dash: .solid), f)))
            return Panel(title: title, x: Axis(label: "$x$", range: -3.5...3.5), y: Axis(range: -2.2...2.2), marks: marks)
        }
        // One legend below both panels: inside, any corner would cover a cone.
        return Figure(width: 10, height: 4.8, title: "Lipschitz continuity: slopes bounded by 1 stay inside the cones",
                      panels: [panel("1-Lipschitz", "$\\sin x$, $|f'| \\leq 1$", color: p[0]) { sin($0) },
                               panel("not 1-Lipschitz", "$\\sin 2x$, $|f'| \\leq 2$", color: p[1]) { sin(2 * $0) }],
                      columns: 2, sharedLegend: true, theme: theme)
    }
}
