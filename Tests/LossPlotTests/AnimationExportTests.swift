import Glibc
import LossPlot
import LossPlotTesting
@testable import LossPlotCairo
import Testing

/// Animations: frames, delays, loop, colours and determinism of the GIF; pages of the PDF; the
/// step schedules; axes held still.
@Suite("Animation export")
struct AnimationExportTests {
    /// A figure of `curves` sine curves drawn up to x = step/10, with a translucent band and text,
    /// on fixed axes unless `fixed` is false.
    static func figure(step: Int, curves: Int = 3, fixed: Bool = true, legend: LegendPlacement = .fixed(.lowerLeft)) -> Figure {
        let xs = (0...max(1, step)).map { Double($0) / 10 }
        var marks: [Mark] = [.polygon(DataPolygon(label: "band", points: [Point(0, -0.5), Point(6, -0.5), Point(6, 0.5), Point(0, 0.5)],
                                                  color: Color(hex: 0x4477AA, alpha: 0.2)))]
        for c in 0..<curves {
            marks.append(.line(DataLine(label: "$\\sin(x + \(c))$", x: xs, y: xs.map { sin($0 + Double(c)) * (1 + 0.2 * Double(c)) })))
        }
        return Figure(width: 4, height: 3, title: "step \(step)",
                      panels: [Panel(x: Axis(label: "$x$", range: fixed ? 0...6 : nil), y: Axis(label: "$y$", range: fixed ? -2...2 : nil),
                                     marks: marks, legend: legend)])
    }

    static func animation(frames: Int = 6, curves: Int = 3, fixed: Bool = true, legend: LegendPlacement = .fixed(.lowerLeft)) -> Animation {
        Animation.growing(frames: frames, steps: 60) { figure(step: $0, curves: curves, fixed: fixed, legend: legend) }
    }

