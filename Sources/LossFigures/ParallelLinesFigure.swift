public import LossPlot
import LossMath

/// The WGAN paper's Example 1 at one θ: P₀ uniform on the segment {0} × [0, 1] and P_θ on
/// {θ} × [0, 1]. Three panels: the two supports with the optimal transport plan (every point moved
/// straight across by θ, so W = |θ|); the distances W, JS and TV against θ with θ marked; and their
/// derivatives, where only W's is not zero. The figure of `gan-losses distances` and of the
/// explorer's distances view; the course figure `wasserstein-vs-js` is its last two panels without
/// a θ.
public enum ParallelLinesFigure {
    /// The figure at `theta`, in [−1, 1]: 13 × 4.5 in on paper, the slide on a slides theme, or
    /// `width` × `height` inches; its panels reflow into fewer columns where three do not fit.
    public static func figure(theta: Double, theme: Theme, width: Double? = nil, height: Double? = nil) -> Figure {
        precondition((-1...1).contains(theta), "θ in [−1, 1]")
        let p = theme.palette
        let heights = stride(from: 0.1, through: 0.9, by: 0.2).map { $0 }
        var supports: [Mark] = [
            .line(DataLine(label: "$P_0$", x: [0, 0], y: [0, 1], style: SeriesStyle(color: p[3], dash: .solid, width: 3))),
            .line(DataLine(label: "$P_\\theta$", x: [theta, theta], y: [0, 1], style: SeriesStyle(color: p[4], dash: .solid, width: 3))),
        ]
        if theta != 0 {
            supports.append(.arrows(ArrowSet(label: nil, points: heights.map { Point(0, $0) }, vectors: heights.map { _ in Point(theta, 0) },
                                             normalized: false)))
        }
        let (distancePanel, derivativePanel) = WassersteinFigures.parallelLinesPanels(theme: theme, annotated: false)
        var distances = distancePanel, derivatives = derivativePanel
        let mark = Mark.verticalLine(ReferenceLine(at: theta, color: Color(hex: 0x333333), dash: .dashed, width: 0.8))
        distances.marks.append(mark)
        derivatives.marks.append(mark)
        distances.marks += [(ParallelLines.wasserstein(theta), p[0]), (ParallelLines.jensenShannon(theta), p[1]),
                            (ParallelLines.totalVariation(theta), p[2])].map { value, color in
            .scatter(Scatter(label: nil, x: [theta], y: [value], color: color, size: 7))
        }
        derivatives.marks += [(ParallelLines.wassersteinDerivative(theta), p[0]), (ParallelLines.jensenShannonDerivative(theta), p[1])]
            .map { value, color in .scatter(Scatter(label: nil, x: [theta], y: [value], color: color, size: 7)) }
        var figure = Figure(width: 13, height: 4.5, title: title(theta),
                            panels: [Panel(title: "the supports and the optimal plan", x: Axis(label: "$x_1$", range: -1.1...1.1),
                                           y: Axis(label: "$x_2$", range: -0.1...1.1), marks: supports),
                                     distances, derivatives],
                            columns: 3, theme: theme)
        if theme.isForProjection { (figure.width, figure.height) = (theme.pageWidth, theme.pageHeight) }
        if let width { figure.width = width }
        if let height { figure.height = height }
        figure.reflows = true
        return figure
    }

    /// "Parallel lines at θ = 0.4: W = 0.4, JS = log 2, TV = 1", the values at θ.
    static func title(_ theta: Double) -> String {
        let t = shortest(theta)
        if theta == 0 { return "Parallel lines at $\\theta = 0$: the same distribution, $W = JS = TV = 0$" }
        return "Parallel lines at $\\theta = \(t)$: $W = \(shortest(ParallelLines.wasserstein(theta)))$, $JS = \\log 2$, $TV = 1$, $KL = +\\infty$"
    }

    /// `x` in the fewest digits that give it back, without a trailing ".0".
    static func shortest(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}
