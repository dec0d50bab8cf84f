import Foundation
import FoundationXML
import LossPlot
import LossPlotTesting
@testable import LossPlotCairo
import Testing

/// External tools the tests run: rsvg-convert (librsvg2-bin) and pdffonts (poppler-utils), which
/// tools/install-deps.sh installs (`make test` runs it first).
enum ExternalTool {
    /// The tool's path on PATH; records an issue naming the package when it is missing.
    static func find(_ name: String, package: String) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for folder in folders + ["/usr/bin", "/usr/local/bin"] {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        Issue.record("\(name) is not installed; run tools/install-deps.sh (Debian package \(package))")
        return nil
    }

    /// Runs `tool` with `arguments`, `input` on its standard input; its standard output, or nil
    /// (with an issue recorded) when it fails.
    static func run(_ tool: URL, _ arguments: [String], input: [UInt8] = []) throws -> [UInt8]? {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Input written on a thread of its own, so that a full output pipe cannot block both.
        let writer = Thread { stdin.fileHandleForWriting.write(Data(input)); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("\(tool.lastPathComponent) failed (\(process.terminationStatus)): \(String(decoding: err, as: UTF8.self))")
            return nil
        }
        return [UInt8](out)
    }

    /// The SVG drawn by rsvg-convert at `dpi`, decoded.
    static func rasterize(svg: [UInt8], dpi: Double) throws -> PNGImage? {
        guard let rsvg = find("rsvg-convert", package: "librsvg2-bin"),
              let png = try run(rsvg, ["--dpi-x", "\(dpi)", "--dpi-y", "\(dpi)", "--format", "png"], input: svg) else { return nil }
        return PNGImage(png)
    }

    /// Whether xmllint finds `svg` valid against the SVG 1.1 DTD (from the XML catalog, never
    /// the network); records xmllint's complaints as an issue.
    static func validate(svg: [UInt8]) throws {
        guard let xmllint = find("xmllint", package: "libxml2-utils") else { return }
        let dtd = "/usr/share/xml/w3c-sgml-lib/schema/dtd/REC-SVG11-20110816/svg11.dtd"
        guard FileManager.default.fileExists(atPath: dtd) else {
            Issue.record("the SVG 1.1 DTD is not installed; run tools/install-deps.sh (Debian package w3c-sgml-lib)")
            return
        }
        _ = try run(xmllint, ["--noout", "--nonet", "--valid", "-"], input: svg)
    }

    /// pdffonts' table for a PDF: one row per font, [name, type, encoding, emb, sub, uni, object, generation].
    static func pdfFonts(_ pdf: [UInt8]) throws -> [[String]]? {
        guard let pdffonts = find("pdffonts", package: "poppler-utils") else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("svgtext-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        guard let table = try run(pdffonts, [file.path]) else { return nil }
        return String(decoding: table, as: UTF8.self).split(separator: "\n").dropFirst(2).map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
    }
}

/// The SVG's elements as parsed by an XML parser: every element's name and attributes, and the
/// character data of each `<text>`.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String] }
    var elements: [Element] = []
    var texts: [(string: String, attributes: [String: String])] = []
    private var inText = false

    /// Parses `bytes`; nil (with an issue recorded) if they are not well-formed XML.
    static func parse(_ bytes: [UInt8]) -> SVGDocument? {
        let document = SVGDocument()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = document
        guard parser.parse() else {
            Issue.record("not well-formed XML: \(String(describing: parser.parserError))")
            return nil
        }
        return document
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        if name == "text" {
            texts.append(("", attributes))
            inText = true
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1].string += string }
    }
}

/// How far an SVG drawn by another renderer is from cairo's PNG of the same list: outside the
/// text, where both draw the same paths with the same antialiasing, pixel by pixel; and for each
/// run of text, whose glyphs the two rasterize differently (hinting, gamma) but must set in the
/// same place, by the centre and the amount of its ink.
struct GeometryComparison: CustomStringConvertible {
    /// The share of channel values outside every text box (grown by 2 px) that differ by more than 64.
    var outsideText: Double
    /// The largest distance between the centres of ink of a text box in the two images, in pixels.
    var worstShift: Double
    /// The largest difference in the amount of ink in a text box, as a fraction of the larger.
    var worstInk: Double
    /// The texts whose boxes differ most in place and in ink.
    var shiftedString = "", inkString = ""