    @Test("step schedules: linear ⌈k·steps/(n − 1)⌉, logarithmic ⌈steps^(k/(n − 1))⌉, both ending at steps")
    func schedules() {
        let linear = (0..<5).map { Animation.StepSchedule.linear.step(frame: $0, of: 5, steps: 10) }
        #expect(linear == [0, 3, 5, 8, 10])
        let log = (0..<4).map { Animation.StepSchedule.logarithmic.step(frame: $0, of: 4, steps: 1000) }
        #expect(log == [1, 10, 100, 1000])
        #expect(Animation.StepSchedule.linear.step(frame: 0, of: 1, steps: 7) == 7)
        for n in 2...40 {
            let steps = (0..<n).map { Animation.StepSchedule.logarithmic.step(frame: $0, of: n, steps: 3000) }
            #expect(steps.last == 3000 && zip(steps, steps.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }

    @Test("GIF: GIF89a, a frame per figure at the same size, delays from fps with the last held, looping for ever")
    func gifStructure() throws {
        let exporter = AnimationExporter(dpi: 50, framesPerSecond: 8, finalPause: 1.5)
        let bytes = try exporter.render(Self.animation(), format: .gif)
        #expect(Array(bytes.prefix(6)) == Array("GIF89a".utf8))
        let gif = try GIFAnimation(bytes)
        #expect(gif.width == 200 && gif.height == 150)
        #expect(gif.loopCount == 0)
        #expect(gif.frames.count == 6)
        #expect(gif.frames.map(\.delay) == [13, 13, 13, 13, 13, 163])
        #expect(gif.frames.dropFirst().allSatisfy { $0.disposal == 1 && $0.transparentIndex != nil })
        #expect(gif.frames[0].width == 200 && gif.frames[0].height == 150)
        // The same animation, the same bytes.
        #expect(try exporter.render(Self.animation(), format: .gif) == bytes)
    }

    @Test("GIF frames are the PNG frames up to the quantization error (measured: tight on the shades of one line, larger only where lines cross)",
          arguments: [1, 6])
    func gifPixels(curves: Int) throws {
        let animation = Self.animation(curves: curves)
        let gif = try GIFAnimation(try AnimationExporter(dpi: 100).render(animation, format: .gif))
        var colors = Set<UInt32>()
        var results: [(worst: Int, mean: Double, shareOver: Double)] = []
        try gif.forEachScreen { k, screen in
            let png = try #require(PNGImage(try FigureExporter(dpi: 100).render(try animation.frame(k), formats: [.png])[0]))
            #expect(png.width == gif.width && png.height == gif.height)
            for y in 0..<png.height {
                for x in 0..<png.width {
                    let (r, g, b) = png.rgb(x, y)
                    colors.insert(UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b))
                }
            }
            results.append(png.difference(fromScreen: screen, over: 8))
        }
        let worst = results.map(\.worst).max()!, mean = results.map(\.mean).max()!, over8 = results.map(\.shareOver).max()!
        print("gif pixels, \(curves) curves: \(colors.count) colours, largest channel error \(worst), mean \(mean), share over 8 \(over8)")
        if colors.count <= 255 {
            #expect(worst == 0, "\(colors.count) colours, largest error \(worst)")
        } else if curves == 1 {
            // Measured: 561 colours; 2 levels at most, 0.0055 on average.
            #expect(worst <= 2 && mean < 0.006, "\(colors.count) colours: largest error \(worst), mean \(mean)")
        } else {
            // Measured: 2884 colours (six inks, over white and over the band, and their crossings);
            // 19 levels at most, on 60 of 120 000 pixels over 8, all where two lines cross; 0.13
            // levels on average.
            #expect(worst <= 20 && mean < 0.14 && over8 < 0.001, "\(colors.count) colours: largest error \(worst), mean \(mean), over 8 levels \(over8)")
        }
    }

    @Test("PDF: a page per frame, all of one size; the same bytes every time; one page is the single figure's PDF")
    func pdfPages() throws {
        let exporter = AnimationExporter()
        let bytes = try exporter.render(Self.animation(frames: 7), format: .pdf)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF") && text.contains("%%EOF"))
        #expect(Self.pageCount(text) == 7)
        #expect(text.contains("/CreationDate (20000101000000Z)"))
        #expect(try exporter.render(Self.animation(frames: 7), format: .pdf) == bytes)
        let one = Animation(frameCount: 1) { _ in Self.figure(step: 60) }
        #expect(try exporter.render(one, format: .pdf) == FigureExporter().render(Self.figure(step: 60), formats: [.pdf])[0])
    }

    /// The pages of a PDF: "/Type /Page" not followed by "s".
    static func pageCount(_ text: String) -> Int {
        var count = 0
        var rest = text[...]
        while let r = rest.firstRange(of: "/Type /Page") {
            if r.upperBound == rest.endIndex || rest[r.upperBound] != "s" { count += 1 }
            rest = rest[r.upperBound...]
        }
        return count
    }

    @Test("a 'best' legend is held where the last frame has it")
    func heldLegend() throws {
        // A line rising into the upper right corner only in the last frames.
        let animation = Animation.growing(frames: 6, steps: 60) { step in
            let xs = (0...max(1, step)).map { Double($0) / 10 }
            return Figure(width: 4, height: 3, panels: [Panel(x: Axis(range: 0...6), y: Axis(range: -2...2),
                                                              marks: [.line(DataLine(label: "rising", x: xs, y: xs.map { -1.8 + 0.62 * $0 }))])])
        }
        let frames = try FrameSource(animation)
        /// The legend's box: its translucent white fill.
        func legendBox(_ list: DisplayList) -> [Point]? {
            for item in list.items {
                if case .fill(let path, let color) = item, color == Color.white.withAlpha(0.85) { return path.points }
            }
            return nil
        }
        let last = try #require(legendBox(try frames.list(5)))
        for k in 0..<5 { #expect(legendBox(try frames.list(k)) == last, "frame \(k)") }
        // Alone, the first frame's legend goes elsewhere: the line is short and leaves the upper right free.
        #expect(try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(try animation.frame(5)).panels[0].legendPlacement == .fixed(.upperLeft))
        let alone = try FigureRenderer(measurer: CairoBackend()).render(try animation.frame(0))
        #expect(legendBox(alone) != last)
    }

    @Test("axes without a range are held at the last frame's views; the last frame is drawn as alone")
    func heldAxes() throws {
        let animation = Self.animation(frames: 4, fixed: false)
        let backend = CairoBackend()
        let last = try FigureRenderer(measurer: backend).renderWithGeometry(Self.figure(step: 60, fixed: false)).panels[0].transform
        let gif = try GIFAnimation(try AnimationExporter(dpi: 50).render(animation, format: .gif))
        // The frame and the tick labels do not move: each later frame changes only inside the axes.
        let axes = last.rect
        for frame in gif.frames.dropFirst() {
            #expect(Double(frame.x) >= (axes.minX - 2) * 50 / 72 && Double(frame.x + frame.width) <= (axes.maxX + 2) * 50 / 72 + 1,
                    "frame x \(frame.x)…\(frame.x + frame.width), axes \(axes.minX * 50 / 72)…\(axes.maxX * 50 / 72)")
        }
        let unheld = Animation(frameCount: 4, holdsLayout: false) { try animation.frame($0) }
        #expect(try AnimationExporter(dpi: 50).render(unheld, format: .gif) != AnimationExporter(dpi: 50).render(animation, format: .gif))
        // The last page of the PDF is the last figure's own PDF page.
        let pdf = try AnimationExporter().render(Animation(frameCount: 1) { _ in try animation.frame(3) }, format: .pdf)
        #expect(pdf == (try FigureExporter().render(Self.figure(step: 60, fixed: false), formats: [.pdf])[0]))
    }

    @Test("frames of different sizes, and no frames, are refused")
    func refused() throws {
        let mixed = Animation(frameCount: 2) { k in
            var f = Self.figure(step: 10)
            f.width = k == 0 ? 4 : 5
            return f
        }
        for format in AnimationFormat.allCases {
            #expect(throws: RenderError.self) { try AnimationExporter(dpi: 30).render(mixed, format: format) }
            #expect(throws: RenderError.self) { try AnimationExporter(dpi: 30).render(Animation(frameCount: 0) { _ in Self.figure(step: 1) }, format: format) }
        }
    }

    @Test("write: by extension, atomically; an unknown extension is refused")
    func write() throws {
        let folder = "/tmp/lossplot-animation-\(getpid())"
        mkdir(folder, 0o755)
        defer { for name in ["a.gif", "a.pdf"] { unlink("\(folder)/\(name)") }; rmdir(folder) }
        let animation = Self.animation(frames: 3)
        try AnimationExporter(dpi: 30).write(animation, to: RawPath("\(folder)/a.gif"))
        try AnimationExporter(dpi: 30).write(animation, to: RawPath("\(folder)/a.pdf"))
        #expect(throws: ExportError.self) { try AnimationExporter().write(animation, to: RawPath("\(folder)/a.png")) }
        #expect(RawPath("\(folder)/a.gif").kind == .other && RawPath("\(folder)/a.pdf").kind == .other)
        #expect(RawPath("\(folder)/a.png").kind == .missing)
    }

    @Test("frames for a video: every frame at the exporter's resolution, in order")
    func videoFrames() throws {
        var sizes: [(Int, Int)] = []
        var firsts: [UInt32] = []
        try AnimationExporter(dpi: 40).forEachFrame(of: Self.animation(frames: 3)) { image in
            sizes.append((image.width, image.height))
            firsts.append(image.pixels[0])
            #expect(image.rgbBytes.count == 3 * image.width * image.height)
        }
        #expect(sizes.count == 3 && sizes.allSatisfy { $0 == (160, 120) })
        #expect(firsts.allSatisfy { $0 == 0xFF_FFFF })
    }
}
