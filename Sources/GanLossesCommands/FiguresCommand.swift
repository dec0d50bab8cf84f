import LossPlotCairo
import ArgumentParser
import Glibc
import LossFigures
import LossPlot

/// `gan-losses figures`: writes the coursework figure set.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Write the coursework figure set (PNG, SVG and PDF) into a folder.",
        discussion: """
            The figures, by name: \(CourseFigure.allCases.map(\.name).joined(separator: ", ")). \
            docs/ explains each one. Output is deterministic: running it again writes the same \
            SVG and PDF bytes (and the same PNG bytes on the same machine).

            Every figure is drawn before any file is written, so a figure that cannot be drawn \
            (too many pixels for --dpi, too little memory) leaves the folder as it was. Each file \
            is written under a temporary name and renamed into place. Drawings run on every core \
            with at most 768 MiB of working memory at once, or what an address-space limit \
            (ulimit -v) leaves.

            Examples:
              gan-losses figures
              gan-losses figures --out /tmp/slides --theme slides --format png
              gan-losses figures --only gradient-magnitude-log,gradient-vs-d --format pdf
            """)

    @Option(help: ArgumentHelp("The folder to write into (created if its parent exists).", valueName: "dir"))
    var out = "figures"

    @Option(help: ArgumentHelp("Comma-separated formats: png, svg, pdf.", valueName: "formats"),
            transform: FiguresCommand.parseFormats)
    var format: [ImageFormat] = [.png, .svg, .pdf]

    @Option(help: ArgumentHelp("Comma-separated figure names (default: all).", valueName: "names"),
            transform: FiguresCommand.parseNames)
    var only: [CourseFigure] = CourseFigure.allCases

    @Option(help: "Sizes for print (paper) or projection (slides).")
    var theme: PlotCommand.ThemeName = .paper

    @Option(parsing: .unconditional, help: "Width of every figure in inches (1 to 40; default: each figure's own on paper, the slide's with a slides theme).")
    var width: Double?

    @Option(parsing: .unconditional, help: "Height of every figure in inches (1 to 40; default as for --width).")
    var height: Double?

    @Option(parsing: .unconditional, help: "Resolution of the PNG files in dots per inch (10 to 600).")
    var dpi: Double = 150

    @OptionGroup var typography: TypographyOptions

    @Option(help: ArgumentHelp("Where every figure's legends go: best (inside where they cover nothing, else outside), outside, none, or a position such as upper-left; default: each figure's own choice.", valueName: "where"),
            transform: LegendArgument.parse)
    var legend: LegendArgument?

    var folder: RawPath { RawPath(argument: out) }

    func validate() throws {
        guard dpi.isFinite, (10...600).contains(dpi) else { throw ValidationError("--dpi \(dpi) is outside 10 to 600") }
        for (name, value) in [("--width", width), ("--height", height)] {
            if let value, !(value.isFinite && (1...40).contains(value)) {
                throw ValidationError("\(name) \(value) is outside 1 to 40 inches")
            }
        }
        guard !folder.isEmpty else { throw ValidationError("--out needs a folder name, such as --out figures") }
        switch folder.kind {
        case .folder:
            guard folder.isWritableFolder else { throw ValidationError("--out \(folder) is not writable") }
        case .other:
            throw ValidationError("--out \(folder) is a file, not a folder")
        case .missing:
            guard folder.folder.kind == .folder else {
                throw ValidationError("--out \(folder): the folder \(folder.folder) does not exist; create it first")
            }
        }
    }

    func run() throws {
        try typography.checkInstalled()
        let svgText = typography.svgText
        let figures = only, formats = format, dpi = dpi, theme = typography.applied(to: theme.theme), width = width, height = height
        let legend = legend
        // 1. The figures as specifications (the simulations run here), on every core,
        //    the simulations first so that the quick ones fill the wait.
        let order = figures.indices.filter { figures[$0].simulates } + figures.indices.filter { !figures[$0].simulates }
        let specifications = try BudgetedWork.run(order: order, count: figures.count, cost: { _ in 0 }, budget: 0) { index in
            Result {
                var figure = try figures[index].figure(theme: theme, width: width, height: height)
                if let placement = legend?.placement { figure.placeLegends(placement) }
                return figure
            }
        }.map { try $0.get() }
        // 2. Every raster within the pixel limit and the memory budget before anything is drawn.
        if formats.contains(.png) {
            for (figure, specification) in zip(figures, specifications) {
                try FigureExport.checkRaster(FigureExport.raster(specification, dpi: dpi), dpi: dpi, what: figure.name)
            }
        }
        let budget = MemoryBudget.available()
        let costs = specifications.map { FigureExport.workingBytes($0, formats: formats, dpi: dpi) }
        if let largest = costs.indices.max(by: { costs[$0] < costs[$1] }), costs[largest] > budget {
            throw FiguresFailure.memory(figure: figures[largest].name, needed: costs[largest], available: budget, dpi: dpi)
        }
        // 3. Every file drawn, then 4. written, in the order given.
        let files = BudgetedWork.run(order: order, count: figures.count, cost: { costs[$0] }, budget: budget) { index in
            Result { () throws -> (files: [[UInt8]], note: String?) in
                do {
                    return try FigureExport.renderFitting(specifications[index], formats: formats, dpi: dpi, svgText: svgText,
                                                          sizeGiven: width != nil || height != nil, name: figures[index].name)
                } catch let error as LayoutError {
                    throw FiguresFailure.layout(figure: figures[index].name, error)
                }
            }
        }
        let results = try files.map { try $0.get() }
        let drawn = results.map(\.files)
        if folder.kind == .missing {
            guard folder.withCString({ mkdir($0, 0o755) }) == 0 || errno == EEXIST else {
                throw FiguresFailure.cannotCreate(folder, String(cString: strerror(errno)))
            }
        }
        let interactive = isatty(STDOUT_FILENO) == 1
        var written = 0
        for (index, figure) in figures.enumerated() {
            if interactive { try Output.write("[\(index + 1)/\(figures.count)] \(figure.name): \(figure.summary)\n") }
            for (format, bytes) in zip(formats, drawn[index]) {
                let path = folder.appending(Array("\(figure.name).\(format.rawValue)".utf8))
                try AtomicFile.write(bytes, to: path)
                try Output.write(line: path)
                written += 1
            }
        }
        try Output.write("\(written) files written to \(folder)\n")
        for note in results.compactMap(\.note) { Output.error("note: \(note)") }
    }

    enum FiguresFailure: Error, CustomStringConvertible {
        case memory(figure: String, needed: Int, available: Int, dpi: Double)
        case cannotCreate(RawPath, String)
        case layout(figure: String, LayoutError)

        var description: String {
            switch self {
            case .layout(let figure, let error): "\(figure): \(error)"
            case .memory(let figure, let needed, let available, let dpi):
                "\(figure) at \(NumberText.compact(dpi)) dpi needs about \(MemoryBudget.megabytes(needed)) to draw, but the address-space limit (ulimit -v) leaves \(MemoryBudget.megabytes(available)); lower --dpi or raise the limit"
            case .cannotCreate(let folder, let why):
                "cannot create \(folder): \(why)"
            }
        }
    }

    static func parseFormats(_ text: String) throws -> [ImageFormat] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        var formats: [ImageFormat] = []
        for item in items {
            guard let f = ImageFormat(rawValue: item.lowercased()) else {
                throw ValidationError("unknown format '\(InputText.shown(item))'; give png, svg or pdf, comma-separated")
            }
            if !formats.contains(f) { formats.append(f) }
        }
        return formats
    }

    static func parseNames(_ text: String) throws -> [CourseFigure] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        var figures: [CourseFigure] = []
        for item in items {
            guard let f = CourseFigure(name: item) else {
                throw ValidationError("unknown figure '\(InputText.shown(item))'; the figures are \(CourseFigure.allCases.map(\.name).joined(separator: ", "))")
            }
            if !figures.contains(f) { figures.append(f) }
        }
        return figures
    }
}
