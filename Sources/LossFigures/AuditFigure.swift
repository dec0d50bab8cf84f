public import Audit
public import LossPlot
internal import LossMath

/// `audit -o`: the user's loss over the exact one against the abscissa, and below it the error
/// in ULP of the user's format on a log axis, the ranges where the values go wrong shaded; a
/// column per subject (the generator, or the discriminator's real and generated samples).
public enum AuditFigure {
    /// Errors of 0 ULP are drawn at this height (a log axis has no 0), ±∞ at the top.
    static let zeroULP = 0.1

    public static func figure(audit: LossAudit, report: AuditReport, theme: Theme = .paper) -> Figure {
        let p = theme.palette
        let symbol = audit.abscissa == .logit ? "$\\ell$" : "$D$"
        let format = report.precision == .float ? "float32" : "float64"
        var top: [Panel] = [], bottom: [Panel] = []
        for (curves, group) in zip(audit.curves(report.target), report.groups) {
            let spans = group.loss.wrongRanges.map { Mark.verticalSpan(VerticalSpan(from: $0.from, to: max($0.to, $0.from), color: Color(hex: 0xE8A0A0, alpha: 0.35))) }
            let finite = curves.user.indices.filter { curves.user[$0].isFinite }
            let infinite = curves.user.count - finite.count
            let exact = DataLine(label: "exact", x: curves.x, y: curves.exact, style: SeriesStyle(color: p[0], width: 1.5))
            let user = Scatter(label: "yours", x: finite.map { curves.x[$0] }, y: finite.map { curves.user[$0] }, color: p[1], size: 3)
            let side = AuditFigure.side(group.subject)
            var title = side + (group.loss.matches ? ": matches" : ": does not match")
            if let d = group.loss.deviation { title += " (\(d.name))" }
            if infinite > 0 { title += "\n±∞ on \(infinite) rows, not drawn" }
            top.append(Panel(title: title, x: Axis(label: symbol), y: Axis(label: "loss"),
                             marks: spans + [.line(exact), .scatter(user)], legend: .best))
            let finiteErrors = curves.errorULP.filter(\.isFinite)
            let ceiling = max(10, (finiteErrors.max() ?? 1) * 10)
            let errors = curves.errorULP.map { $0 == 0 ? zeroULP : ($0.isFinite ? $0 : ceiling) }
            bottom.append(Panel(x: Axis(label: symbol), y: Axis(label: "error, ULP of \(format)\n(0 drawn at 0.1, ±∞ at the top)", scale: .log),
                                marks: spans + [.horizontalLine(ReferenceLine(at: 4)),
                                                .scatter(Scatter(label: nil, x: curves.x, y: errors, color: p[1], size: 2.5))],
                                legend: .none))
        }
        let columns = max(1, top.count)
        let title = "Your loss (dots) over the exact one; shaded: off by more than 4 ULP"
        var figure = Figure(width: 5.5 * Double(columns), height: 6, title: title, panels: top + bottom, columns: columns,
                            sharesX: true, theme: theme)
        figure.reflows = false
        return figure
    }

    static func side(_ subject: AuditSubject) -> String {
        switch subject {
        case .generator(let loss): loss.id
        case .discriminatorReal: "real samples"
        case .discriminatorFake: "generated samples"
        }
    }
}
