import ArgumentParser
import LossMath

/// `gan-losses eval`: values and derivatives of either player's loss at given logits, or a game's
/// objectives over a batch.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate either player's loss and its derivatives, or a game's objectives over a batch.",
        discussion: """
            A loss id names a game; each game has two players. The generator (--player g, the \
            default) is evaluated at the discriminator's logit ℓ on a generated sample, or at \
            D = σ(ℓ): L, ∂L/∂ℓ and ∂L/∂D. --d takes values of D(G(z)) in [0, 1]; the games whose \
            discriminator is a critic on a raw output (lsgan, wgan, hinge, the relativistic and f-GAN games) have no D, and \
            --d with them is an error.

            The discriminator (--player d) is evaluated at pairs of logits, ℓ_r on a real sample \
            and ℓ_f on a generated one: L_D, ∂L_D/∂ℓ_r, ∂L_D/∂ℓ_f. The lists pair up in order; a \
            list of one value is used with every value of the other. The BCE games (minimax, \
            nonsat, maxlik) share L_D = softplus(−ℓ_r) + softplus(ℓ_f) = −log D(x) − log(1 − D(G(z))); \
            --smoothing sets the real target t (0.9), or converts a library's setting: \
            tfgan:ls gives t = 1 − ls/2 (TF-GAN smooths toward ½), torchgan:ls gives t = 1 − ls.

            --batch gives the objectives over batches of logits, both players at once: \
            L_D (reduce_i real(ℓ_r,i) + reduce_j fake(ℓ_f,j)), L_G, and for the BCE games \
            V(D, G) = mean log D(x) + mean log(1 − D(G(z))). --real-logits and --fake-logits \
            take a list or a column of a CSV file, @file.csv (one column) or @file.csv:name \
            (the column with that header); files are streamed, any length. --per-sample prints \
            ∂L_D/∂ℓ and ∂L_G/∂ℓ for every logit instead. --weight scales each side's half of L_D \
            and L_G as TF-GAN's real_weights and generated_weights do (V is not weighted).

            Each table ends with where the discriminator settles when the generator has won: L_D \
            at ℓ_r = ℓ_f = ℓ*. For BCE that is 2 log 2 ≈ 1.386 at D = ½, the equilibrium and not a \
            discriminator that is stuck.

            Examples:
              gan-losses eval --loss minimax,nonsat --logit -745,-40,0,40
              gan-losses eval --loss mm --d 1e-3,1e-6,1e-12 --format csv
              gan-losses eval --loss ragan --real-logit 2 --logit=-1
              gan-losses eval --player d --loss nonsat,wgan --real-logit 3 --fake-logit=-3,0,3
              gan-losses eval --player d --loss ns --smoothing tfgan:0.25 --real-logit 0,2 --fake-logit=-2
              gan-losses eval --player d --loss mm,lssigmoid --grad-d --real-logit 1 --fake-logit=-1 --format csv
              gan-losses eval --batch --loss minimax,hinge --real-logits 1.2,0.4,2 --fake-logits=-1,0.3
              gan-losses eval --batch --loss ns --real-logits @scores.csv:real --fake-logits @scores.csv:fake
              gan-losses eval --batch --loss ns --reduction sum --weight real:1,fake:0.5 --real-logits 2,3 --fake-logits=-1
            """)

    @OptionGroup var selection: LossSelection

    @Option(help: ArgumentHelp("The player: g (generator) or d (discriminator or critic).", valueName: "g|d"))
    var player: Player = .g

    @Flag(help: "Both players' objectives over batches of logits (--real-logits, --fake-logits).")
    var batch = false

    @Option(name: .customLong("logit"), parsing: .unconditional,
            help: ArgumentHelp("Generator: comma-separated logits ℓ, such as -745,-40,0,40.", valueName: "x,..."),
            transform: { try NumberList.parse($0, name: "--logit") })
    var logits: [Double]?

    @Option(name: .customLong("d"), parsing: .unconditional,
            help: ArgumentHelp("Generator: comma-separated values of D(G(z)) in [0, 1], such as 1e-3,0.5.", valueName: "p,..."),
            transform: { try NumberList.parse($0, name: "--d") })
    var ds: [Double]?

    @Option(name: .customLong("fake-logit"), parsing: .unconditional,
            help: ArgumentHelp("Discriminator: comma-separated logits ℓ_f on generated samples (ℓ_r: --real-logit).", valueName: "x,..."),
            transform: { try NumberList.parse($0, name: "--fake-logit") })
    var fakeLogits: [Double]?

    @Option(name: .customLong("real-logits"), parsing: .unconditional,
            help: ArgumentHelp("Batch: the real samples' logits, a list or @file.csv[:column].", valueName: "x,...|@file"),
            transform: { try LogitSource.parse($0, name: "--real-logits") })
    var realBatch: LogitSource?

    @Option(name: .customLong("fake-logits"), parsing: .unconditional,
            help: ArgumentHelp("Batch: the generated samples' logits, a list or @file.csv[:column].", valueName: "x,...|@file"),
            transform: { try LogitSource.parse($0, name: "--fake-logits") })
    var fakeBatch: LogitSource?

    @Option(help: ArgumentHelp("Batch: combine the per-sample losses by their mean or sum.", valueName: "mean|sum"))
    var reduction: ReductionName = .mean

    @Flag(name: .customLong("grad-d"),
          help: "Discriminator: also ∂L_D/∂D_r and ∂L_D/∂D_f at D = σ(ℓ) (empty for the critics, which have no D).")
    var gradD = false

    @Flag(name: .customLong("per-sample"), help: "Batch: ∂L_D/∂ℓ and ∂L_G/∂ℓ for every logit instead of the objectives.")
    var perSample = false

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Batch: weights of the real and generated halves of L_D and L_G (TF-GAN's real_weights, generated_weights): w, real:w, fake:w or real:w,fake:w.", valueName: "w|side:w,..."),
            transform: WeightArgument.parse)
    var weight: SideWeights?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("One-sided label smoothing of the BCE discriminator: a real target t, tfgan:ls or torchgan:ls.", valueName: "t|lib:ls"),
            transform: SmoothingArgument.parse)
    var smoothing: LabelSmoothing?

    @OptionGroup var lossParameters: LossParameterOptions

    @Option(help: "Arithmetic: double (binary64) or float (binary32; inputs are rounded to Float first).")
    var precision: Precision = .double

    @Option(help: "The formula: stable (the tool's, from the logit) or naive (the textbook log(1 − σ(ℓ)) and −log σ(ℓ) of minimax and nonsat, values only), to see where naive code breaks, e.g. --precision float --form naive --logit=-100,20.")
    var form: Form = .stable

    @Option(help: "Output format: \(OutputFormat.allValueStrings.joined(separator: ", ")).")
    var format: OutputFormat = .table

    /// `--form`: the tool's stable formulas, or the textbook ones that fail (``Naive``).
    enum Form: String, NamedArgument {
        case stable, naive
    }

    enum Player: String, NamedArgument {
        case g, d
    }

    enum Precision: String, NamedArgument {
        case double, float
    }

    func validate() throws {
        let generatorPoints = logits != nil || ds != nil
        if form == .naive {
            guard !batch, player == .g, ds == nil else {
                throw ValidationError("--form naive evaluates the generator's textbook formulas at logits: give --logit, without --batch, --player d or --d")
            }
            if let other = selection.loss.first(where: { ![.minimax, .nonsat].contains($0) }) {
                throw ValidationError("--form naive: the textbook formulas are minimax's log(1 − σ(ℓ)) and nonsat's −log σ(ℓ); \(other.id) has none here")
            }
        }
        if batch {
            guard !generatorPoints, fakeLogits == nil else {
                throw ValidationError("--batch takes --real-logits and --fake-logits (with an s), not --logit, --d or --fake-logit")
            }
            guard realBatch != nil, fakeBatch != nil else {
                throw ValidationError("--batch needs both --real-logits and --fake-logits, such as --real-logits 1,2 --fake-logits=-1,0")
            }
            guard precision == .double else { throw ValidationError("--batch computes in double precision; leave out --precision float") }
            guard !gradD else { throw ValidationError("--grad-d is for --player d at pairs of logits; --batch gives ∂L/∂ℓ per sample with --per-sample") }
            if weight != nil && selection.loss.contains(.rsgan) {
                throw ValidationError("--weight scales the real and generated halves of L_D and L_G; rsgan's terms are per pair, with no halves: leave out --weight or rsgan")
            }
            try checkSmoothing()
            return
        }
        guard realBatch == nil, fakeBatch == nil, !perSample, weight == nil else {
            throw ValidationError("--real-logits, --fake-logits, --per-sample and --weight go with --batch")
        }
        switch player {
        case .g:
            guard fakeLogits == nil, smoothing == nil, !gradD else {
                throw ValidationError("--fake-logit, --smoothing and --grad-d are for the discriminator: add --player d (the generator's table has ∂L/∂D already)")
            }
            _ = try lossParameters.singleRealLogit()
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
            if ds != nil, let critic = selection.loss.first(where: { !$0.isDefinedThroughD }) {
                throw ValidationError(Self.noD(critic))
            }
        case .d:
            guard !generatorPoints else {
                throw ValidationError("the discriminator is evaluated at pairs of logits: give --real-logit and --fake-logit, not --logit or --d")
            }
            guard let fakeLogits else {
                throw ValidationError("--player d needs --fake-logit (and --real-logit, default 0), such as --real-logit 2 --fake-logit=-1")
            }
            let real = lossParameters.realLogits
            guard real.count == fakeLogits.count || real.count == 1 || fakeLogits.count == 1 else {
                throw ValidationError("--real-logit has \(real.count) values and --fake-logit \(fakeLogits.count); give lists of equal length, or one value for every pair")
            }
            guard !fakeLogits.contains(where: \.isNaN) else { throw ValidationError("--fake-logit must be numbers, not nan") }
            if gradD, selection.loss.allSatisfy({ !$0.discriminatorLoss().hasProbability }) {
                let ids = selection.loss.map(\.id).joined(separator: ", ")
                throw ValidationError("--grad-d: the discriminators of \(ids) are critics on a raw output, with no D = σ(ℓ); leave out --grad-d")
            }
            try checkSmoothing()
        }
    }

    /// Why `loss` takes no --d.
    static func noD(_ loss: GeneratorLoss) -> String {
        switch loss {
        case .ragan, .rsgan, .rasgan, .ralsgan, .rahinge:
            "\(loss.id) has no D of its own: it compares a critic's raw outputs, ℓ − ℓ_r; give --logit"
        case .ebgan:
            "ebgan's discriminator outputs an energy (lower is more real), not a probability D; give --logit with the energies"
        default:
            "\(loss.id) is a loss on a critic's raw output, with no sigmoid and no D = σ(ℓ) (a critic is not a probability); give --logit"
        }
    }

    /// Label smoothing is for the BCE games.
    private func checkSmoothing() throws {
        guard smoothing != nil, let other = selection.loss.first(where: { !$0.hasValueFunction }) else { return }
        throw ValidationError("--smoothing sets the BCE discriminator's real target (minimax, nonsat, maxlik); \(other.id) has no labels to smooth")
    }

    func run() throws {
        if batch { return try runBatch() }
        switch player {
        case .g: try runGenerator()
        case .d: try runDiscriminator()
        }
    }

    /// The parameters with the real target of --smoothing.
    var parameters: LossParameters {
        lossParameters.parameters(realLabel: smoothing?.realLabel ?? 1)
    }

    // MARK: The generator

    private func runGenerator() throws {
        let parameters = parameters
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
        if form == .naive { return naiveRow(loss, point.logit) }
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

    /// The textbook formula's value at `logit` (minimax and nonsat only: validated), in the chosen
    /// precision, with the naive σ as D; no derivatives.
    private func naiveRow(_ loss: GeneratorLoss, _ logit: Double) -> [Table.Cell] {
        let nonsat = loss == .nonsat
        switch precision {
        case .double:
            return [.text(loss.id), .double(logit), .double(Naive.sigmoid(logit)),
                    .double(nonsat ? Naive.nonsat(logit) : Naive.minimax(logit)), .absent, .absent]
        case .float:
            let l = Float(logit)
            return [.text(loss.id), .float(l), .float(Naive.sigmoid(l)), .float(nonsat ? Naive.nonsat(l) : Naive.minimax(l)), .absent, .absent]
        }
    }
}