    var description: String {
        "outside text \(outsideText), worst shift \(worstShift) px (\(shiftedString.debugDescription)), worst ink \(worstInk) (\(inkString.debugDescription))"
    }

    init(_ a: PNGImage, _ b: PNGImage, list: DisplayList, dpi: Double) {
        let scale = dpi / 72
        let (width, height) = (min(a.width, b.width), min(a.height, b.height))
        func pixels(_ r: Rect, grownBy margin: Int) -> (Int, Int, Int, Int) {
            (max(0, Int((r.minX * scale).rounded(.down)) - margin), max(0, Int((r.minY * scale).rounded(.down)) - margin),
             min(width, Int((r.maxX * scale).rounded(.up)) + margin), min(height, Int((r.maxY * scale).rounded(.up)) + margin))
        }
        var inText = [Bool](repeating: false, count: width * height)
        (worstShift, worstInk) = (0, 0)
        for text in list.texts {
            let (x0, y0, x1, y1) = pixels(text.bounds, grownBy: 2)
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0..<y1 { for x in x0..<x1 { inText[y * width + x] = true } }
            // Ink: how much darker than the box's lightest pixel (its background), summed over channels.
            let (u0, v0, u1, v1) = pixels(text.bounds, grownBy: 4)
            func ink(_ image: PNGImage) -> (mass: Double, x: Double, y: Double) {
                var background = 0
                for y in v0..<v1 { for x in u0..<u1 { let p = image.rgb(x, y); background = max(background, p.0 + p.1 + p.2) } }
                var (mass, mx, my) = (0.0, 0.0, 0.0)
                for y in v0..<v1 {
                    for x in u0..<u1 {
                        let p = image.rgb(x, y)
                        let w = Double(max(0, background - p.0 - p.1 - p.2))
                        (mass, mx, my) = (mass + w, mx + w * Double(x), my + w * Double(y))
                    }
                }
                return mass > 0 ? (mass, mx / mass, my / mass) : (0, 0, 0)
            }
            let (p, q) = (ink(a), ink(b))
            let shift = hypot(p.x - q.x, p.y - q.y)
            if shift > worstShift { (worstShift, shiftedString) = (shift, text.string) }
            let inkDifference = abs(p.mass - q.mass) / max(p.mass, q.mass, 1)
            if inkDifference > worstInk { (worstInk, inkString) = (inkDifference, text.string) }
        }
        var (over, count) = (0, 0)
        for y in 0..<height {
            for x in 0..<width where !inText[y * width + x] {
                let (p, q) = (a.rgb(x, y), b.rgb(x, y))
                for d in [abs(p.0 - q.0), abs(p.1 - q.1), abs(p.2 - q.2)] where d > 64 { over += 1 }
                count += 3
            }
        }
        outsideText = Double(over) / Double(max(count, 1))
    }
}

@Suite("SVG with text: editable, with the geometry of the PNG")
struct SVGTextTests {
    /// Latin Modern Roman with the families that fill in what it lacks, as `--font serif` sets it.
    static let serifFamily = "Latin Modern Roman, Latin Modern Math, DejaVu Serif, serif"

    static func theme(_ family: String) -> Theme {
        var theme = Theme.paper
        theme.fontFamily = family
        return theme
    }

    static func list(_ family: String = Font.sansFamily) throws -> DisplayList {
        try FigureRenderer(measurer: CairoBackend()).render(RenderingTests.sampleFigure(theme: theme(family)))
    }

    /// A page with one stroke and one run of text, for the writer's details.
    static func page(_ items: [DisplayItem]) -> DisplayList {
        var list = DisplayList(width: 200, height: 100)
        for item in items { list.append(item) }
        return list
    }

