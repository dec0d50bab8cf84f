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
        abstract: "Plot generator losses or their gradients to PNG, SVG or PDF.",
        discussion: """
            With no flags beyond --loss it shows the losses against D(G(z)). --y grad --x logit \
            shows ∂L/∂ℓ against the logit, where the minimax gradient −σ(ℓ) flattens to 0 on the \
            left while the non-saturating −σ(−ℓ) stays at −1; the region D(G(z)) < 0.01 is shaded \
            when a saturating loss is shown.

            The format follows the extension of -o (.png, .svg, .pdf). Without -o a PNG named \
            after the losses is written to the current folder and its path printed. The file is \
            written to a temporary name and renamed, so a failure leaves nothing half-written.

            Examples:
              gan-losses plot --loss minimax,nonsat
              gan-losses plot --loss minimax,nonsat --y grad --x logit -o grad.pdf
              gan-losses plot --loss mm,ns,maxlik --y both --theme slides -o slides.png
              gan-losses plot --loss mm,ns --y grad --x logit --log-y --x-range -30:5
            """)

    @OptionGroup var selection: LossSelection

    @Option(help: "The x axis: d for D(G(z)) in (0, 1), logit for ℓ.")
    var x: LossCurveFigure.XVariable = .d

    @Option(help: "What to plot: loss, grad (∂L/∂ℓ), or both in two stacked panels.")
    var y: LossCurveFigure.Quantity = .loss

    @Option(name: .customLong("x-range"), parsing: .unconditional,
            help: ArgumentHelp("The x range lo:hi (default 0:1 for d, -10:10 for logit).", valueName: "lo:hi"),
            transform: { try RangeArgument.parse($0, name: "--x-range") })
    var xRange: ClosedRange<Double>?

    @Option(name: .customLong("y-range"), parsing: .unconditional,
            help: ArgumentHelp("The y range lo:hi (default: the curves over D in [0.01, 0.99], plus 5%).", valueName: "lo:hi"),
            transform: { try RangeArgument.parse($0, name: "--y-range") })
    var yRange: ClosedRange<Double>?

    @Flag(name: .customLong("log-y"), help: "Log y axis, showing magnitudes |L| or |∂L/∂ℓ|.")
    var logY = false

    @Option(help: "Sizes for print (paper) or projection (slides).")
    var theme: ThemeName = .paper

    @Option(help: "The figure title (math in $…$, such as $\\partial L_G/\\partial\\ell$).")
    var title: String?

    @Option(parsing: .unconditional, help: "Width in inches (1 to 40; default 6.4, or 8 with --theme slides).")
    var width: Double?

    @Option(parsing: .unconditional, help: "Height in inches (1 to 40; default 4.8, 6 with --theme slides, 1.5 times that with --y both).")
    var height: Double?

    @Option(parsing: .unconditional, help: "Resolution of PNG output in dots per inch (10 to 1200).")
    var dpi: Double = 150

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .png, .svg or .pdf.", valueName: "path"))
    var output: String?

    @OptionGroup var lossParameters: LossParameterOptions

    enum ThemeName: String, NamedArgument {
        case paper, slides
        var theme: Theme { self == .paper ? .paper : .slides }
    }

    func validate() throws {
        if x == .d, let r = xRange, r.lowerBound < 0 || r.upperBound > 1 {
            throw ValidationError("--x-range \(r.lowerBound):\(r.upperBound) leaves (0, 1); D(G(z)) is a probability (use --x logit for logits)")
        }
        if logY, let r = yRange, r.lowerBound <= 0 {
            throw ValidationError("--y-range \(r.lowerBound):\(r.upperBound) includes non-positive values, which a log axis cannot show")
        }
        if let title {
            do { try MathText.validate(title, subject: "the title") } catch { throw ValidationError("--title: \(error)") }
        }
        if let width, !(width.isFinite && (1...40).contains(width)) {
            throw ValidationError("--width \(width) is outside 1 to 40 inches")
        }
        if let height, !(height.isFinite && (1...40).contains(height)) {
            throw ValidationError("--height \(height) is outside 1 to 40 inches")
        }
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
        LossCurveFigure(losses: selection.loss, x: x, quantity: y, xRange: xRange, yRange: yRange,
                        logY: logY, theme: theme.theme, title: title, width: width, height: height,
                        parameters: lossParameters.parameters)
    }

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
        let spec = specification
        let figure: Figure
        do {
            figure = try spec.figure()
        } catch let error as FigureError {
            throw ValidationError("\(error)")
        } catch let error as LossCurveFigure.Problem {
            throw ValidationError("\(error)")
        }
        try AtomicFile.write(try FigureExport.render(figure, formats: [format], dpi: dpi)[0], to: path)
        if output == nil { try Output.write(defaultFileName + "\n") }
    }

    var defaultFileName: String {
        "\(selection.loss.map(\.id).joined(separator: "-"))-\(y.rawValue)-vs-\(x.rawValue).png"
    }
}

extension LossCurveFigure.XVariable: NamedArgument {}
extension LossCurveFigure.Quantity: NamedArgument {}
