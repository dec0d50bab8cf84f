import ArgumentParser
import Audit
import LossFigures
import LossMath
import LossPlot
import LossPlotCairo

/// `gan-losses audit`: a user's exported loss values (and autograd gradients) against the exact
/// catalog, or a user's gradient penalty against its per-sample and whole-batch forms.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check your own loss code against the exact catalog: within what error it matches, and which known mistake explains it when it does not.",
        discussion: """
            Export, from PyTorch, TensorFlow or JAX, a CSV with a header and a row per sample: \
            the logit (column logit, or the probability in column d), your loss there (loss, \
            per sample: reduction='none'), and optionally the gradient your autograd gives \
            (grad: ∂loss/∂logit, or ∂loss/∂d). For the discriminator (--player d) add label: 1 \
            for a real sample, 0 for a generated one. Print numbers in full (repr, or %.9g for \
            float32 and %.17g for float64). docs/audit.md shows the export; audit --grid prints \
            logits that reach the tails, where naive code breaks.

            The report: whether each column matches the exact loss within 4 ULP of your format \
            (float32 or float64, detected from the values or given by --precision), the largest \
            and median error in ULP, and when it does not, which known deviation explains it: \
            offset, scale, sign, the other loss, probability space (log of σ instead of the \
            logit), epsilon (and its ε), log clamp, flushed subnormals, smoothing (and its t); \
            the logit ranges where the values go wrong, by how much, and what to write instead. \
            Without --loss it finds the catalog loss the data matches best.

            Gradient penalties: --penalty wgan-gp|one-sided|r1|r2 --value P, with FILE.csv the \
            per-sample input gradients (a row per sample, a column per input dimension, as \
            penalty --gradients takes them), says whether P took one norm per sample (mean or \
            sum) or one norm over the whole batch.

            Exit status: 0 when it matches, 1 when it does not (or the file cannot be read), 64 \
            for bad input: a CI job can run it on every change of the loss code.

            Examples:
              gan-losses audit --grid --precision float > grid.csv
              gan-losses audit --loss nonsat mine.csv
              gan-losses audit mine.csv --format json
              gan-losses audit --loss nonsat --player d disc.csv -o audit.png
              gan-losses audit --penalty wgan-gp --value 0.8123 gradients.csv
            """)

    @Option(help: ArgumentHelp("The catalog loss to compare with (an id of gan-losses list); without it, the one the data matches best.", valueName: "id"))
    var loss: String?

    @Option(help: ArgumentHelp("g: the generator's loss; d: the discriminator's (the file needs a label column).", valueName: "g|d"))
    var player: PlayerName = .g

    @Option(help: ArgumentHelp("The format your numbers were computed in (default: detected from them).", valueName: "float|double"))
    var precision: PrecisionName?

    @Option(help: ArgumentHelp("text for people, json for machines.", valueName: "text|json"))
    var format: ReportFormat = .text

    @Option(name: .short, help: ArgumentHelp("A figure of your values over the exact ones and the error against the logit (.png, .svg, .pdf).", valueName: "file"))
    var output: String?

    @Flag(help: "Print a grid of logits (a CSV column 'logit') dense near 0 and reaching the tails where naive code breaks, for --precision (default float).")
    var grid = false

    @Option(help: ArgumentHelp("Audit a gradient penalty instead: wgan-gp, one-sided, r1, r2 or dragan.", valueName: "kind"))
    var penalty: PenaltyCommand.Kind?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --penalty: your penalty's value over the batch.", valueName: "P"),
            transform: { try NumberList.parseOne($0, name: "--value") })
    var value: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --penalty wgan-gp, one-sided or dragan: λ (default 10).", valueName: "λ"),
            transform: { try NumberList.parseOne($0, name: "--lambda") })
    var lambda: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --penalty r1 or r2: γ (default 10).", valueName: "γ"),
            transform: { try NumberList.parseOne($0, name: "--gamma") })
    var gamma: Double?

    @Argument(help: ArgumentHelp("The CSV file: logit (or d), loss[, grad][, label]; with --penalty the per-sample gradients.", valueName: "FILE.csv"))
    var file: String?

    enum PlayerName: String, NamedArgument { case g, d }
    enum PrecisionName: String, NamedArgument { case float, double }
    enum ReportFormat: String, NamedArgument { case text, json }

    func validate() throws {
        if grid {
            guard file == nil, loss == nil, output == nil, penalty == nil, value == nil else {
                throw ValidationError("--grid prints logits and reads no file: give only --precision with it")
            }
            return
        }
        guard let file else { throw ValidationError("give the CSV file to audit, such as gan-losses audit --loss nonsat mine.csv (audit --grid prints logits to export)") }
        guard !file.isEmpty else { throw ValidationError("the file name is empty") }
        if let penalty {
            guard loss == nil, player == .g, output == nil else {
                throw ValidationError("--penalty audits a gradient penalty: --loss, --player and -o do not apply")
            }
            guard let value, value.isFinite else { throw ValidationError("--penalty needs your penalty's value over the batch, finite, such as --value 0.8123") }
            switch penalty {
            case .lecam: throw Self.noLeCam
            case .wganGP, .oneSided, .dragan: if gamma != nil { throw ValidationError("--gamma is the weight of r1 and r2; \(penalty.rawValue) takes --lambda") }
            case .r1, .r2: if lambda != nil { throw ValidationError("--lambda is the weight of wgan-gp, one-sided and dragan; \(penalty.rawValue) takes --gamma") }
            }
            for (name, weight) in [("--lambda", lambda), ("--gamma", gamma)] {
                if let weight, !(weight.isFinite && weight > 0) { throw ValidationError("\(name) \(NumberText.compact(weight)) must be a finite number > 0") }
            }
            return
        }
        if value != nil || lambda != nil || gamma != nil { throw ValidationError("--value, --lambda and --gamma go with --penalty") }
        if let loss {
            guard let game = GeneratorLoss(id: loss) else {
                throw ValidationError("--loss \(InputText.shown(loss)) is not in the catalog; give one of \(GeneratorLoss.allCases.map(\.id).joined(separator: ", "))")
            }
            if player == .d && game.relativistic != nil {
                throw ValidationError("--loss \(game.id) --player d: the relativistic terms depend on the other side's logits (its mean, or RSGAN's partner), which a row does not carry; audit the generator's, or export the terms of an ordinary loss")
            }
        }
        if let output {
            let path = RawPath(argument: output)
            guard ImageFormat(pathExtension: path.pathExtension) != nil, path.kind != .folder else {
                throw ValidationError("-o \(path): give a file ending in .png, .svg or .pdf")
            }
        }
    }

    func run() throws {
        if grid { return try Output.write(Self.grid(precision: precision == .double ? .double : .float)) }
        guard let file else { return }
        if let penalty { return try auditPenalty(penalty, file: file) }
        let table = try AuditTable(path: file, needsLabel: player == .d)
        let outputPath = output.map { RawPath(argument: $0) }
        if let outputPath {
            do { try AtomicFile.checkWritable(outputPath) } catch { throw ValidationError("\(error)") }
        }
        let audit = LossAudit(abscissa: table.abscissa, x: table.x, loss: table.loss, gradient: table.gradient,
                              isReal: table.label.map { $0.map { $0 == 1 } },
                              precision: precision.map { $0 == .float ? AuditPrecision.float : .double })
        let report: AuditReport
        if let loss, let game = GeneratorLoss(id: loss) {
            report = audit.audit(player == .g ? .generator(game) : .discriminator(game.discriminatorLoss()))
        } else {
            report = audit.bestMatch(player: player == .g ? .generator : .discriminator)
        }
        let text = AuditReportText(report: report, file: file, precisionDetected: precision == nil, abscissa: table.abscissa,
                                   searched: loss == nil)
        if let outputPath {
            let figure = AuditFigure.figure(audit: audit, report: report)
            let format = ImageFormat(pathExtension: outputPath.pathExtension) ?? .png
            try AtomicFile.write(try FigureExport.render(figure, formats: [format], dpi: 150)[0], to: outputPath)
        }
        try Output.write(format == .json ? text.json() : text.text())
        if !report.matches { throw ExitCode.failure }
    }

    /// Logits for an export: 0; ±2⁻²⁰ … ±½ (powers of two, near 0 where cancellation shows);
    /// ±1 … ±50 by ¼; then by 1 to ±120 (float: past σ's underflow at −103.3) or ±750 (double:
    /// past −745). Every one is exact in float32.
    static func grid(precision: AuditPrecision) -> String {
        var values: [Double] = [0]
        values += (1...20).map { Double.pow2(-$0) }
        values += (4...200).map { Double($0) / 4 }
        values += (51...(precision == .float ? 120 : 750)).map(Double.init)
        let all = (values.map { -$0 }.filter { $0 != 0 }.reversed() + values).sorted()
        return "logit\n" + all.map { NumberText.shortest($0) }.joined(separator: "\n") + "\n"
    }
}

private extension Double {
    static func pow2(_ k: Int) -> Double { Double(sign: .plus, exponent: k, significand: 1) }
}