    static func text(_ string: String, at origin: Point = Point(20, 50), font: Font = Font(size: 10), angle: Double = 0,
                     color: Color = .black) -> DisplayItem {
        .text(TextItem(string: string, font: font, origin: origin, angle: angle, color: color,
                       bounds: Rect(x: origin.x, y: origin.y - 10, width: 50, height: 12)))
    }

    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("well-formed SVG 1.1 in points, each run of text a <text> element naming its font", arguments: [Font.sansFamily, serifFamily])
    func document(family: String) throws {
        let list = try Self.list(family)
        let svg = try CairoBackend().render(list, format: .svg)
        let document = try #require(SVGDocument.parse(svg))
        let root = try #require(document.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["version"] == "1.1")
        #expect(root.attributes["width"] == "460.8pt" && root.attributes["height"] == "345.6pt")
        #expect(root.attributes["viewBox"] == "0 0 460.8 345.6")
        #expect(document.texts.allSatisfy { $0.attributes["xml:space"] == "preserve" }, "spaces kept, in every viewer")
        // The strings of the <text> elements are the runs of the display list, in order.
        #expect(document.texts.map(\.string) == list.texts.map(\.string))
        #expect(document.texts.map(\.string).contains("Sample"))
        let first = FontFamilies.split(family)[0]
        #expect(document.texts.contains { $0.attributes["font-family"]?.hasPrefix("'\(first)'") == true })
        for (text, item) in zip(document.texts, list.texts) {
            #expect(text.attributes["font-family"] == SVGWriter.cssFamily(item.font.family), "\(text.attributes)")
            #expect(text.attributes["font-size"].flatMap(Double.init) == (item.font.size * 1000).rounded() / 1000)
            #expect((text.attributes["font-style"] == "italic") == item.font.italic)
            #expect((text.attributes["transform"] != nil) == (item.angle != 0))
        }
        // The y label reads upward: turned −90° about its own origin.
        let yLabel = try #require(document.texts.first { $0.attributes["transform"] != nil })
        #expect(yLabel.attributes["transform"] == "rotate(-90 \(yLabel.attributes["x"]!) \(yLabel.attributes["y"]!))")
        #expect(document.elements.contains { $0.name == "clipPath" })
        #expect(document.elements.contains { $0.name == "path" && $0.attributes["stroke-dasharray"] != nil })
    }

    @Test("valid against the SVG 1.1 DTD", arguments: [Font.sansFamily, serifFamily])
    func valid(family: String) throws {
        try ExternalTool.validate(svg: try CairoBackend().render(try Self.list(family), format: .svg))
        let details = Self.page([
            .pushClip(Rect(x: 5, y: 5, width: 150, height: 90)),
            .fill(.rectangle(Rect(x: 20, y: 20, width: 40, height: 30)), Color(hex: 0xEE6677, alpha: 0.25)),
            .stroke(Path(polyline: [Point(10, 10), Point(190, 90)]), StrokeStyle(color: .black, width: 1, dash: [3, 1], roundCaps: true)),
            Self.text("a < b & \"c\"", font: Font(size: 8, italic: true, bold: true, family: family), angle: .pi / 2,
                      color: Color(hex: 0x4477AA, alpha: 0.5)),
            .popClip,
        ])
        try ExternalTool.validate(svg: try CairoBackend().render(details, format: .svg))
    }

