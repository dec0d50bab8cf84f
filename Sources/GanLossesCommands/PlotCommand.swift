import LossPlotCairo
import ArgumentParser
import FoundationEssentials
import Glibc
import LossFigures
import LossMath
import LossPlot

/// `gan-losses plot`: draws loss or gradient curves to PNG, SVG or PDF.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Plot either player's losses or their gradients to PNG, SVG or PDF.",
        discussion: """
            --player d draws the discriminator's side instead: for each game, the real sample's \
            term of L_D and the generated sample's, each against the output on that sample (BCE: \
            softplus(−ℓ) and softplus(ℓ); the relativistic halves against the other side's mean 0).

            With no flags beyond --loss it shows the losses against D(G(z)), or against the output ℓ \
            when a critic's loss is among them (lsgan, wgan, hinge, the relativistic and f-GAN games act on a raw output \
            with no sigmoid, so they have no D and --x d with them is an error). --y grad --x logit \
            shows ∂L/∂ℓ against the logit, where the minimax gradient −σ(ℓ) flattens to 0 on the \
            left while the non-saturating −σ(−ℓ) stays at −1; the region D(G(z)) < 0.01 is shaded \
            when a saturating loss is shown. A curve that runs far beyond the others (maxlik's \
            −eˡ) is drawn to the edge and marked as leaving the axes, so that the others stay \
            readable; --y-range shows it all.

            The figure fits its page or the command fails (exit 1) naming what does not fit and \
            the size at which it does: titles and labels are broken into lines, then set smaller \
            down to 80%; a legend that would cover a curve moves outside the axes.

            The format follows the extension of -o (.png, .svg, .pdf). Without -o a PNG named \
            after the losses is written to the current folder and its path printed. The file is \
            written to a temporary name and renamed, so a failure leaves nothing half-written.

            Examples:
              gan-losses plot --loss minimax,nonsat
              gan-losses plot --loss minimax,nonsat --y grad --x logit -o grad.pdf
              gan-losses plot --loss mm,ns --y grad --x logit --width 3.3 --height 2.5 --font serif -o column.pdf
              gan-losses plot --loss mm,ns,maxlik --y both --theme slides -o slides.png
              gan-losses plot --loss mm,ns --y grad-d --x log-d --y-scale symlog --grid
              gan-losses plot --loss mm,ns --y grad --x logit --y-scale log --x-range -30:5
              gan-losses plot --loss mm,ns --y grad --x logit --mark=-4
              gan-losses plot --loss all --legend outside --theme slides-wide -o all.png
              gan-losses plot --loss mm,ns --color black,red --dash solid,dotted --x-label '$D$'
              gan-losses plot --player d --loss ns,lsgan,hinge --y both -o discriminator.pdf
            """)

    @OptionGroup var selection: LossSelection

    @Option(help: ArgumentHelp("The player: g (generator, L_G against the output on a generated sample) or d (discriminator or critic: the real and generated samples' terms of L_D, each against its own output).", valueName: "g|d"))
    var player: EvalCommand.Player = .g

    @Option(name: .customLong("x"), help: "The x axis: d for D(G(z)) in (0, 1), log-d for D on a log axis (from 1e-6), logit-d for D on a logit axis (both ends spread out), logit for ℓ. Default d, or logit when a loss on a critic's raw output (lsgan, wgan, hinge, relativistic, f-GAN) is drawn: a critic has no D.")
    var xOption: LossCurveFigure.XVariable?

    /// The x axis: as given, else D, or the output ℓ when a critic's loss (which has no D) is drawn.
    var x: LossCurveFigure.XVariable {
        xOption ?? (selection.loss.allSatisfy(\.isDefinedThroughD) ? .d : .logit)
    }

    @Option(help: "What to plot: loss, grad (∂L/∂ℓ), grad-d (∂L/∂D, for the losses defined through D), or both (loss and grad in two stacked panels).")
    var y: LossCurveFigure.Quantity = .loss

    @Option(name: .customLong("x-range"), parsing: .unconditional,
            help: ArgumentHelp("The x range lo:hi (default 0:1 for d, 1e-6:1 for log-d, 1e-4:0.9999 for logit-d, -10:10 for logit).", valueName: "lo:hi"),
            transform: { try RangeArgument.parse($0, name: "--x-range") })
    var xRange: ClosedRange<Double>?

    @Option(name: .customLong("y-range"), parsing: .unconditional,
            help: ArgumentHelp("The y range lo:hi (default: the curves over D in [0.01, 0.99], plus 5%, leaving out a curve that runs far beyond the others).", valueName: "lo:hi"),
            transform: { try RangeArgument.parse($0, name: "--y-range") })
    var yRange: ClosedRange<Double>?

    @Option(name: .customLong("y-scale"), help: "The y axis: linear, log (magnitudes |y|), or symlog (linear within ±1, logarithmic beyond, both signs).")
    var yScale: LossCurveFigure.YScale?

    @Flag(name: .customLong("log-y"), help: "The same as --y-scale log.")
    var logY = false

    @Option(help: ArgumentHelp("Where the legend goes: best (inside where it covers nothing, else outside), outside, none, or a position: \(LegendLocation.allCases.map(\.rawValue.hyphenated).joined(separator: ", ")).", valueName: "where"),
            transform: LegendArgument.parse)
    var legend = LegendArgument(.best)

    @Option(name: .customLong("x-label"), help: "The x axis label (math in $…$), instead of the default that names the variable.")
    var xLabel: String?

    @Option(name: .customLong("y-label"), help: "The y axis label (math in $…$), such as '$\\partial L/\\partial D$'.")
    var yLabel: String?

    @Flag(help: "Light grid lines at the major ticks.")
    var grid = false

    @OptionGroup var seriesStyles: SeriesStyleArguments

    @Option(help: "The medium: paper (9-point text, 8 below 4.5 in wide), slides (a 10 × 7.5 in 4:3 slide, 18-point text) or slides-wide (13.33 × 7.5 in, 16:9).")
    var theme: ThemeName = .paper

    @Option(help: "The figure title (math in $…$, such as $\\partial L_G/\\partial\\ell$); long titles are broken into lines.")
    var title: String?

    @Option(parsing: .unconditional, help: "Width in inches (1 to 40; default the theme's: 6.4, 10 for slides, 13.33 for slides-wide; a journal column is 3.3).")
    var width: Double?

    @Option(parsing: .unconditional, help: "Height in inches (1 to 40; default the theme's: 4.8, 1.5 times that with --y both, 7.5 for slides).")
    var height: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Mark the logit ℓ on the curves: a dotted vertical line at ℓ (at D = σ(ℓ) on an axis of D) and a dot on each curve there; gan-losses eval gives the values.", valueName: "ℓ"))
    var mark: Double?

    @Option(parsing: .unconditional, help: "Resolution of PNG output in dots per inch (10 to 1200).")
    var dpi: Double = 150

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .png, .svg or .pdf.", valueName: "path"))
    var output: String?

    @OptionGroup var lossParameters: LossParameterOptions

    @Option(parsing: .unconditional,
            help: ArgumentHelp("With --player d: one-sided label smoothing of the BCE discriminator's real half, t·softplus(−ℓ) + (1 − t)·softplus(ℓ): a real target t, tfgan:ls or torchgan:ls.", valueName: "t|lib:ls"),
            transform: SmoothingArgument.parse)
    var smoothing: LabelSmoothing?

    @OptionGroup var typography: TypographyOptions

    enum ThemeName: String, NamedArgument {
        case paper, slides
        case slidesWide = "slides-wide"
        var theme: Theme {
            switch self {
            case .paper: .paper
            case .slides: .slides
            case .slidesWide: .slidesWide
            }
        }
    }

    func validate() throws {
        _ = try lossParameters.singleRealLogit()
        if smoothing != nil {
            guard player == .d else { throw ValidationError("--smoothing smooths the discriminator's real target: add --player d") }
            if let other = selection.loss.first(where: { !$0.hasValueFunction }) {
                throw ValidationError("--smoothing sets the BCE discriminator's real target (minimax, nonsat, maxlik); \(other.id) has no labels to smooth")
            }
        }
        if x.showsD, let loss = selection.loss.first(where: { !$0.isDefinedThroughD }) {
            throw ValidationError("--x \(x.rawValue): \(loss.id) is a loss on a critic's raw output, with no sigmoid and no D = σ(ℓ) (a critic is not a probability); draw it against the output with --x logit")
        }
        if x.showsD, let r = xRange {
            let (lo, hi) = (r.lowerBound, r.upperBound)
            let fits: Bool, interval: String
            switch x {
            case .d, .logit: (fits, interval) = (lo >= 0 && hi <= 1, "[0, 1]")
            case .logD: (fits, interval) = (lo > 0 && hi <= 1, "(0, 1], since a log axis has no 0")
            case .logitD: (fits, interval) = (lo > 0 && hi < 1, "(0, 1), since a logit axis has neither 0 nor 1")
            }
            guard fits else {
                throw ValidationError("--x-range \(lo):\(hi) is not within \(interval); D(G(z)) is a probability (use --x logit for logits)")
            }
        }
        if logY, let yScale, yScale != .log {
            throw ValidationError("--log-y and --y-scale \(yScale.rawValue) disagree; give one of them")
        }
        if effectiveYScale == .log, let r = yRange, r.lowerBound <= 0 {
            throw ValidationError("--y-range \(r.lowerBound):\(r.upperBound) includes non-positive values, which a log axis cannot show")
        }
        if y == .gradD, let loss = selection.loss.first(where: { !$0.isDefinedThroughD }) {
            throw ValidationError("--y grad-d: \(loss.id) is a loss on the raw output, with no D = σ(ℓ); ∂L/∂D exists for minimax, nonsat, maxlik and lssigmoid (use --y grad for ∂L/∂ℓ)")
        }
        for (name, text) in [("--title", title), ("--x-label", xLabel), ("--y-label", yLabel)] {
            guard let text else { continue }
            do { try MathText.validate(text, subject: "the \(name.dropFirst(2).replacing("-", with: " "))") } catch {
                throw ValidationError("\(name): \(error)")
            }
        }
        try seriesStyles.check(seriesCount: specification.seriesCount)
        if let width, !(width.isFinite && (1...40).contains(width)) {
            throw ValidationError("--width \(width) is outside 1 to 40 inches")
        }
        if let height, !(height.isFinite && (1...40).contains(height)) {
            throw ValidationError("--height \(height) is outside 1 to 40 inches")
        }
        if let mark, !mark.isFinite { throw ValidationError("--mark \(mark) is not a finite logit") }
        guard dpi.isFinite, (10...1200).contains(dpi) else {
            throw ValidationError("--dpi \(dpi) is outside 10 to 1200")
        }
        let (w, h) = (specification.effectiveWidth, specification.effectiveHeight)
        if format == .png {
            try FigureExport.checkRaster(RasterSize(width: w * 72, height: h * 72, dpi: dpi), dpi: dpi, what: "the figure")
        }
        if let output {
            let path = RawPath(argument: output)
            if path.kind == .folder {
                throw ValidationError("-o \(path) is a folder; give a file name such as \(path)/figure.png")
            }
            guard ImageFormat(pathExtension: path.pathExtension) != nil else {
                throw ValidationError("-o \(path): unknown extension '\(InputText.shown(path.pathExtension))'; use .png, .svg or .pdf")
            }
        }
    }

    /// The figure asked for; its size is decided there (as given, else by theme and panels).
    var specification: LossCurveFigure {
        var figure = LossCurveFigure(losses: selection.loss, x: x, quantity: y, xRange: xRange, yRange: yRange,
                                     yScale: effectiveYScale, theme: typography.applied(to: theme.theme), title: title,
                                     width: width, height: height, parameters: lossParameters.parameters(realLabel: smoothing?.realLabel ?? 1))
        figure.legend = legend.placement
        figure.xLabel = xLabel
        figure.yLabel = yLabel
        figure.grid = grid
        figure.player = player == .g ? .generator : .discriminator
        figure.styles = seriesStyles.styles(count: figure.seriesCount)
        figure.mark = mark
        return figure
    }

    /// --y-scale, or log with --log-y, else linear.
    var effectiveYScale: LossCurveFigure.YScale { yScale ?? (logY ? .log : .linear) }

    var format: ImageFormat {
        ImageFormat(pathExtension: path.pathExtension) ?? .png
    }

    /// Where the figure goes: -o, else a name made of the losses in the current folder.
    var path: RawPath { RawPath(argument: output ?? defaultFileName) }

    func run() throws {
        do {
            try AtomicFile.checkWritable(path)
        } catch {
            throw ValidationError("\(error)")
        }
        try AtomicFile.write(try render(format), to: path)
        if output == nil { try Output.write(defaultFileName + "\n") }
    }

    /// The bytes of the figure in `format`: what `run()` writes, and what the explorer serves for
    /// the same options (``CommandQuery``). A figure that cannot be laid out is a usage error.
    func render(_ format: ImageFormat) throws -> [UInt8] {
        let figure: Figure
        do {
            figure = try specification.figure()
        } catch let error as FigureError {
            throw ValidationError("\(error)")
        } catch let error as LossCurveFigure.Problem {
            throw ValidationError("\(error)")
        }
        return try FigureExport.render(figure, formats: [format], dpi: dpi, svgText: typography.svgText)[0]
    }

    var defaultFileName: String {
        "\(selection.loss.map(\.id).joined(separator: "-"))\(player == .d ? "-d" : "")-\(y.rawValue)-vs-\(x.rawValue).png"
    }
}

extension LossCurveFigure.XVariable: NamedArgument {}
extension LossCurveFigure.Quantity: NamedArgument {}
extension LossCurveFigure.YScale: NamedArgument {}
