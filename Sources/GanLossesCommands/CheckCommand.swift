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

            The discriminator losses (--player d; both players by default), functions of a real \
            logit ℓ_r and a fake logit ℓ_f, are checked the same way on about 40 000 pairs: L_D, \
            ∂L_D/∂ℓ_r, ∂L_D/∂ℓ_f and, where D exists, ∂L_D/∂D_r and ∂L_D/∂D_f. Their subjects are \
            d:bce (the minimax, nonsat and maxlik games), d:bce-smoothed (real target t = 0.9), \
            d:lsgan (a = 0, b = 1), d:lssigmoid, d:wgan, d:hinge and d:ragan (one pair).

            Errors are in ULPs of the exact value where it is a normal number; zero, subnormal and \
            infinite results must match exactly or within one smallest subnormal. Exits 1 if any \
            comparison exceeds its tolerance.
            """)

    @Option(name: .long, help: ArgumentHelp("Comma-separated loss ids or aliases (default: all).", valueName: "ids"),
            transform: LossSelection.parse)
    var loss: [GeneratorLoss] = GeneratorLoss.allCases

    @Option(help: ArgumentHelp("The player: g (generator), d (discriminator or critic); both when not given.", valueName: "g|d"))
    var player: EvalCommand.Player?

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
            if player != .d {
                for loss in loss { comparisons += try AccuracyCheck.run(loss, sweepPoints: points) }
            }
            if player != .g {
                for name in discriminatorReferences { comparisons += try AccuracyCheck.runDiscriminator(name) }
            }
        } catch let error as ReferenceError {
            Output.error("Error: \(error)")
            throw ExitCode.failure
        }
        if accuracy {
            try printAccuracy(comparisons.filter { $0.witnesses == .closedFormVsReference })
            return
        }
        if player != .d { comparisons += AccuracyCheck.runPrimitives(sweepPoints: points) }

        var table = Table(
            columns: ["subject", "witnesses", "quantity", "points", "max_ulp", "max_rel_error", "at_logit", "tolerance_ulp", "ok"],
            titles: ["subject", "witnesses", "quantity", "points", "max ULP", "max rel. error", "at ℓ", "tolerance", "ok"])
        for c in comparisons {
            table.rows.append([
                .text(c.subject), .text(c.precision == .double ? c.witnesses.description : "\(c.witnesses) (\(c.precision))"),
                .text(c.quantity), .number(Double(c.points), String(c.points)),
                c.toleranceULP.isFinite ? .number(c.maxULP, format(c.maxULP, digits: 3)) : .absent,
                .number(c.maxRelativeError, format(c.maxRelativeError, digits: 2, scientific: true)),
                c.worstFakeLogit.map { .text("\(NumberText.shortest(c.worstLogit)), \(NumberText.shortest($0))") } ?? .double(c.worstLogit),
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

    /// The discriminator references of the chosen games (``DiscriminatorReference/losses``): the
    /// BCE games share d:bce and d:bce-smoothed.
    private var discriminatorReferences: [String] {
        let names = loss.flatMap { game -> [String] in
            switch game {
            case .minimax, .nonsat, .maxlik: ["bce", "bce-smoothed"]
            case .lsgan: ["lsgan"]
            case .lssigmoid: ["lssigmoid"]
            case .wgan: ["wgan"]
            case .hinge: ["hinge"]
            case .ragan, .rasgan: ["ragan"]
            case .rsgan, .ralsgan, .rahinge, .ebgan: [game.id]
            case .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN: [game.id]
            }
        }
        return DiscriminatorReference.losses.map(\.name).filter(names.contains)
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