    @Test("drawn by rsvg-convert, it has the geometry of cairo's PNG", arguments: [Font.sansFamily, serifFamily])
    func geometry(family: String) throws {
        // Measured at 300 dpi (sample figure, both families): outside the text boxes no channel
        // differs by more than 64; the centres of ink of the runs of text are at most 0.82 px
        // apart (cairo's image surface puts each glyph on a whole pixel, up to 0.71 px away; the
        // rest is rasterization), their ink differs by at most 3.5%. A run moved by 0.5 pt (2.1 px)
        // moves its ink 2.5 px, and a curve moved by 0.5 pt makes 0.24% of the values outside the
        // text differ (both checked below): the bounds sit between.
        let dpi = 300.0
        let backend = CairoBackend()
        let list = try Self.list(family)
        let png = try #require(PNGImage(try backend.render(list, format: .png, dpi: dpi)))
        func drawn(_ list: DisplayList) throws -> PNGImage? { try ExternalTool.rasterize(svg: try backend.render(list, format: .svg), dpi: dpi) }
        let svg = try #require(try drawn(list))
        let same = GeometryComparison(png, svg, list: list, dpi: dpi)
        #expect(same.outsideText <= 5e-4, "\(same)")
        #expect(same.worstShift <= 1.5, "\(same)")
        #expect(same.worstInk <= 0.15, "\(same)")
        #expect(png.difference(from: svg).shareOver(64) < 0.005)

        // The tolerances catch a run of text, or a curve, half a point out of place.
        let textIndex = try #require(list.items.indices.filter { if case .text = list.items[$0] { true } else { false } }.dropFirst(4).first)
        var movedText = list
        if case .text(var t) = list.items[textIndex] { t.origin.x += 0.5; movedText.items[textIndex] = .text(t) }
        let textOff = GeometryComparison(png, try #require(try drawn(movedText)), list: list, dpi: dpi)
        #expect(textOff.worstShift > 1.5, "\(textOff)")
        let curveIndex = try #require(list.items.indices.first { if case .stroke(let p, _) = list.items[$0] { p.elements.count > 50 } else { false } })
        var movedCurve = list
        if case .stroke(var path, let style) = list.items[curveIndex] {
            path.elements = path.elements.map {
                switch $0 {
                case .move(let p): .move(Point(p.x, p.y + 0.5))
                case .line(let p): .line(Point(p.x, p.y + 0.5))
                case .close: .close
                }
            }
            movedCurve.items[curveIndex] = .stroke(path, style)
        }
        let curveOff = GeometryComparison(png, try #require(try drawn(movedCurve)), list: list, dpi: dpi)
        #expect(curveOff.outsideText > 5e-4, "\(curveOff)")
    }

    @Test("the same list gives the same bytes, after any other drawing", arguments: [Font.sansFamily, serifFamily])
    func deterministic(family: String) throws {
        let list = try Self.list(family)
        let first = try CairoBackend().render(list, format: .svg)
        _ = try CairoBackend().render(try Self.list(Font.sansFamily == family ? Self.serifFamily : Font.sansFamily), format: .svg)
        #expect(try CairoBackend().render(list, format: .svg) == first)
        #expect(try CairoBackend().render(try Self.list(family), format: .svg) == first)
    }

    @Test("numbers: at most three decimals, no trailing zeros, no -0, no exponent")
    func numbers() throws {
        let path = Path(polyline: [Point(0.0001, -0.0004), Point(1.23456, 2.5), Point(-3.25, 100), Point(12.0009, -0.001)])
        let svg = Self.string(try CairoBackend().render(Self.page([.stroke(path, StrokeStyle(color: .black, width: 1.5))]), format: .svg))
        #expect(svg.contains("d=\"M0 0L1.235 2.5 -3.25 100 12.001 -0.001\""), "\(svg)")
        let list = try Self.list()
        let svgText = Self.string(try CairoBackend().render(list, format: .svg))
        let body = svgText[svgText.range(of: "<rect")!.lowerBound...]  // after the prolog's version numbers
        let numbers = try Regex(#"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?"#)
        // Every number in an attribute (the text between the tags is the figure's, "0.0" included).
        for attribute in body.matches(of: try Regex(#"="[^"]*""#)) {
            let value = body[attribute.range]
            for match in value.matches(of: numbers) {
                let text = value[match.range]
                #expect(!(text.hasPrefix("-") && Double(text) == 0), "\(text)")
                if let dot = text.firstIndex(of: ".") {
                    #expect(text.distance(from: dot, to: text.endIndex) <= 4, "\(text)")
                    #expect(text.last != "0", "\(text)")
                }
                #expect(!text.contains("e") && !text.contains("E"), "\(text)")
            }
        }
    }

    @Test("text is escaped, keeps its spaces, and is UTF-8; colours and rotation as drawn")
    func textDetails() throws {
        let strings = ["a < b & \"c\" > 'd'", "  two leading, one trailing ", "σ ≤ ∂ℓ → ∞", "bell\u{7}"]
        var items = strings.enumerated().map { Self.text($1, at: Point(10, 20 + 15 * Double($0))) }
        items.append(Self.text("up", at: Point(150, 90), font: Font(size: 8, italic: true, bold: true), angle: .pi / 2,
                               color: Color(hex: 0x4477AA, alpha: 0.5)))
        let svg = try CairoBackend().render(Self.page(items), format: .svg)
        let document = try #require(SVGDocument.parse(svg))
        #expect(document.texts.map(\.string) == strings.dropLast() + ["bell\u{FFFD}", "up"])
        #expect(Self.string(svg).contains("σ ≤ ∂ℓ → ∞"), "Unicode as UTF-8, not as character references")
        let up = try #require(document.texts.last?.attributes)
        #expect(up["transform"] == "rotate(-90 150 90)")
        #expect(up["font-style"] == "italic" && up["font-weight"] == "bold" && up["font-size"] == "8")
        #expect(up["fill"] == "#4477aa" && up["fill-opacity"] == "0.5")
        #expect(document.texts.first?.attributes["fill"] == nil, "black is SVG's default fill")
    }

    @Test("strokes: width, colour, opacity, dashes and caps; fills; nested clips as groups")
    func paths() throws {
        let line = Path(polyline: [Point(10, 10), Point(190, 10), Point(190, 90)])
        let list = Self.page([
            .pushClip(Rect(x: 5, y: 5, width: 150, height: 90)),
            .fill(.rectangle(Rect(x: 20, y: 20, width: 40, height: 30)), Color(hex: 0xEE6677, alpha: 0.25)),
            .pushClip(Rect(x: 100, y: 80, width: -60, height: -70)),
            .stroke(line, StrokeStyle(color: Color(hex: 0x228833), width: 2.5, dash: [6, 2.25, 1, 2.25], roundCaps: true)),
            .popClip,
            .stroke(line, StrokeStyle(color: .black, width: -1)),
            .popClip,
        ])
        let document = try #require(SVGDocument.parse(try CairoBackend().render(list, format: .svg)))
        let paths = document.elements.filter { $0.name == "path" }.map(\.attributes)
        #expect(paths.count == 3)
        #expect(paths[0]["fill"] == "#ee6677" && paths[0]["fill-opacity"] == "0.25" && paths[0]["d"] == "M20 20L60 20 60 50 20 50Z")
        #expect(paths[1]["stroke"] == "#228833" && paths[1]["stroke-width"] == "2.5" && paths[1]["fill"] == "none")
        #expect(paths[1]["stroke-dasharray"] == "6 2.25 1 2.25" && paths[1]["stroke-linecap"] == "round")
        #expect(paths[2]["stroke-width"] == "0" && paths[2]["stroke-linecap"] == nil, "cairo takes a negative width as 0")
        let clips = document.elements.filter { $0.name == "rect" }.map(\.attributes).dropFirst()  // after the background
        #expect(clips.map { [$0["x"], $0["y"], $0["width"], $0["height"]] } == [["5", "5", "150", "90"], ["40", "10", "60", "70"]])
        #expect(document.elements.filter { $0.name == "g" && $0.attributes["clip-path"] != nil }.map { $0.attributes["clip-path"] }
                == ["url(#clip1)", "url(#clip2)"])
        // Drawn by rsvg-convert, the same pixels as cairo's PNG (no text here: exactly, but for a few edge values).
        let png = try #require(PNGImage(try CairoBackend().render(list, format: .png, dpi: 144)))
        let svg = try #require(try ExternalTool.rasterize(svg: try CairoBackend().render(list, format: .svg), dpi: 144))
        #expect(png.difference(from: svg).shareOver(64) < 1e-3)
    }

    @Test("what cairo refuses fails alike in every format: a negative dash, all-zero dashes, a popClip without a pushClip",
          arguments: [DisplayItem.stroke(Path(polyline: [Point(0, 0), Point(9, 9)]), StrokeStyle(color: .black, width: 1, dash: [-1, 2])),
                      .stroke(Path(polyline: [Point(0, 0), Point(9, 9)]), StrokeStyle(color: .black, width: 1, dash: [0, 0])),
                      .popClip])
    func failures(item: DisplayItem) throws {
        let list = Self.page([item])
        var errors: [RenderError] = []
        for format in ImageFormat.allCases {
            do {
                _ = try CairoBackend().render(list, format: format, dpi: 72)
                Issue.record("\(format) was drawn")
            } catch let error as RenderError {
                errors.append(error)
            }
        }
        #expect(errors.count == 3 && Set(errors.map(\.description)).count == 1, "\(errors)")
    }

    @Test("a stroke of millions of points: one buffer, linear time")
    func longStroke() throws {
        func list(_ count: Int) -> DisplayList {
            Self.page([.stroke(Path(polyline: LongPathTests.spiral(count, decay: 2)),
                               StrokeStyle(color: .black, width: 0.8, dash: Dash.dashed.pattern(width: 0.8)))])
        }
        func timed(_ list: DisplayList) throws -> (bytes: Int, seconds: Double) {
            var best = Double.infinity, bytes = 0
            for _ in 0..<3 {
                let start = ContinuousClock.now
                bytes = try SVGWriter.write(list).count
                best = min(best, (ContinuousClock.now - start) / .seconds(1))
            }
            return (bytes, best)
        }
        // 8 times the points: linear work takes about 8 times as long, quadratic 64 times; the
        // bound leaves room for a machine busy with other tests.
        let (small, large) = (list(250_000), list(2_000_000))
        let (a, b) = (try timed(small), try timed(large))
        // The buffer is sized once, from an estimate that is never short.
        #expect(b.bytes <= SVGWriter.estimatedSize(of: large), "\(b.bytes) > \(SVGWriter.estimatedSize(of: large))")
        #expect(b.bytes > 2_000_000 * 10)
        #expect(b.seconds < 24 * a.seconds, "250 000 points: \(a.seconds) s, 2 000 000: \(b.seconds) s")
        let tail = Self.string(Array(try SVGWriter.write(large).suffix(200)))
        let last = LongPathTests.spiral(2_000_000, decay: 2).last!
        #expect(tail.contains("\((last.y * 1000).rounded() / 1000)\"") || tail.contains("\(Int((last.y * 1000).rounded() / 1000))\""), "\(tail)")
        #expect(tail.hasSuffix("</g>\n</svg>\n"))
    }

    @Test("outlines: cairo's SVG, glyphs as shapes and no <text>")
    func outlines() throws {
        let list = try Self.list()
        let svg = Self.string(try CairoBackend(svgText: .outlines).render(list, format: .svg))
        #expect(!svg.contains("<text"))
        #expect(svg.contains("<symbol") && svg.contains("glyph"))
        #expect(try FigureExporter(svgText: .outlines).render(RenderingTests.sampleFigure(), formats: [.svg])[0] == Array(svg.utf8))
        #expect(Self.string(try FigureExporter().render(RenderingTests.sampleFigure(), formats: [.svg])[0]).contains("<text"))
        #expect(CairoBackend().svgText == .text && FigureExporter().svgText == .text)
    }
}

@Suite("Fonts: the family asked for, or an error")
struct FontTests {
    @Test("a family that is not installed is refused in every format, before anything is drawn", arguments: ImageFormat.allCases)
    func missingFamily(format: ImageFormat) throws {
        let list = SVGTextTests.page([SVGTextTests.text("x", font: Font(size: 10, family: "No Such Family 7"))])
        #expect {
            try CairoBackend().render(list, format: format, dpi: 72)
        } throws: { error in
            guard case .notInstalled(let family, let style, let substitute) = error as? FontError else { return false }
            return family == "No Such Family 7" && style == "regular" && !substitute.isEmpty
        }
        var figure = RenderingTests.sampleFigure()
        figure.theme.fontFamily = "No Such Family 7"
        #expect(throws: FontError.self) { try FigureExporter().render(figure, formats: [format]) }
        let message = "\(FontError.notInstalled(family: "No Such Family 7", style: "regular", substitute: "DejaVu Sans Book"))"
        #expect(message == "the font No Such Family 7 (regular) is not installed: cairo would draw it in DejaVu Sans Book instead")
    }

    @Test("the families of --font are installed, upright and italic; a family without an italic fails for italic text")
    func installed() throws {
        try CairoBackend.checkFontFamily(Font.sansFamily)
        try CairoBackend.checkFontFamily(SVGTextTests.serifFamily)
        try CairoBackend.checkFontFamily("serif")  // a generic name stands for whatever is installed
        // Latin Modern Math has one face: cairo would slant it, which is not an italic.
        #expect(throws: FontError.notInstalled(family: "Latin Modern Math", style: "italic", substitute: "Latin Modern Math Regular")) {
            try CairoBackend.checkFontFamily("Latin Modern Math")
        }
        #expect(throws: FontError.self) { try CairoBackend.checkFontFamily("Latin Modern Roman, No Such Family 7") }
    }

    @Test("each character is drawn in the first family of the list that has it")
    func fallback() throws {
        let backend = CairoBackend()
        let serif = Font(size: 10, italic: true, family: SVGTextTests.serifFamily)
        func width(_ s: String, _ family: String) -> Double {
            backend.measure(s, font: Font(size: 10, italic: true, family: family)).width
        }
        #expect(backend.measure("x", font: serif).width == width("x", "Latin Modern Roman"))
        #expect(backend.measure("σ", font: serif).width == width("σ", "Latin Modern Math"))
        #expect(abs(backend.measure("xσ∂", font: serif).width - (width("x", "Latin Modern Roman") + width("σ", "Latin Modern Math")
            + width("∂", "Latin Modern Math"))) < 1e-9)
        #expect(backend.measure("x", font: serif).ascent == backend.measure("x", font: Font(size: 10, italic: true, family: "Latin Modern Roman")).ascent)
        // Drawn: σ∂ℓ (which Latin Modern Roman lacks) leave ink; and so do superscript digits,
        // which neither Latin Modern has, from the family fontconfig finds for them.
        func ink(_ string: String, _ font: Font) throws -> Int {
            let list = SVGTextTests.page([SVGTextTests.text(string, font: font)])
            let png = try #require(PNGImage(try backend.render(list, format: .png, dpi: 144)))
            var ink = 0
            for y in 0..<png.height { for x in 0..<png.width { ink += 765 - png.rgb(x, y).0 - png.rgb(x, y).1 - png.rgb(x, y).2 } }
            return ink
        }
        #expect(try ink("σ∂ℓ", serif) > 765 * 20)
        #expect(try ink("⁻⁸", Font(size: 10, family: "Latin Modern Math")) > 765 * 10)
        #expect(backend.measure("⁻⁸", font: Font(size: 10, family: "Latin Modern Math")).width > 4)
    }

    @Test("serif: the PDF embeds subsets of Latin Modern Roman, upright and italic; PNG, SVG and PDF bytes are stable")
    func serifFiles() throws {
        let exporter = FigureExporter(dpi: 150)
        let sans = RenderingTests.sampleFigure()
        let serif = RenderingTests.sampleFigure(theme: SVGTextTests.theme(SVGTextTests.serifFamily))
        let files = try exporter.render(serif, formats: [.png, .svg, .pdf])
        #expect(try exporter.render(serif, formats: [.png, .svg, .pdf]) == files)
        #expect(try exporter.render(sans, formats: [.png])[0] != files[0])
        #expect(SVGTextTests.string(files[1]).contains("font-family=\"'Latin Modern Roman', 'Latin Modern Math', 'DejaVu Serif', serif\""))
        // Italic text in Latin Modern's own italic face, not its upright one slanted by fontconfig.
        let italic = SVGTextTests.page([SVGTextTests.text("italic", font: Font(size: 10, italic: true, family: SVGTextTests.serifFamily))])
        for pdf in [files[2], try CairoBackend().render(italic, format: .pdf)] {
            let fonts = try #require(try ExternalTool.pdfFonts(pdf))
            let names = fonts.map { $0[0] }
            #expect(names.contains { $0.hasSuffix("+LMRoman10-Regular") || $0.hasSuffix("+LMRoman10-Italic") }, "\(names)")
            #expect(!names.contains { $0.contains("DejaVuSans") }, "\(names)")
            for row in fonts {
                // name, type (one or two words), encoding, emb, sub, uni, object, generation
                #expect(Array(row.suffix(5).prefix(2)) == ["yes", "yes"], "not an embedded subset: \(row)")
            }
        }
        #expect(try ExternalTool.pdfFonts(try CairoBackend().render(italic, format: .pdf))?.map { $0[0] }
                    .contains { $0.hasSuffix("+LMRoman10-Italic") } == true)
    }
}
