import FoundationEssentials
import Glibc
import LossMath
import LossPlot

/// Figure 8: the relative error of the naive forms log(1 − σ(ℓ)) and −log σ(ℓ), in Float and
/// Double, and of the stable Float forms, against the stable Double forms (each within 1.5 ULP of
/// the 60-digit reference, see `gan-losses check`).
enum StabilityFigure {
    /// Relative errors at or above this are drawn at it: −∞, +∞, NaN, or a wrong 0 (error 1) or worse.
    static let failure = 10.0
    /// Exact results are drawn at this floor, which a log axis can show.
    static let floor = 1e-17

    static func figure(theme: Theme) -> Figure {
        let xs = stride(from: -110.0, through: 50.0, by: 0.05).map { $0 }
        func panel(title: String, reference: @escaping (Double) -> Double,
                   naiveDouble: @escaping (Double) -> Double, naiveFloat: @escaping (Float) -> Float,
                   stableFloat: @escaping (Float) -> Float, legend: Bool, notes: [Mark]) -> Panel {
            func series(_ label: String, _ f: (Double) -> Double, style: SeriesStyle) -> Mark {
                let errors = xs.map { relativeError(f($0), reference($0)) }
                let (bx, by) = binnedMaximum(xs, errors, width: 0.5)
                return .line(DataLine(label: label, x: bx, y: by, style: style))
            }
            let marks: [Mark] = notes + [
                .horizontalLine(ReferenceLine(at: 1, color: Color(hex: 0x777777), dash: .dotted, width: 0.8)),
                series("naive, Float", { Double(naiveFloat(Float($0))) }, style: SeriesStyle(color: theme.palette[1], dash: .solid)),
                series("naive, Double", naiveDouble, style: SeriesStyle(color: theme.palette[0], dash: .dashed)),
                series("stable, Float", { Double(stableFloat(Float($0))) }, style: SeriesStyle(color: theme.palette[2], dash: .dashDot)),
            ]
            return Panel(title: title, x: Axis(label: #"logit $\ell$"#, range: -110...50),
                         y: Axis(label: "relative error (max over 0.5 in ℓ)", scale: .log, range: floor...1e3),
                         marks: marks, legend: legend ? .best : .none)
        }
        let minimax = panel(title: #"$\log(1-\sigma(\ell))$: the minimax loss"#,
                            reference: { GeneratorLoss.minimax.value(atLogit: $0) },
                            naiveDouble: { Naive.minimax($0) }, naiveFloat: { Naive.minimax($0) },
                            stableFloat: { GeneratorLoss.minimax.evaluate(atLogit: $0).value }, legend: false,
                            notes: [.annotation(Annotation("Float's range ends: the exact\n|L| is subnormal below ℓ ≈ −87", at: Point(0.04, 0.42),
                                                           anchor: Point(0, 0.5), arrowTo: Point(-95, 1e-3)))])
        let nonsat = panel(title: #"$-\log\sigma(\ell)$: the non-saturating loss"#,
                           reference: { GeneratorLoss.nonsat.value(atLogit: $0) },
                           naiveDouble: { Naive.nonsat($0) }, naiveFloat: { Naive.nonsat($0) },
                           stableFloat: { GeneratorLoss.nonsat.evaluate(atLogit: $0).value }, legend: true, notes: [])
        var figure = Figure(width: 10, height: 5.2,
                            title: "Naive against stable evaluation (errors ≥ 10 are −∞, +∞ or NaN; 1 is a wrong 0)",
                            panels: [minimax, nonsat], columns: 2, sharedLegend: true, theme: theme)
        figure.sharesX = false
        return figure
    }

    /// |computed − exact| / |exact|, with failures raised to ``failure`` and exact zeros to ``floor``.
    static func relativeError(_ computed: Double, _ exact: Double) -> Double {
        guard computed.isFinite else { return failure }
        let error = exact == 0 ? abs(computed) : abs(computed - exact) / abs(exact)
        return min(max(error, floor), failure)
    }

    /// The largest y in each bin of the given width in x, at the bin's centre.
    static func binnedMaximum(_ xs: [Double], _ ys: [Double], width: Double) -> ([Double], [Double]) {
        var bins: [Double: Double] = [:]
        for (x, y) in zip(xs, ys) {
            let key = (x / width).rounded(.down)
            bins[key] = max(bins[key] ?? 0, y)
        }
        let keys = bins.keys.sorted()
        return (keys.map { ($0 + 0.5) * width }, keys.map { bins[$0]! })
    }
}
