import FoundationEssentials
import Glibc
import ArgumentParser
import LossMath
import LossPlot

/// `gan-losses check`: the three witnesses of every derivative, compared.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare closed forms, automatic differentiation and a 60-digit reference.",
        discussion: """
            For each loss: the closed-form L, ∂L/∂ℓ and ∂L/∂D in Double and in Float against the \
            reference vectors (about 110 000 logits from the smallest subnormal to the largest double; \
            \(Int(AccuracyCheck.closedFormTolerance)) ULP allowed), ∂L/∂ℓ and ∂L/∂D by automatic \
            differentiation of the textbook expression against the reference (for |ℓ| ≤ 709, where \
            the textbook eˡ does not overflow), and closed form \
            against autodiff over a sweep of --points logits (\(Int(AccuracyCheck.autodiffTolerance)) \
            ULP allowed). Then the primitives: central finite differences of softplus and σ.

            Errors are in ULPs of the exact value where it is a normal number; zero, subnormal and \
            infinite results must match exactly or within one smallest subnormal. Exits 1 if any \
            comparison exceeds its tolerance.
            """)

    @Option(name: .long, help: ArgumentHelp("Comma-separated loss ids or aliases (default: all).", valueName: "ids"),
            transform: LossSelection.parse)
    var loss: [GeneratorLoss] = GeneratorLoss.allCases

    @Option(parsing: .unconditional, help: "Logits in the closed-form-vs-autodiff sweep (4 to 1000000).")
    var points: Int = 10_001

    @Option(help: "Output format: \(OutputFormat.allValueStrings.joined(separator: ", ")).")
    var format: OutputFormat = .table

    @Flag(help: "Only the closed forms against the reference, per loss, quantity and type: the largest error in ULPs and the share correctly rounded.")
    var accuracy = false

    func validate() throws {
        guard (4...1_000_000).contains(points) else {
            throw ValidationError("--points \(points) is out of range; give a count from 4 to 1000000")
        }
    }

    func run() throws {
        var comparisons: [AccuracyCheck.Comparison] = []
        do {
            for loss in loss { comparisons += try AccuracyCheck.run(loss, sweepPoints: points) }
        } catch let error as ReferenceError {
            Output.error("Error: \(error)")
            throw ExitCode.failure
        }
        if accuracy {
            try printAccuracy(comparisons.filter { $0.witnesses == .closedFormVsReference })
            return
        }
        comparisons += AccuracyCheck.runPrimitives(sweepPoints: points)

        var table = Table(
            columns: ["subject", "witnesses", "quantity", "points", "max_ulp", "max_rel_error", "at_logit", "tolerance_ulp", "ok"],
            titles: ["subject", "witnesses", "quantity", "points", "max ULP", "max rel. error", "at ℓ", "tolerance", "ok"])
        for c in comparisons {
            table.rows.append([
                .text(c.subject), .text(c.precision == .double ? c.witnesses.description : "\(c.witnesses) (\(c.precision))"),
                .text(c.quantity), .number(Double(c.points), String(c.points)),
                c.toleranceULP.isFinite ? .number(c.maxULP, format(c.maxULP, digits: 3)) : .absent,
                .number(c.maxRelativeError, format(c.maxRelativeError, digits: 2, scientific: true)),
                .double(c.worstLogit),
                .text(c.toleranceULP.isFinite ? "\(format(c.toleranceULP, digits: 1)) ULP"
                      : "\(format(c.toleranceRelative, digits: 1, scientific: true)) rel."),
                .text(c.passed ? "ok" : (c.failedSpecialPoints > 0 ? "FAIL (\(c.failedSpecialPoints) special)" : "FAIL")),
            ])
        }
        try Output.write(table.render(format))
        let failed = comparisons.filter { !$0.passed }.count
        if format == .table {
            try Output.write(failed == 0 ? "\nall \(comparisons.count) comparisons within tolerance\n"
                         : "\n\(failed) of \(comparisons.count) comparisons out of tolerance\n")
        }
        if failed > 0 { throw ExitCode.failure }
    }

    /// The per-loss accuracy table of `--accuracy`.
    private func printAccuracy(_ comparisons: [AccuracyCheck.Comparison]) throws {
        var table = Table(columns: ["loss", "quantity", "type", "points", "max_ulp", "correctly_rounded", "ok"],
                          titles: ["loss", "quantity", "type", "points", "max ULP", "correctly rounded", "ok"])
        for c in comparisons {
            table.rows.append([.text(c.subject), .text(c.quantity), .text(c.precision.description),
                               .number(Double(c.points), String(c.points)),
                               .number(c.maxULP, format(c.maxULP, digits: 3)),
                               format == .table ? .number(c.correctlyRoundedShare, format(100 * c.correctlyRoundedShare, digits: 1) + "%")
                                   : .double(c.correctlyRoundedShare),
                               .text(c.passed ? "ok" : (c.failedSpecialPoints > 0 ? "FAIL (\(c.failedSpecialPoints) special)" : "FAIL"))])
        }
        try Output.write(table.render(format))
        if comparisons.contains(where: { !$0.passed }) { throw ExitCode.failure }
    }

    /// A short fixed-point or scientific rendering for the table (the CSV keeps it too).
    private func format(_ x: Double, digits: Int, scientific: Bool = false) -> String {
        guard x.isFinite else { return NumberText.shortest(x) }
        return String(cFormat: scientific ? "%.\(digits)e" : "%.\(digits)f", x)
    }
}
