import Foundation
import LossFigures
import LossPlot
import LossPlotCairo
import LossPlotTesting
import Testing

/// rsvg-convert and pdffonts, which tools/install-deps.sh installs (`make test` runs it first).
private enum Tools {
    static func find(_ name: String, package: String) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        for folder in folders {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        Issue.record("\(name) is not installed; run tools/install-deps.sh (Debian package \(package))")
        return nil
    }

    /// The tool's standard output, or nil (an issue recorded) when it fails.
    static func output(_ tool: URL, _ arguments: [String]) throws -> Data? {
        let r = try Tool.run(arguments, executable: tool)
        guard r.status == 0 else {
            Issue.record("\(tool.lastPathComponent) failed (\(r.status)): \(r.stderr)")
            return nil
        }
        return Data(r.stdout.utf8)
    }

    /// The font names pdffonts lists, with whether each is an embedded subset ("yes yes").
    static func pdfFonts(_ file: URL) throws -> [(name: String, embeddedSubset: Bool)]? {
        guard let pdffonts = find("pdffonts", package: "poppler-utils"),
              let table = try output(pdffonts, [file.path]) else { return nil }
        return String(decoding: table, as: UTF8.self).split(separator: "\n").dropFirst(2).map { line in
            let fields = line.split(separator: " ").map(String.init)
            return (fields[0], Array(fields.suffix(5).prefix(2)) == ["yes", "yes"])
        }
    }
}

@Suite("--font and --svg-text")
struct TypographyTests {
    static let serifFamily = "'Latin Modern Roman', 'Latin Modern Math', 'DejaVu Serif', serif"

    /// Runs the tool in `folder`; fails the test unless it succeeds.
    @discardableResult
    static func run(_ arguments: [String], in folder: URL, environment: [String: String]? = nil) throws -> Tool.Result {
        let r = try Tool.run(arguments, in: folder, environment: environment)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return r
    }

