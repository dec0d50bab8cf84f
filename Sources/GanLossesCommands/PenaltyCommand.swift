import ArgumentParser
import LossMath

/// `gan-losses penalty`: a gradient penalty over a batch, from per-sample gradient norms or
/// per-sample input gradients, beside what the whole-batch-norm mistake gives.
struct PenaltyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penalty",
        abstract: "Evaluate a gradient penalty over a batch (WGAN-GP, one-sided, R1, R2, DRAGAN) and the whole-batch-norm mistake, or LeCam regularization of the outputs.",
        discussion: """
            A gradient penalty is a function of g = ‖∇ₓ c(x)‖, the norm of the critic's (or \
            discriminator's) gradient with respect to its input x, one norm per sample:

              wgan-gp    λ (g − k)²         d/dg = 2λ (g − k)         at interpolates x̂
              one-sided  λ max(0, g − k)²   d/dg = 2λ max(0, g − k)   at interpolates x̂
              r1         (γ/2) g²           d/dg = γ g                at real samples x
              r2         (γ/2) g²           d/dg = γ g                at generated x̃ = G(z)
              dragan     λ (g − k)²         d/dg = 2λ (g − k)         at perturbed real x̂ = x + δ

            WGAN-GP (Gulrajani et al. 2017) takes the gradient at x̂ = εx + (1 − ε)x̃, ε ~ U[0, 1] \
            drawn per sample, between a real x and a generated x̃: the optimal critic has norm 1 \
            on such segments. The one-sided variant charges only norms above k. R1 and R2 \
            (Mescheder et al. 2018, "Which training methods for GANs do actually converge?") pull \
            the norm toward 0 on the real data and on the generated samples. DRAGAN (Kodali et \
            al. 2017) is WGAN-GP's function of g taken near the data: in the authors' code \
            x̂ = x + α·½·std(x)·u, u ~ U[0, 1)ᵈ, α ~ U[0, 1], with λ = 10 and k = 1; compare_gan \
            takes x + std(x)·(u − ½) clipped to [0, 1], with λ = 1 by default (LossMath's \
            DRAGANPerturbation draws both).

            Defaults: λ = 10 and k = 1, as in Algorithm 1 of Gulrajani et al. (2017); γ = 10, the \
            weight in Mescheder et al.'s released configurations (LMescheder/GAN_stability, \
            configs/*.yaml, reg_param: 10). Their code adds reg_param · g², which is (γ/2) g² \
            with γ = 2 · reg_param: to match it, give --gamma 20.

            --norms takes the per-sample norms g ≥ 0, a list or a column of a CSV file \
            (@file.csv, @file.csv:column). --gradients takes the per-sample input gradients, a \
            CSV file with a row per sample and a column per input dimension (an image's \
            gradient flattened into one row; a header row is optional); g is each row's exact \
            Euclidean norm, without the ε that training code adds under the square root, scaled \
            so that no square overflows. Files are streamed, any length.

            The batch penalty P reduces the per-sample penalties by their mean (the default) or \
            sum. Beside it: G, one norm over the whole batch's gradients concatenated, \
            G = √(Σ gᵢ²), and penalty(G), what a training loop that takes that one norm computes \
            (a common mistake). For n samples each of norm 1, G = √n, so WGAN-GP's penalty \
            pushes every norm toward 1/√n instead of 1; for R1 and R2, (γ/2) G² = Σ (γ/2) gᵢ² is \
            the per-sample sum. --per-sample prints each sample's g, penalty(g), d(penalty)/dg \
            and ∂P/∂gᵢ (the slope weighted by 1/n for the mean) instead.

            --kind lecam is not a gradient penalty: LeCam regularization (Tseng et al. 2021) \
            holds the discriminator's outputs near moving averages of the other side's, \
            R = mean max(0, ℓ_r − α_F)² + mean max(0, α_R − ℓ_f)² in the released code \
            (--two-sided: the paper's mean (ℓ_r − α_F)² + mean (ℓ_f − α_R)²), added to L_D as λR \
            with λ = 0.3 (BigGAN CIFAR). It takes --real-logits, --fake-logits and --anchors α_R,α_F.

            Examples:
              gan-losses penalty --norms 0.5,1,2
              gan-losses penalty --kind one-sided --target 2 --norms 0.5,1,3 --per-sample
              gan-losses penalty --kind r1 --gamma 1 --norms @norms.csv:g --reduction sum
              gan-losses penalty --gradients @gradients.csv --format json
              gan-losses penalty --kind r2 --gradients @fake.csv --per-sample --format csv
              gan-losses penalty --kind dragan --norms 0.2,1,1.7
              gan-losses penalty --kind lecam --real-logits 2 --fake-logits 0 --anchors 1,0
            """)

    /// λ of WGAN-GP and the one-sided penalty: Gulrajani et al. (2017), Algorithm 1.
    static let defaultLambda = 10.0
    /// k, the norm of a 1-Lipschitz critic's gradient on the segments (Gulrajani et al. 2017).
    static let defaultTarget = 1.0
    /// γ of R1 and R2: reg_param in LMescheder/GAN_stability's configurations.
    static let defaultGamma = 10.0

    enum Kind: String, NamedArgument {
        case wganGP = "wgan-gp"
        case oneSided = "one-sided"
        case r1, r2, dragan, lecam

        /// The gradient penalty of this kind with the weights given (the defaults where nil); nil
        /// for lecam, which regularizes the outputs.
        func penalty(lambda: Double?, target: Double?, gamma: Double?) -> GradientPenalty? {
            let (lambda, target, gamma) = (lambda ?? defaultLambda, target ?? defaultTarget, gamma ?? defaultGamma)
            return switch self {
            case .wganGP: .twoSided(lambda: lambda, target: target)
            case .oneSided: .oneSided(lambda: lambda, target: target)
            case .r1: .r1(gamma: gamma)
            case .r2: .r2(gamma: gamma)
            case .dragan: .dragan(lambda: lambda, target: target)
            case .lecam: nil
            }
        }
    }

    @Option(help: ArgumentHelp("The penalty: wgan-gp (two-sided), one-sided, r1, r2, dragan, or lecam (on the outputs, not the gradients).", valueName: "kind"))
    var kind: Kind = .wganGP

    @Option(parsing: .unconditional,
            help: ArgumentHelp("wgan-gp, one-sided and dragan: the weight λ ≥ 0 (default 10); lecam: λ (default 0.3).", valueName: "λ"),
            transform: { try NumberList.parseOne($0, name: "--lambda") })
    var lambda: Double?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("wgan-gp, one-sided and dragan: the target norm k > 0 (default 1).", valueName: "k"),
            transform: { try NumberList.parseOne($0, name: "--target") })
    var target: Double?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("r1 and r2: the weight γ ≥ 0 (default 10).", valueName: "γ"),
            transform: { try NumberList.parseOne($0, name: "--gamma") })
    var gamma: Double?

    @Option(name: .customLong("norms"), parsing: .unconditional,
            help: ArgumentHelp("The per-sample gradient norms g ≥ 0: a list or @file.csv[:column].", valueName: "g,...|@file"),
            transform: { try LogitSource.parse($0, name: "--norms") })
    var norms: LogitSource?

    @Option(name: .customLong("gradients"), parsing: .unconditional,
            help: ArgumentHelp("The per-sample input gradients: a CSV file, a row per sample, a column per input dimension.", valueName: "@file.csv"),
            transform: { try GradientRows.parse($0, name: "--gradients") })
    var gradients: GradientRows?

    @Option(name: .customLong("real-logits"), parsing: .unconditional,
            help: ArgumentHelp("lecam: the discriminator's outputs on real samples, a list or @file.csv[:column].", valueName: "x,...|@file"),
            transform: { try LogitSource.parse($0, name: "--real-logits") })
    var realLogits: LogitSource?

    @Option(name: .customLong("fake-logits"), parsing: .unconditional,
            help: ArgumentHelp("lecam: the outputs on generated samples, a list or @file.csv[:column].", valueName: "x,...|@file"),
            transform: { try LogitSource.parse($0, name: "--fake-logits") })
    var fakeLogits: LogitSource?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("lecam: the anchors α_R,α_F, the moving averages of the mean output on real and on generated samples.", valueName: "αR,αF"),
            transform: { try NumberList.parse($0, name: "--anchors") })
    var anchors: [Double]?

    @Flag(name: .customLong("two-sided"), help: "lecam: charge every deviation from the anchors (the paper's formula) instead of the released code's one-sided form.")
    var twoSided = false

    @Option(help: ArgumentHelp("Combine the per-sample penalties by their mean or sum.", valueName: "mean|sum"))
    var reduction: ReductionName = .mean

    @Flag(name: .customLong("per-sample"), help: "Each sample's g, penalty(g), d(penalty)/dg and ∂P/∂gᵢ instead of the batch.")
    var perSample = false

    @Option(help: "Output format: \(OutputFormat.allValueStrings.joined(separator: ", ")).")
    var format: OutputFormat = .table

    func validate() throws {
        if kind == .lecam { return try validateLeCam() }
        guard realLogits == nil, fakeLogits == nil, anchors == nil, !twoSided else {
            throw ValidationError("--real-logits, --fake-logits, --anchors and --two-sided are for --kind lecam, which regularizes the outputs; \(kind.rawValue) takes --norms or --gradients")
        }
        switch (norms, gradients) {
        case (nil, nil):
            throw ValidationError("give the per-sample gradient norms with --norms g,... or the gradients with --gradients @file.csv, such as --norms 0.5,1,2")
        case (.some, .some):
            throw ValidationError("give either --norms or --gradients, not both")
        case (.some, nil), (nil, .some):
            break
        }
        switch kind {
        case .lecam: break
        case .wganGP, .oneSided, .dragan:
            guard gamma == nil else {
                throw ValidationError("--gamma is the weight of r1 and r2; \(kind.rawValue) takes --lambda and --target")
            }
        case .r1, .r2:
            guard lambda == nil, target == nil else {
                throw ValidationError("--lambda and --target are for wgan-gp, one-sided and dragan; \(kind.rawValue) takes --gamma (and pulls the norm toward 0)")
            }
        }
        for (name, weight) in [("--lambda", lambda), ("--gamma", gamma)] {
            if let weight, !(weight.isFinite && weight >= 0) {
                throw ValidationError("\(name) \(NumberText.compact(weight)) must be a finite number ≥ 0 (the penalty's weight), such as \(name) 10")
            }
        }
        if let target, !(target.isFinite && target > 0) {
            throw ValidationError("--target \(NumberText.compact(target)) must be a finite number > 0 (the norm the penalty pulls toward; WGAN-GP's is 1)")
        }
    }

    /// The gradient penalty of --kind with its parameters; nil for lecam, which regularizes the
    /// outputs (``runLeCam()``).
    var penalty: GradientPenalty? { kind.penalty(lambda: lambda, target: target, gamma: gamma) }

    func run() throws {
        guard let penalty else { return try runLeCam() }
        let reduction = reduction.reduction
        // A first pass checks every sample before anything is printed.
        var accumulator = GradientPenaltyAccumulator(penalty: penalty)
        let shape = try forEachSample { g, gradient in
            if let gradient { accumulator.add(gradient: gradient) } else { accumulator.add(norm: g) }
        }
        if perSample { return try writePerSample(accumulator, reduction: reduction) }

        let n = accumulator.count
        var table = Table(columns: ["kind", "samples", "reduction", "penalty", "whole_batch_norm", "whole_batch_penalty"],
                          titles: ["kind", "n", "reduction", "P (per-sample norms)", "G (whole-batch norm)", "penalty(G), the mistake"])
        table.rows.append([.text(kind.rawValue), .number(Double(n), String(n)), .text(reduction.rawValue),
                           .double(accumulator.perSample(reduction: reduction)), .double(accumulator.wholeBatchNorm),
                           .double(accumulator.wholeBatch)])
        try Output.write(table.render(format))
        if format == .table { try Output.write(note(penalty, count: n, shape: shape, reduction: reduction)) }
    }

    /// Calls `body` with each sample's gradient norm g, checked, and with --gradients the
    /// sample's gradient; returns the shape of the gradients read.
    private func forEachSample(_ body: (_ g: Double, _ gradient: GradientNorm?) throws -> Void) throws -> GradientRows.Shape? {
        if let gradients {
            return try gradients.forEach { gradient, _ in try body(gradient.value(), gradient) }
        }
        guard let norms else { return nil }
        try norms.forEach(name: "--norms") { g, position in
            guard g.isFinite && g >= 0 else {
                throw ValidationError("--norms: \(norms.place(position)) is \(NumberText.compact(g)); a gradient norm is a finite number ≥ 0")
            }
            try body(g + 0, nil)  // -0 as 0
        }
        return nil
    }

    /// One row per sample: its index, g, penalty(g), d(penalty)/dg and ∂P/∂gᵢ under `reduction`.
    private func writePerSample(_ accumulator: GradientPenaltyAccumulator, reduction: Reduction) throws {
        let penalty = accumulator.penalty
        var stream = TableStream(columns: ["index", "norm", "penalty", "grad_norm", "grad_batch"],
                                 titles: ["i", "g", "penalty(g)", "d penalty/dg", "∂P/∂gᵢ"],
                                 widths: [9, 24, 24, 24, 24], format: format)
        var index = 0
        _ = try forEachSample { g, gradient in
            let value = gradient.map { penalty.value(gradient: $0) } ?? penalty.value(gradientNorm: g)
            try stream.append([.number(Double(index), String(index)), .double(g), .double(value),
                               .double(penalty.derivative(gradientNorm: g)),
                               .double(accumulator.derivative(gradientNorm: g, reduction: reduction))])
            index += 1
        }
        try stream.finish()
    }

    /// k as text, and k√n (√n for k = 1).
    private static func target(_ k: Double) -> (k: String, root: String) {
        let text = NumberText.compact(k)
        return (text, k == 1 ? "√n" : "\(text)√n")
    }

    /// The lines under the table: what P is, with its parameters and where g is taken, and what
    /// the whole-batch norm does to this penalty.
    private func note(_ penalty: GradientPenalty, count n: Int, shape: GradientRows.Shape?, reduction: Reduction) -> String {
        let samples = "n = \(n) sample\(n == 1 ? "" : "s")"
            + (shape.map { " (gradients of \($0.columns) input dimension\($0.columns == 1 ? "" : "s"))" } ?? "")
        let parameters: String
        let mistake: String
        switch penalty {
        case .twoSided(let lambda, let k), .dragan(let lambda, let k):
            let (k, root) = Self.target(k)
            parameters = "λ = \(NumberText.compact(lambda)), k = \(k)"
            mistake = "For n samples each of norm \(k), G = \(root), so the penalty pushes each norm toward \(k)/√n instead of \(k)."
        case .oneSided(let lambda, let k):
            let (k, root) = Self.target(k)
            parameters = "λ = \(NumberText.compact(lambda)), k = \(k)"
            mistake = "For n samples each of norm \(k), G = \(root): the penalty charges λ(\(root) − \(k))² though no norm is above \(k), and pushes each norm toward \(k)/√n."
        case .r1(let gamma), .r2(let gamma):
            parameters = "γ = \(NumberText.compact(gamma))"
            mistake = "For \(penalty.name) it changes the scale only: (γ/2) G² = Σ (γ/2) gᵢ², the per-sample sum, n times the mean."
        }
        return """

            P = the \(reduction.rawValue) over the \(samples) of \(penalty.formula), \(parameters); each g = ‖∇ₓ c‖ at \(penalty.site).
            G = √(Σ gᵢ²) is one norm over the batch's gradients concatenated, the whole-batch mistake. \(mistake)

            """
    }
}
