import ArgumentParser
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization
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
            SVG and PDF bytes (and the same PNG bytes on the same machine). Each file is written \
            under a temporary name and renamed into place.

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

    @Option(parsing: .unconditional, help: "Resolution of the PNG files in dots per inch (10 to 600).")
    var dpi: Double = 150

    func validate() throws {
        guard dpi.isFinite, (10...600).contains(dpi) else { throw ValidationError("--dpi \(dpi) is outside 10 to 600") }
        var isFolder: Bool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) {
            guard isFolder else { throw ValidationError("--out \(out) is a file, not a folder") }
            guard FileManager.default.isWritableFile(atPath: out) else { throw ValidationError("--out \(out) is not writable") }
        } else {
            let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder else {
                throw ValidationError("--out \(out): the folder \(parent) does not exist; create it first")
            }
        }
    }

    func run() throws {
        if !FileManager.default.fileExists(atPath: out) {
            guard mkdir(out, 0o755) == 0 || errno == EEXIST else {
                Output.error("Error: cannot create \(out): \(String(cString: strerror(errno)))")
                throw ExitCode.failure
            }
        }
        // Figures are drawn and encoded on every core (each worker with its own cairo backend),
        // then written in the order given, so the output is the same as one at a time.
        let figures = only, formats = format, dpi = dpi, theme = theme.theme
        let results = Mutex([Result<[[UInt8]], Error>?](repeating: nil, count: figures.count))
        let schedule = figures.indices.filter { figures[$0].simulates } + figures.indices.filter { !figures[$0].simulates }
        DispatchQueue.concurrentPerform(iterations: figures.count) { turn in
            let index = schedule[turn]
            let result = Result<[[UInt8]], Error> {
                let backend = CairoBackend()
                let list = try FigureRenderer(measurer: backend).render(try figures[index].figure(theme: theme))
                return try formats.map { try backend.render(list, format: $0, dpi: dpi) }
            }
            results.withLock { $0[index] = result }
        }
        let interactive = isatty(STDOUT_FILENO) == 1
        var written = 0
        for (index, figure) in figures.enumerated() {
            if interactive { Output.write("[\(index + 1)/\(figures.count)] \(figure.name): \(figure.summary)\n") }
            for (format, bytes) in zip(formats, try results.withLock { $0[index]! }.get()) {
                let path = (out.hasSuffix("/") ? out : out + "/") + "\(figure.name).\(format.rawValue)"
                do {
                    try AtomicFile.write(bytes, to: path)
                } catch {
                    Output.error("Error: \(error)")
                    throw ExitCode.failure
                }
                Output.write(path + "\n")
                written += 1
            }
        }
        Output.write("\(written) files written to \(out)\n")
    }

    static func parseFormats(_ text: String) throws -> [ImageFormat] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        var formats: [ImageFormat] = []
        for item in items {
            guard let f = ImageFormat(rawValue: item.lowercased()) else {
                throw ValidationError("unknown format '\(item)'; give png, svg or pdf, comma-separated")
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
                throw ValidationError("unknown figure '\(item)'; the figures are \(CourseFigure.allCases.map(\.name).joined(separator: ", "))")
            }
            if !figures.contains(f) { figures.append(f) }
        }
        return figures
    }
}

