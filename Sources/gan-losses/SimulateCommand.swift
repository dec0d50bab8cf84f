import LossPlotCairo
import ArgumentParser
import Dynamics
import FoundationEssentials
import Glibc
import LossFigures
import LossPlot

/// `gan-losses simulate`: small, exact, deterministic simulations of GAN training.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate training dynamics and write their trajectory (CSV) and figure.",
        discussion: """
            Models:
              dirac           the DiracGAN (Mescheder et al. 2018): data at 0, generator at θ, \
            discriminator D(x) = ψx; gradient steps from (θ, ψ) = (1, 1), simultaneous and \
            alternating, for the games (--loss) minimax, nonsat, wgan, wgan-gp (λ = 1), consensus \
            (consensus optimization on minimax, γ = 1), instance-noise (minimax with Gaussian \
            noise of σ = 1 on both samples), and the non-saturating GAN with R1 below, at and \
            above the critical γ = 1, where the eigenvalues turn real: r1-weak (γ = 0.3), r1 \
            (γ = 1), r1-strong (γ = 3).
              gradient-decay  a fixed 1-D generator against a logistic discriminator trained from \
            scratch by Adam (α = 0.03, β = (0.5, 0.9)) for --steps steps, --runs times with fresh \
            samples (Arjovsky & Bottou 2017, Figures 2 and 3): the generator's gradient norm under \
            the minimax loss falls by orders of magnitude while the non-saturating one grows. The \
            CSV has the geometric mean over the runs and the range.
              mixture         small tanh networks trained on a 1-D mixture of four Gaussians with \
            the objectives minimax, nonsat, wgan-gp (--loss): the modes covered over training.

            The same arguments give the same numbers, bit for bit. With no --csv and no -o the \
            trajectory is printed as CSV.

            Examples:
              gan-losses simulate dirac --loss minimax,r1 --steps 300 --lr 0.1 -o dirac.png
              gan-losses simulate dirac --eigenvalues --lr 0.1
              gan-losses simulate gradient-decay --steps 3000 --runs 5 --csv decay.csv -o decay.pdf
              gan-losses simulate mixture --loss nonsat --steps 2000 --seed 1 -o modes.png
            """)

    enum Model: String, NamedArgument {
        case dirac
        case gradientDecay = "gradient-decay"
        case mixture
    }

    @Argument(help: "The model: dirac, gradient-decay or mixture.")
    var model: Model

    @Option(help: ArgumentHelp("dirac: games (minimax, nonsat, wgan, wgan-gp, consensus, instance-noise, r1-weak, r1, r1-strong); mixture: objectives (minimax, nonsat, wgan-gp). Default all.",
                               valueName: "ids"))
    var loss: String?

    @Option(parsing: .unconditional, help: "Steps (default 300 for dirac, 3000 for gradient-decay, 2000 for mixture; at most 100000, 10000 for mixture).")
    var steps: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Learning rate (default 0.1 for dirac, Adam's 0.03 for gradient-decay, 0.005 for mixture).", valueName: "x"))
    var lr: Double?

    @Option(parsing: .unconditional, help: "gradient-decay and mixture: the seed (default 2017 and 1); gradient-decay's run k uses seed + k.")
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "gradient-decay: independent runs (1 to 20, default 5).")
    var runs: Int?

    @Flag(help: "dirac: instead of the trajectories, the field's linearization at the equilibrium (0, 0) for each game: the eigenvalues of its Jacobian (in closed form) and the spectral radius of a simultaneous and of an alternating step of size --lr (> 1: away, 1: circling, < 1: toward); wgan-gp's row is empty, its field having a kink at ψ = 0.")
    var eigenvalues = false

    @Option(help: ArgumentHelp("Write the trajectory as CSV to this file.", valueName: "path"))
    var csv: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the figure to this file (.png, .svg or .pdf).", valueName: "path"))
    var output: String?

    @OptionGroup var typography: TypographyOptions

    func validate() throws {
        if let steps, !(1...100_000).contains(steps) {
            throw ValidationError("--steps \(steps) is outside 1 to 100000")
        }
        if let lr, !(lr.isFinite && lr > 0 && lr <= 100) {
            throw ValidationError("--lr \(lr) must be a positive number up to 100")
        }
        if model == .gradientDecay, loss != nil {
            throw ValidationError("--loss does not apply to gradient-decay, which always compares minimax and non-saturating")
        }
        if eigenvalues {
            guard model == .dirac else { throw ValidationError("--eigenvalues applies to dirac only") }
            guard output == nil, steps == nil else { throw ValidationError("--eigenvalues prints a table: leave out -o and --steps") }
        }
        if let runs {
            guard model == .gradientDecay else { throw ValidationError("--runs applies to gradient-decay only") }
            guard (1...20).contains(runs) else { throw ValidationError("--runs \(runs) is outside 1 to 20") }
            if runs * (steps ?? GradientDecay.defaultSteps) > 200_000 {
                throw ValidationError("--runs \(runs) × --steps \(steps ?? GradientDecay.defaultSteps) is more than 200000 discriminator steps in all (about 5 s); give fewer")
            }
        }
        if model == .mixture, let steps, steps > 10_000 {
            throw ValidationError("--steps \(steps) is more than 10000 for mixture (the three objectives take about 5 s at 10000)")
        }
        if model == .dirac, let loss { _ = try Self.parseGames(loss) }
        if model == .mixture, let loss { _ = try Self.parseObjectives(loss) }
        if model == .dirac, seed != nil {
            throw ValidationError("--seed does not apply to dirac, which has no randomness")
        }
        if let output {
            let path = RawPath(argument: output)
            guard ImageFormat(pathExtension: path.pathExtension) != nil else {
                throw ValidationError("-o \(path): unknown extension '\(InputText.shown(path.pathExtension))'; use .png, .svg or .pdf")
            }
        }
        for path in [csv, output].compactMap({ $0 }) {
            do { try AtomicFile.checkWritable(RawPath(argument: path)) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        if eigenvalues { return try printEigenvalues() }
        if output != nil { try typography.checkInstalled() }
        // The trajectory as a table, made only when it is printed or written (a million rows
        // take 400 MB and 2 s, for nothing when only the figure is asked for).
        let table: () -> Table
        let figure: Figure
        switch model {
        case .dirac:
            let experiment = DiracRuns(games: try loss.map(Self.parseGames) ?? DiracGAN.Game.allCases,
                                       steps: steps ?? DiracRuns.defaultSteps, learningRate: lr ?? DiracRuns.defaultLearningRate)
            let runs = experiment.run()
            table = {
                var t = Table(columns: ["game", "schedule", "step", "theta", "psi"])
                for run in runs {
                    for (step, point) in run.path.enumerated() {
                        t.rows.append([.text(run.game.rawValue), .text(run.schedule.rawValue), .number(Double(step), String(step)),
                                       .double(point.theta), .double(point.psi)])
                    }
                }
                return t
            }
            figure = DynamicsFigures.diracFields(theme: typography.applied(to: .paper), experiment: experiment, runs: runs)
        case .gradientDecay:
            var decay = GradientDecay()
            if let lr { decay.learningRate = lr }
            if let seed { decay.seed = seed }
            if let runs { decay.runs = runs }
            let progress = ProgressBar(label: "gradient-decay")
            let summaries = decay.run(steps: steps ?? GradientDecay.defaultSteps) { progress.update($0) }
            progress.finish()
            table = {
                var t = Table(columns: ["step", "discriminator_loss", "minimax_grad_norm", "nonsat_grad_norm",
                                        "minimax_grad_norm_min", "minimax_grad_norm_max", "nonsat_grad_norm_min", "nonsat_grad_norm_max"])
                for s in summaries {
                    t.rows.append([.number(Double(s.step), String(s.step)), .double(s.discriminatorLoss),
                                   .double(s.minimax.mean), .double(s.nonsat.mean), .double(s.minimax.low), .double(s.minimax.high),
                                   .double(s.nonsat.low), .double(s.nonsat.high)])
                }
                return t
            }
            figure = DynamicsFigures.gradientDecay(theme: typography.applied(to: .paper), summaries: summaries, runs: decay.runs)
        case .mixture:
            let experiment = MixtureComparison(objectives: try loss.map(Self.parseObjectives) ?? MixtureGAN.Objective.allCases,
                                               steps: steps ?? 2000, learningRate: lr, seed: seed)
            let progress = ProgressBar(label: "mixture")
            let trainings = experiment.run { progress.update($0) }
            progress.finish()
            table = {
                var t = Table(columns: ["objective", "step", "modes_covered", "share_near_modes"] + (1...4).map { "mode\($0)_samples" })
                for training in trainings {
                    for snap in training.snapshots {
                        t.rows.append([.text(training.objective.rawValue), .number(Double(snap.step), String(snap.step)),
                                       .number(Double(snap.modesCovered), String(snap.modesCovered)), .double(snap.shareNearModes)]
                                      + training.model.samplesPerMode(snap.samples).map { .number(Double($0), String($0)) })
                    }
                }
                return t
            }
            figure = DynamicsFigures.modeCollapse(theme: typography.applied(to: .paper), trainings: trainings)
        }
        if csv == nil && output == nil { try Output.write(table().renderCSV()) }
        if let csv { try AtomicFile.write(Array(table().renderCSV().utf8), to: RawPath(argument: csv)) }
        if let output {
            let path = RawPath(argument: output)
            let format = ImageFormat(pathExtension: path.pathExtension) ?? .png
            try AtomicFile.write(try FigureExport.render(figure, formats: [format], dpi: 150, svgText: typography.svgText)[0], to: path)
        }
        for path in [csv, output].compactMap({ $0 }) { try Output.write(line: RawPath(argument: path)) }
    }

    /// `simulate dirac --eigenvalues`: a row per game, the Jacobian's eigenvalues at (0, 0) and the
    /// spectral radius of one step of each schedule.
    private func printEigenvalues() throws {
        let h = lr ?? DiracRuns.defaultLearningRate
        var t = Table(columns: ["game", "eigenvalue1_re", "eigenvalue1_im", "eigenvalue2_re", "eigenvalue2_im",
                                "simultaneous_step_radius", "alternating_step_radius"])
        for game in try loss.map(Self.parseGames) ?? DiracGAN.Game.allCases {
            guard let l = DiracGAN(game: game).linearization(stepSize: h) else {
                t.rows.append([.text(game.rawValue)] + Array(repeating: .absent, count: 6))
                continue
            }
            t.rows.append([.text(game.rawValue), .double(l.eigenvalues[0].re), .double(l.eigenvalues[0].im),
                           .double(l.eigenvalues[1].re), .double(l.eigenvalues[1].im),
                           .double(l.simultaneousRadius), .double(l.alternatingRadius)])
        }
        let text = t.renderCSV()
        if let csv { try AtomicFile.write(Array(text.utf8), to: RawPath(argument: csv)); try Output.write(line: RawPath(argument: csv)) }
        else { try Output.write(text) }
    }

    static func parseObjectives(_ text: String) throws -> [MixtureGAN.Objective] {
        try parseNames(text, kind: "objective")
    }

    static func parseGames(_ text: String) throws -> [DiracGAN.Game] {
        try parseNames(text, kind: "game")
    }

    /// A comma-separated list of names of `T`'s cases, in order, without repeats.
    static func parseNames<T: RawRepresentable & CaseIterable & Equatable>(_ text: String, kind: String) throws -> [T]
        where T.RawValue == String {
        var result: [T] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = item.trimmingSpaces.lowercased()
            guard let value = T(rawValue: name) else {
                throw ValidationError("unknown \(kind) '\(InputText.shown(name))'; the \(kind)s are \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !result.contains(value) { result.append(value) }
        }
        return result
    }
}

/// A one-line progress bar on standard error, shown only on a terminal and only once a run has
/// taken more than a second.
final class ProgressBar: @unchecked Sendable {  // updates come one at a time
    private let label: String
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    init(label: String) { self.label = label }

    func update(_ fraction: Double) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        shown = true
        let width = 30
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        Output.error("\r\(label) [\(bar)] \(Int(fraction * 100))%".replacing("\n", with: ""), newline: false)
    }

    func finish() {
        if shown { Output.error("\r" + String(repeating: " ", count: label.count + 40) + "\r", newline: false) }
    }
}
