import ArgumentParser
import LossFigures
import LossMath
import LossPlot
import LossPlotCairo

/// `gan-losses distances`: the WGAN paper's Example 1 at one θ, as numbers or as a figure.
struct DistancesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distances",
        abstract: "Distances between two parallel lines at θ (the WGAN paper's Example 1): W, JS, TV, KL and their derivatives.",
        discussion: """
            P₀ is uniform on the segment {0} × [0, 1] and P_θ on {θ} × [0, 1]. For θ ≠ 0 the \
            supports are disjoint: JS = log 2, TV = 1 and KL = +∞ whatever θ, so their derivatives \
            in θ are 0 and a generator learning θ gets no gradient from them, while the Wasserstein \
            (earth mover's) distance W = |θ| has the derivative sign θ everywhere but at 0. At \
            θ = 0 all four are 0, and none has a derivative there (W has a kink, the others jump),             which the table leaves empty.

            Prints the four and their derivatives at θ (--format table, csv or json); with -o, \
            draws the figure instead: the supports and the optimal plan, the distances against θ \
            and their derivatives, θ marked (the explorer's distances view).

            Examples:
              gan-losses distances --theta 0.4
              gan-losses distances --theta=-0.25 -o parallel-lines.pdf
              gan-losses distances --theta 0.4 --theme slides-wide -o parallel-lines.png
              gan-losses distances --theta 0.4 --width 3.3 --height 5 -o column.pdf
            """)

    @Option(parsing: .unconditional, help: ArgumentHelp("The distance θ between the lines, in [−1, 1].", valueName: "θ"))
    var theta: Double = 0.5

    @Option(help: "Output format: \(OutputFormat.allValueStrings.joined(separator: ", ")).")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the figure to this file (.png, .svg or .pdf) instead of printing the values.", valueName: "path"))
    var output: String?

    @Option(help: "With -o: sizes for print (paper, 13 × 4.5 in) or projection (a slide).")
    var theme: PlotCommand.ThemeName = .paper

    @Option(parsing: .unconditional, help: "With -o: the width in inches (1 to 40; default the theme's); the panels reflow where three do not fit.")
    var width: Double?

    @Option(parsing: .unconditional, help: "With -o: the height in inches (1 to 40; default the theme's).")
    var height: Double?

    @OptionGroup var typography: TypographyOptions

    func validate() throws {
        guard theta.isFinite, (-1...1).contains(theta) else {
            throw ValidationError("--theta \(NumberText.shortest(theta)) is outside [−1, 1], the range the figure shows")
        }
        for (name, value) in [("--width", width), ("--height", height)] {
            if let value, !(value.isFinite && (1...40).contains(value)) {
                throw ValidationError("\(name) \(NumberText.shortest(value)) is outside 1 to 40 inches")
            }
        }
        if let output {
            let path = RawPath(argument: output)
            guard ImageFormat(pathExtension: path.pathExtension) != nil else {
                throw ValidationError("-o \(path): unknown extension '\(InputText.shown(path.pathExtension))'; use .png, .svg or .pdf")
            }
            do { try AtomicFile.checkWritable(path) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        guard let output else { return try Output.write(table.render(format)) }
        let path = RawPath(argument: output)
        try typography.checkInstalled()
        try AtomicFile.write(try renderFigure(ImageFormat(pathExtension: path.pathExtension) ?? .png), to: path)
        try Output.write(line: path)
    }

    /// The figure's bytes in `format`: what `-o` writes, and what the explorer serves. At the
    /// theme's own size a figure that needs more room is drawn at the least size that holds it,
    /// as `figures` does, with a note on standard error; at a size given, it fails.
    func renderFigure(_ format: ImageFormat) throws -> [UInt8] {
        let figure = ParallelLinesFigure.figure(theta: theta, theme: typography.applied(to: theme.theme), width: width, height: height)
        let drawn = try FigureExport.renderFitting(figure, formats: [format], dpi: SimulationOutput.figureDPI, svgText: typography.svgText,
                                                   sizeGiven: width != nil || height != nil, name: "parallel-lines")
        if let note = drawn.note { Output.error("note: \(note)") }
        return drawn.files[0]
    }

    /// Each distance at θ and its derivative in θ; none has one at θ = 0 (W has a kink there, the
    /// others jump), nor has KL anywhere (it is +∞ on both sides).
    var table: Table {
        var t = Table(columns: ["distance", "theta", "value", "derivative"], titles: ["distance", "θ", "value", "d/dθ"])
        let rows: [(String, Double, Double?)] = [
            ("W", ParallelLines.wasserstein(theta), ParallelLines.wassersteinDerivative(theta)),
            ("JS", ParallelLines.jensenShannon(theta), ParallelLines.jensenShannonDerivative(theta)),
            ("TV", ParallelLines.totalVariation(theta), 0),
            ("KL", ParallelLines.kullbackLeibler(theta), nil),
        ]
        t.rows = rows.map { name, value, derivative in
            [.text(name), .double(theta), .double(value), theta == 0 ? .absent : derivative.map(Table.Cell.double) ?? .absent]
        }
        return t
    }
}
