import ArgumentParser
import LossMath

/// `gan-losses eval`: values and derivatives of losses at given logits or values of D.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate losses and their derivatives at logits or at values of D.",
        discussion: """
            For each loss and point: L, ∂L/∂ℓ and ∂L/∂D (empty for the losses on the raw output, \
            lsgan, wgan, hinge and ragan). Rows come in the order given, loss by loss.

            --d takes values of D(G(z)) in [0, 1]. The logit column shows logit(D), computed stably \
            as log(D) − log1p(−D). Losses defined through D are evaluated in D-space, exactly for \
            the D given; the others at ℓ = logit(D).

            Examples:
              gan-losses eval --loss minimax,nonsat --logit -745,-40,0,40
              gan-losses eval --loss mm --d 1e-3,1e-6,1e-12 --format csv
              gan-losses eval --loss ragan --real-logit 2 --logit=-1
            """)

    @OptionGroup var selection: LossSelection

    @Option(name: .customLong("logit"), parsing: .unconditional,
            help: ArgumentHelp("Comma-separated logits ℓ, such as -745,-40,0,40.", valueName: "x,..."),
            transform: { try NumberList.parse($0, name: "--logit") })
    var logits: [Double]?

    @Option(name: .customLong("d"), parsing: .unconditional,
            help: ArgumentHelp("Comma-separated values of D(G(z)) in [0, 1], such as 1e-3,0.5.", valueName: "p,..."),
            transform: { try NumberList.parse($0, name: "--d") })
    var ds: [Double]?

    @OptionGroup var lossParameters: LossParameterOptions

    @Option(help: "Arithmetic: double (binary64) or float (binary32; inputs are rounded to Float first).")
    var precision: Precision = .double

    @Option(help: "Output format: \(OutputFormat.allValueStrings.joined(separator: ", ")).")
    var format: OutputFormat = .table

    enum Precision: String, NamedArgument {
        case double, float
    }

    func validate() throws {
        switch (logits, ds) {
        case (nil, nil):
            throw ValidationError("give the points with --logit x,... or --d p,..., such as --logit -5,0,5")
        case (.some, .some):
            throw ValidationError("give either --logit or --d, not both")
        default: break
        }
        if let ds, let bad = ds.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw ValidationError("--d \(NumberText.shortest(bad)) is outside [0, 1]; D is a probability")
        }
    }

    func run() throws {
        let parameters = lossParameters.parameters
        var table = Table(columns: ["loss", "logit", "d", "value", "grad_logit", "grad_d"],
                          titles: ["loss", "ℓ", "D", "L", "∂L/∂ℓ", "∂L/∂D"])
        for loss in selection.loss {
            for point in points {
                table.rows.append(row(loss, point, parameters))
            }
        }
        try Output.write(table.render(format))
    }

    /// The points as (logit, D, whether D was given).
    private var points: [(logit: Double, d: Double, givenD: Bool)] {
        if let ds { return ds.map { (Double.logit($0), $0, true) } }
        return (logits ?? []).map { ($0, Double.sigmoid($0), false) }
    }

    private func row(_ loss: GeneratorLoss, _ point: (logit: Double, d: Double, givenD: Bool),
                     _ parameters: LossParameters) -> [Table.Cell] {
        switch precision {
        case .double:
            let e = point.givenD ? loss.evaluate(atD: point.d, parameters: parameters)
                : loss.evaluate(atLogit: point.logit, parameters: parameters)
            return [.text(loss.id), .double(point.logit), .double(point.d), .double(e.value),
                    .double(e.gradientLogit), e.gradientD.map(Table.Cell.double) ?? .absent]
        case .float:
            let logit = Float(point.logit)
            let d = point.givenD ? Float(point.d) : Float.sigmoid(logit)
            let e = point.givenD ? loss.evaluate(atD: d, parameters: parameters)
                : loss.evaluate(atLogit: logit, parameters: parameters)
            return [.text(loss.id), .float(point.givenD ? Float.logit(d) : logit), .float(d), .float(e.value),
                    .float(e.gradientLogit), e.gradientD.map(Table.Cell.float) ?? .absent]
        }
    }
}