    @Test("--font serif: a PDF with subsets of Latin Modern Roman embedded, an SVG naming it, another PNG; every file the same twice")
    func serif() throws {
        let folder = try Tool.temporaryFolder("typography")
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String: Data] = [:]
        for font in ["sans", "serif"] {
            for ext in ["png", "svg", "pdf"] {
                for run in 1...2 {
                    let name = "\(font)-\(run).\(ext)"
                    try Self.run(["plot", "--loss", "minimax,nonsat", "--y", "both", "--x", "logit", "--font", font, "-o", name], in: folder)
                    files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
                }
                #expect(files["\(font)-1.\(ext)"] == files["\(font)-2.\(ext)"], "\(font) \(ext) differs between runs")
            }
        }
        #expect(files["sans-1.png"] != files["serif-1.png"])
        let serifSVG = String(decoding: files["serif-1.svg"]!, as: UTF8.self)
        #expect(serifSVG.contains("font-family=\"\(Self.serifFamily)\""), "\(serifSVG)")
        #expect(!serifSVG.contains("DejaVu Sans"))
        #expect(String(decoding: files["sans-1.svg"]!, as: UTF8.self).contains("font-family=\"'DejaVu Sans'\""))
        let fonts = try #require(try Tools.pdfFonts(folder.appendingPathComponent("serif-1.pdf")))
        #expect(fonts.contains { $0.name.hasSuffix("+LMRoman10-Regular") }, "\(fonts)")
        // The math italic: Latin Modern's text italic, or Latin Modern Math's mathematical italic letters.
        #expect(fonts.contains { $0.name.hasSuffix("+LMRoman10-Italic") || $0.name.hasSuffix("+LatinModernMath-Regular") }, "\(fonts)")
        #expect(fonts.allSatisfy { $0.embeddedSubset }, "\(fonts)")
        #expect(!fonts.contains { $0.name.contains("DejaVuSans") }, "\(fonts)")
        let sansFonts = try #require(try Tools.pdfFonts(folder.appendingPathComponent("sans-1.pdf")))
        #expect(sansFonts.allSatisfy { $0.name.contains("+DejaVuSans") && $0.embeddedSubset }, "\(sansFonts)")
    }

    @Test("SVG text is <text> elements unless --svg-text outlines asks for cairo's glyph outlines")
    func svgText() throws {
        let folder = try Tool.temporaryFolder("typography")
        defer { try? FileManager.default.removeItem(at: folder) }
        for mode in [nil, "text", "outlines", "OUTLINES"] {
            let name = "\(mode ?? "default").svg"
            try Self.run(["plot", "--loss", "mm,ns", "-o", name] + (mode.map { ["--svg-text", $0] } ?? []), in: folder)
            let svg = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            let outlines = mode?.lowercased() == "outlines"
            #expect(svg.contains("<text") != outlines, "\(name)")
            #expect(svg.contains(">Generator losses against </text>") != outlines, "\(name)")
            #expect(svg.contains("<symbol") == outlines, "\(name)")
        }
        let bad = try Tool.run(["plot", "--loss", "mm", "--svg-text", "paths", "-o", "f.svg"], in: folder)
        #expect(bad.status == 64 && bad.stderr.contains("text") && bad.stderr.contains("outlines"), "\(bad.stderr)")
        let badFont = try Tool.run(["plot", "--loss", "mm", "--font", "times", "-o", "f.svg"], in: folder)
        #expect(badFont.status == 64 && badFont.stderr.contains("sans") && badFont.stderr.contains("serif"), "\(badFont.stderr)")
    }

    @Test("drawn by rsvg-convert, plot's SVG has the geometry of its PNG", arguments: [["--y", "both", "--x", "logit"], []])
    func geometry(arguments: [String]) throws {
        let folder = try Tool.temporaryFolder("typography")
        defer { try? FileManager.default.removeItem(at: folder) }
        for ext in ["svg", "png"] {
            try Self.run(["plot", "--loss", "minimax,nonsat", "--dpi", "300", "-o", "f.\(ext)"] + arguments, in: folder)
        }
        let rsvg = try #require(Tools.find("rsvg-convert", package: "librsvg2-bin"))
        let drawn = folder.appendingPathComponent("rsvg.png")
        _ = try #require(try Tools.output(rsvg, ["--dpi-x", "300", "--dpi-y", "300", "-o", drawn.path,
                                                 folder.appendingPathComponent("f.svg").path]))
        let png = try #require(PNGImage(Array(try Data(contentsOf: folder.appendingPathComponent("f.png")))))
        let svg = try #require(PNGImage(Array(try Data(contentsOf: drawn))))
        #expect(abs(png.width - svg.width) <= 1 && abs(png.height - svg.height) <= 1)
        // Measured: 0.2% of the channel values differ by more than 64, all at the edges of glyphs
        // (cairo puts each glyph on a whole pixel, rsvg-convert does not); the curves, frames and
        // fills are the same pixels. A curve half a point out of place alone makes 0.24% of them
        // differ (LossPlotTests' SVG tests check the text run by run).
        let difference = png.difference(from: svg)
        #expect(difference.shareOver(64) < 0.005, "\(difference.shareOver(64))")
        #expect(difference.meanAbsolute < 0.005, "\(difference.meanAbsolute)")
    }

    @Test("figures and simulate take --font and --svg-text")
    func otherCommands() throws {
        let folder = try Tool.temporaryFolder("typography")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.run(["figures", "--out", "f", "--only", "generator-costs-vs-d", "--format", "svg,pdf", "--font", "serif"], in: folder)
        let svg = String(decoding: try Data(contentsOf: folder.appendingPathComponent("f/generator-costs-vs-d.svg")), as: UTF8.self)
        #expect(svg.contains(Self.serifFamily))
        let fonts = try #require(try Tools.pdfFonts(folder.appendingPathComponent("f/generator-costs-vs-d.pdf")))
        #expect(fonts.contains { $0.name.hasSuffix("+LMRoman10-Regular") } && fonts.allSatisfy { $0.embeddedSubset }, "\(fonts)")
        try Self.run(["figures", "--out", "g", "--only", "generator-costs-vs-d", "--format", "svg", "--svg-text", "outlines"], in: folder)
        #expect(!String(decoding: try Data(contentsOf: folder.appendingPathComponent("g/generator-costs-vs-d.svg")), as: UTF8.self).contains("<text"))
        try Self.run(["simulate", "dirac", "--loss", "minimax", "--steps", "20", "--font", "serif", "-o", "d.svg"], in: folder)
        #expect(String(decoding: try Data(contentsOf: folder.appendingPathComponent("d.svg")), as: UTF8.self).contains(Self.serifFamily))
    }

    @Test("a serif font that is not installed: one line naming the package, exit 1, no file; sans still works")
    func missingSerif() throws {
        let folder = try Tool.temporaryFolder("typography")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A fontconfig that sees DejaVu only, as on a machine without fonts-lmodern.
        let config = folder.appendingPathComponent("fonts.conf")
        try """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
              <dir>/usr/share/fonts/truetype/dejavu</dir>
              <cachedir>\(folder.appendingPathComponent("cache").path)</cachedir>
            </fontconfig>
            """.write(to: config, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = config.path
        for arguments in [["plot", "--loss", "mm", "--font", "serif", "-o", "f.pdf"],
                          ["figures", "--out", ".", "--only", "gradient-vs-d", "--font", "serif"],
                          ["simulate", "ring", "--font", "serif", "-o", "f.png"]] {
            let start = ContinuousClock.now
            let r = try Tool.run(arguments, in: folder, environment: environment)
            #expect(r.status == 1, "\(arguments): \(r.stderr)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(r.stderr)")
            #expect(r.stderr.contains("--font serif: the font Latin Modern Roman (regular) is not installed"), "\(r.stderr)")
            #expect(r.stderr.contains("apt-get install fonts-lmodern") && r.stderr.contains("--font sans"), "\(r.stderr)")
            // Before any work: the ring simulation alone takes seconds.
            #expect(ContinuousClock.now - start < .seconds(5), "\(arguments)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !["fonts.conf", "cache"].contains($0) }
        #expect(left.isEmpty, "\(left)")
        try Self.run(["plot", "--loss", "mm", "-o", "f.pdf"], in: folder, environment: environment)
    }

    @Test("help shows the options with examples")
    func help() throws {
        func help(_ command: String) throws -> String {
            try Tool.run([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let plot = try help("plot")
        #expect(plot.contains("--font <family>") && plot.contains("e.g. --font serif -o figure.pdf"), "\(plot)")
        #expect(plot.contains("--svg-text <mode>") && plot.contains("e.g. -o figure.svg --svg-text outlines"), "\(plot)")
        #expect(plot.contains("(values: sans, serif; default: sans)") && plot.contains("(values: text, outlines; default: text)"), "\(plot)")
        for command in ["figures", "simulate"] {
            #expect(try help(command).contains("--svg-text <mode>"), "\(command)")
        }
    }
}
