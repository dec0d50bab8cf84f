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
            (γ = 1), r1-strong (γ = 3). --gamma and --lambda give R1, consensus and WGAN-GP another \
            weight; --schedule keeps one schedule.
              gradient-decay  a fixed 1-D generator against a logistic discriminator trained from \
            scratch by Adam (α = 0.03, β = (0.5, 0.9)) for --steps steps, --runs times with fresh \
            samples (Arjovsky & Bottou 2017, Figures 2 and 3): the generator's gradient norm under \
            the minimax loss falls by orders of magnitude while the non-saturating one grows. The \
            CSV has the geometric mean over the runs and the range.
              ring            a GAN on eight Gaussians on a circle of radius 2, σ = 0.02 (Metz et al. \
            2017), or the 5×5 grid (--data grid): ReLU networks trained by Adam with the objectives \
            minimax, nonsat, wgan-gp (λ = 0.1, five critic steps) and r1 (non-saturating with \
            R1, γ = 1), each with the same networks and rates (docs/mode-collapse.md). Every 150 \
            steps: the modes covered (at least 1% of 2500 samples within 3σ) and the share of \
            samples within 3σ of a mode. --table trains --runs seeds and prints the summary table \
            of docs/mode-collapse.md (Markdown).

            The same arguments give the same numbers, bit for bit. With no --csv and no -o the \
            trajectory is printed as CSV.

            Animations, for slides: -o run.gif writes an animated GIF (PowerPoint, Keynote, Google \
            Slides), the trajectories growing over --frames frames (default 40) at --fps (default \
            10), the last frame held 2 s; -o run.pdf --frames N a PDF of N pages for beamer's \
            animate package, \\animategraphics[loop,controls]{10}{run}{}{}; -o run.mp4 an H.264 \
            video, encoded by ffmpeg (which must be on PATH). GIF and video frames are drawn at \
            100 dpi. The same arguments give the same GIF and PDF bytes.

            Examples:
              gan-losses simulate dirac --loss minimax,r1 --steps 300 --lr 0.1 -o dirac.png
              gan-losses simulate dirac --eigenvalues --lr 0.1
              gan-losses simulate dirac --loss r1 --gamma 0.5 --schedule alternating -o r1.png
              gan-losses simulate dirac --eigenvalues --loss r1,consensus --gamma 2
              gan-losses simulate gradient-decay --steps 3000 --runs 5 --csv decay.csv -o decay.pdf
              gan-losses simulate ring --loss nonsat,r1 --seed 2 --csv ring.csv -o ring.png
              gan-losses simulate ring --table --runs 5
              gan-losses simulate ring --loss minimax --rates metz -o metz.png
              gan-losses simulate dirac --loss minimax,nonsat,r1 -o dirac.gif
              gan-losses simulate dirac --frames 30 -o dirac-frames.pdf
              gan-losses simulate gradient-decay --frames 60 --fps 15 -o decay.mp4
            """)

    enum Model: String, NamedArgument {
        case dirac
        case gradientDecay = "gradient-decay"
        case ring
    }

    @Argument(help: "The model: dirac, gradient-decay or ring.")
    var model: Model

    @Option(help: ArgumentHelp("dirac: games (minimax, nonsat, wgan, wgan-gp, consensus, instance-noise, r1-weak, r1, r1-strong); ring: objectives (minimax, nonsat, wgan-gp, r1). Default all.",
                               valueName: "ids"))
    var loss: String?

    @Option(parsing: .unconditional, help: "Steps (default 300 for dirac, 3000 for gradient-decay and for ring; at most 100000, 6000 for ring).")
    var steps: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("dirac and gradient-decay: the learning rate (default 0.1 for dirac, Adam's 0.03 for gradient-decay).", valueName: "x"))
    var lr: Double?

    @Option(parsing: .unconditional, help: "gradient-decay and ring: the seed (default 2017 and 1); run k of --runs uses seed + k.")
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "gradient-decay: independent runs (1 to 20, default 5); ring --table: seeds (1 to 10, default 5).")
    var runs: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("dirac: γ of R1 and of consensus, in place of each game's own (0 to 100; with one of r1-weak, r1, r1-strong, which differ only in it); ring: R1's γ (default 1; 0 to 100), needs r1 among the objectives.", valueName: "x"))
    var gamma: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("dirac: WGAN-GP's λ (default 1; 0 to 100), needs wgan-gp among the games; ring: WGAN-GP's λ (default 0.1; 0 to 100), needs wgan-gp among the objectives.", valueName: "x"))
    var lambda: Double?

    @Option(help: ArgumentHelp("dirac: the schedule, simultaneous (both players step from the same point), alternating (the discriminator steps from the generator's new position) or both (the default).", valueName: "name"))
    var schedule: ScheduleChoice?

    @Option(help: ArgumentHelp("ring: the data, ring (eight modes, σ = 0.02) or grid (25 modes on {−4, …, 4}², σ = 0.05; the recipe does not learn it within 6000 steps, see docs/mode-collapse.md).", valueName: "name"))
    var data: RingDataName?

    @Option(help: ArgumentHelp("ring: the learning rates, shared (Adam 10⁻³ for both players, β = (0.5, 0.9), falling to 0 over the second half; the default) or metz (Metz et al.: 10⁻⁴ for the discriminator, 10⁻³ for the generator, β = (0.5, 0.999), constant).", valueName: "name"))
    var rates: RingGAN.Rates?

    @Flag(help: "ring: train --runs seeds from --seed on and print the table of modes covered and samples near modes (Markdown), instead of a trajectory.")
    var table = false

    @Flag(help: "dirac: instead of the trajectories, the field's linearization at the equilibrium (0, 0) for each game: the eigenvalues of its Jacobian (in closed form) and the spectral radius of a simultaneous and of an alternating step of size --lr (> 1: away, 1: circling, < 1: toward); wgan-gp's row is empty, its field having a kink at ψ = 0.")
    var eigenvalues = false

    @Option(help: ArgumentHelp("Write the trajectory as CSV to this file.", valueName: "path"))
    var csv: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the figure to this file (.png, .svg or .pdf), or an animation (.gif, .mp4, or .pdf with --frames).", valueName: "path"))
    var output: String?

    @Option(parsing: .unconditional, help: "Frames of an animation (2 to 200; default 40 for .gif and .mp4); with -o x.pdf, a page per frame.")
    var frames: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Frames per second of a .gif or .mp4 (1 to 50, default 10).", valueName: "x"))
    var fps: Double?

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
        if let runs, model != .ring {
            guard model == .gradientDecay else { throw ValidationError("--runs applies to gradient-decay and ring --table only") }
            guard (1...20).contains(runs) else { throw ValidationError("--runs \(runs) is outside 1 to 20") }
            if runs * (steps ?? GradientDecay.defaultSteps) > 200_000 {
                throw ValidationError("--runs \(runs) × --steps \(steps ?? GradientDecay.defaultSteps) is more than 200000 discriminator steps in all (about 5 s); give fewer")
            }
        }
        if model == .ring { try validateRing() } else {
            for (given, name) in [(data != nil, "--data"), (rates != nil, "--rates"), (table, "--table")] where given {
                throw ValidationError("\(name) applies to ring only")
            }
        }
        if model == .dirac { try validateDirac() } else if schedule != nil {
            throw ValidationError("--schedule applies to dirac only")
        }
        if model == .gradientDecay, let name = gamma != nil ? "--gamma" : lambda != nil ? "--lambda" : nil {
            throw ValidationError("\(name) applies to dirac and ring only")
        }
        if let output {
            _ = try SimulationOutput(path: RawPath(argument: output), frames: frames, fps: fps)
        } else if frames != nil || fps != nil {
            throw ValidationError("\(frames != nil ? "--frames" : "--fps") applies to animations: give -o with .gif, .mp4 or .pdf")
        }
        for path in [csv, output].compactMap({ $0 }) {
            do { try AtomicFile.checkWritable(RawPath(argument: path)) } catch { throw ValidationError("\(error)") }
        }
    }

    /// What a model's run gives the outputs: its trajectory as a table (made only when it is
    /// printed or written: a million rows take 400 MB and 2 s, for nothing when only the figure is
    /// asked for), its figure, and its animation of a given number of frames. A model plugs in
    /// with one of these; the outputs are the same for all.
    struct Outcome {
        var table: () -> Table
        var figure: () -> Figure
        /// Frame k of n: the figure up to the step the frame reaches (`Animation.growing`).
        var animation: (_ frames: Int) -> Animation
    }

    func run() throws {
        if eigenvalues { return try printEigenvalues() }
        if table { return try printRingTable() }
        let destination = try output.map { try SimulationOutput(path: RawPath(argument: $0), frames: frames, fps: fps) }
        var ffmpeg: String?
        if case .video = destination {
            // Before any work: without ffmpeg there will be no video.
            guard let found = VideoExport.ffmpeg(searchPath: SearchPath.environment) else {
                throw VideoExport.missing(RawPath(argument: output!))
            }
            ffmpeg = found
        }
        if output != nil { try typography.checkInstalled() }
        let outcome = try outcome(theme: theme)
        if csv == nil && output == nil { try Output.write(outcome.table().renderCSV()) }
        if let csv { try AtomicFile.write(Array(outcome.table().renderCSV().utf8), to: RawPath(argument: csv)) }
        if let output, let destination {
            let path = RawPath(argument: output)
            let exporter = AnimationExporter(dpi: SimulationOutput.dpi, framesPerSecond: fps ?? SimulationOutput.defaultFPS)
            switch destination {
            case .figure(let format):
                try AtomicFile.write(try render(outcome.figure(), format), to: path)
            case .animation(let format, let frames):
                let animation = Self.reportingProgress(outcome.animation(frames), label: "frames")
                let bytes = try FigureExport.withPolicy(fontFamily: theme.fontFamily) { try exporter.render(animation, format: format) }
                try AtomicFile.write(bytes, to: path)
            case .video(let frames):
                let animation = Self.reportingProgress(outcome.animation(frames), label: "frames")
                try FigureExport.withPolicy(fontFamily: theme.fontFamily) {
                    try VideoExport.write(animation, exporter: exporter, to: path, ffmpeg: ffmpeg!)
                }
            }
        }
        for path in [csv, output].compactMap({ $0 }) { try Output.write(line: RawPath(argument: path)) }
    }

    /// The run of the chosen model with its table, figure and animation (`theme` for the figures).
    func outcome(theme: Theme) throws -> Outcome {
        switch model {
        case .dirac:
            let experiment = try diracExperiment()
            let runs = experiment.run()
            return Outcome(table: {
                var t = Table(columns: ["game", "schedule", "step", "theta", "psi"])
                for run in runs {
                    for (step, point) in run.path.enumerated() {
                        t.rows.append([.text(run.game.rawValue), .text(run.schedule.rawValue), .number(Double(step), String(step)),
                                       .double(point.theta), .double(point.psi)])
                    }
                }
                return t
            }, figure: {
                DynamicsFigures.diracFields(theme: theme, experiment: experiment, runs: runs)
            }, animation: { frames in
                DynamicsFigures.diracAnimation(theme: theme, experiment: experiment, runs: runs, frames: frames)
            })
        case .gradientDecay:
            var decay = GradientDecay()
            if let lr { decay.learningRate = lr }
            if let seed { decay.seed = seed }
            if let runs { decay.runs = runs }
            let progress = ProgressBar(label: "gradient-decay")
            let summaries = decay.run(steps: steps ?? GradientDecay.defaultSteps) { progress.update($0) }
            progress.finish()
            let runCount = decay.runs
            return Outcome(table: {
                var t = Table(columns: ["step", "discriminator_loss", "minimax_grad_norm", "nonsat_grad_norm",
                                        "minimax_grad_norm_min", "minimax_grad_norm_max", "nonsat_grad_norm_min", "nonsat_grad_norm_max"])
                for s in summaries {
                    t.rows.append([.number(Double(s.step), String(s.step)), .double(s.discriminatorLoss),
                                   .double(s.minimax.mean), .double(s.nonsat.mean), .double(s.minimax.low), .double(s.minimax.high),
                                   .double(s.nonsat.low), .double(s.nonsat.high)])
                }
                return t
            }, figure: {
                DynamicsFigures.gradientDecay(theme: theme, summaries: summaries, runs: runCount)
            }, animation: { frames in
                DynamicsFigures.gradientDecayAnimation(theme: theme, summaries: summaries, runs: runCount, frames: frames)
            })
        case .ring:
            let experiment = ringExperiment(seed: seed ?? 1)
            let progress = ProgressBar(label: "ring")
            let trainings = experiment.run { progress.update($0) }
            progress.finish()
            return Outcome(table: {
                let modes = experiment.data.centers.count
                var t = Table(columns: ["objective", "step", "modes_covered", "share_near_modes"] + (1...modes).map { "mode\($0)_samples" })
                for training in trainings {
                    for snap in training.snapshots {
                        let c = snap.coverage
                        t.rows.append([.text(training.objective.rawValue), .number(Double(snap.step), String(snap.step)),
                                       .number(Double(c.modesCovered), String(c.modesCovered)), .double(c.highQualityShare)]
                                      + c.perMode.map { .number(Double($0), String($0)) })
                    }
                }
                return t
            }, figure: {
                DynamicsFigures.modeCollapse(theme: theme, trainings: trainings)
            }, animation: { frames in
                DynamicsFigures.modeCollapseAnimation(theme: theme, trainings: trainings, frames: frames)
            })
        }
    }

    /// The figure of this run in `format`: what `-o f.svg` writes, and what the explorer serves for
    /// the same options (`/dirac.svg?…`, ``CommandQuery``).
    func renderFigure(_ format: ImageFormat) throws -> [UInt8] {
        try render(try outcome(theme: theme).figure(), format)
    }

    /// The theme of this run's figures: the paper's, in the options' typeface.
    var theme: Theme { typography.applied(to: .paper) }

    /// `figure` in `format`, as `-o` writes it (the explorer's live training draws with it too).
    func render(_ figure: Figure, _ format: ImageFormat) throws -> [UInt8] {
        try FigureExport.render(figure, formats: [format], dpi: SimulationOutput.figureDPI, svgText: typography.svgText)[0]
    }

    /// `animation`, with a progress bar (on a terminal, after a second) as its frames are made.
    static func reportingProgress(_ animation: Animation, label: String) -> Animation {
        let progress = ProgressBar(label: label)
        let n = animation.frameCount
        return Animation(frameCount: n, holdsLayout: animation.holdsLayout) { k in
            progress.update(Double(k) / Double(n))
            let figure = try animation.frame(k)
            if k == n - 1 { progress.finish() }
            return figure
        }
    }

    /// `simulate dirac --eigenvalues`: a row per game, the Jacobian's eigenvalues at (0, 0) and the
    /// spectral radius of one step of each schedule.
    private func printEigenvalues() throws {
        let h = lr ?? DiracRuns.defaultLearningRate
        var t = Table(columns: ["game", "eigenvalue1_re", "eigenvalue1_im", "eigenvalue2_re", "eigenvalue2_im",
                                "simultaneous_step_radius", "alternating_step_radius"])
        let experiment = try diracExperiment()
        for game in experiment.games {
            guard let l = experiment.field(of: game).linearization(stepSize: h) else {
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

    static func parseObjectives(_ text: String) throws -> [RingGAN.Objective] {
        try parseNames(text, kind: "objective")
    }

    /// The names of `--data`.
    enum RingDataName: String, NamedArgument {
        case ring, grid
        var data: RingData { self == .ring ? .ring : .grid }
    }

    /// ring's options: the objectives, the steps, and the parameters that apply to them.
    private func validateRing() throws {
        let objectives = try loss.map(Self.parseObjectives) ?? RingGAN.Objective.allCases
        if let steps, steps > 6000 {
            throw ValidationError("--steps \(steps) is more than 6000 for ring (WGAN-GP's five critic steps take about 10 s at 6000)")
        }
        if lr != nil { throw ValidationError("--lr does not apply to ring: every objective trains with the recipe's rates (docs/mode-collapse.md)") }
        if let gamma {
            guard objectives.contains(.r1) else { throw ValidationError("--gamma applies to the r1 objective, which --loss leaves out") }
            guard gamma.isFinite, (0...100).contains(gamma) else { throw ValidationError("--gamma \(gamma) is outside 0 to 100") }
        }
        if let lambda {
            guard objectives.contains(.wgangp) else { throw ValidationError("--lambda applies to the wgan-gp objective, which --loss leaves out") }
            guard lambda.isFinite, (0...100).contains(lambda) else { throw ValidationError("--lambda \(lambda) is outside 0 to 100") }
        }
        if table {
            guard csv == nil, output == nil else { throw ValidationError("--table prints a table: leave out --csv and -o") }
            if let runs, !(1...10).contains(runs) { throw ValidationError("--runs \(runs) is outside 1 to 10") }
        } else if runs != nil {
            throw ValidationError("--runs applies to ring with --table only")
        }
    }

    /// The ring experiment of the options, from `seed`.
    func ringExperiment(seed: UInt64) -> RingComparison {
        let (gamma, lambda) = (gamma, lambda)
        let objectives = (try? loss.map(Self.parseObjectives)).flatMap { $0 } ?? RingGAN.Objective.allCases
        return RingComparison(objectives: objectives,
                              data: (data ?? .ring).data, steps: steps, rates: rates ?? .shared, seed: seed) { gan in
            if let gamma { gan.gamma = gamma }
            if let lambda { gan.lambda = lambda }
        }
    }

    /// `simulate ring --table`: trains --runs seeds and prints their summary as Markdown.
    private func printRingTable() throws {
        let first = seed ?? 1, count = runs ?? 5
        let progress = ProgressBar(label: "ring")
        var runs: [[RingComparison.Training]] = []
        for k in 0..<count {
            runs.append(ringExperiment(seed: first + UInt64(k)).run { progress.update((Double(k) + $0) / Double(count)) })
        }
        progress.finish()
        try Output.write(RingTable(RingSummary(runs: runs)).markdown)
    }

    /// The values of `--schedule`.
    enum ScheduleChoice: String, NamedArgument {
        case simultaneous, alternating, both
        var schedules: [DiracGAN.Schedule] {
            switch self {
            case .simultaneous: [.simultaneous]
            case .alternating: [.alternating]
            case .both: DiracGAN.Schedule.allCases
            }
        }
    }

    /// dirac's options: the games, and the weights and schedule that apply to them.
    private func validateDirac() throws {
        let games = try loss.map(Self.parseGames) ?? DiracGAN.Game.allCases
        if let gamma {
            let weighted = games.filter { $0.gamma != nil }
            guard !weighted.isEmpty else { throw ValidationError("--gamma applies to r1-weak, r1, r1-strong and consensus, which --loss leaves out") }
            guard weighted.filter({ $0 != .consensus }).count < 2 else {
                throw ValidationError("--gamma gives r1-weak, r1 and r1-strong the same γ, and they differ only in it: choose one of them")
            }
            guard gamma.isFinite, (0...100).contains(gamma) else { throw ValidationError("--gamma \(gamma) is outside 0 to 100") }
        }
        if let lambda {
            guard games.contains(.wgangp) else { throw ValidationError("--lambda applies to wgan-gp, which --loss leaves out") }
            guard lambda.isFinite, (0...100).contains(lambda) else { throw ValidationError("--lambda \(lambda) is outside 0 to 100") }
        }
        if eigenvalues, schedule != nil {
            throw ValidationError("--schedule does not apply to --eigenvalues, whose table has a column for each schedule")
        }
        if seed != nil { throw ValidationError("--seed does not apply to dirac, which has no randomness") }
    }

    /// The DiracGAN experiment of the options.
    private func diracExperiment() throws -> DiracRuns {
        DiracRuns(games: try loss.map(Self.parseGames) ?? DiracGAN.Game.allCases,
                  steps: steps ?? DiracRuns.defaultSteps, learningRate: lr ?? DiracRuns.defaultLearningRate,
                  schedules: (schedule ?? .both).schedules, gamma: gamma, lambda: lambda)
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

extension RingGAN.Rates: NamedArgument {}
