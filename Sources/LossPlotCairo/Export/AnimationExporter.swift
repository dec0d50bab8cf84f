public import LossPlot

/// The file formats of an animation.
public enum AnimationFormat: String, Sendable, CaseIterable {
    /// An animated GIF89a: rasters at a resolution, one colour table of at most 256 colours,
    /// looping (slides: PowerPoint, Keynote, Google Slides; web pages).
    case gif
    /// A PDF of one page per frame, in vectors: for LaTeX beamer's `animate` package,
    /// `\animategraphics[loop,controls]{fps}{file}{}{}`.
    case pdf

    /// The format for a file name's extension, case-insensitively; nil if unknown.
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }
}

/// The path from an `Animation` to an animated GIF, a PDF of one page per frame, or frames
/// for a video encoder: each frame laid out and drawn as ``FigureExporter`` draws a figure, one at
/// a time. Every frame must have the first frame's page size.
///
/// The GIF shows each frame for 1/``framesPerSecond`` s (GIF counts hundredths, so 100/fps is
/// rounded) and the last one ``finalPause`` s longer, then loops. Its colours are exact when the
/// frames have at most 255 between them; otherwise the figures' inks (their line, text and fill
/// colours on white) and the frequent colours are kept exactly and the anti-aliasing shades
/// quantized (median cut, refined by k-means). The same animation gives the same bytes, GIF and PDF.
///
/// ```swift
/// let animation = Animation.growing(frames: 40, steps: 300) { step in figure(upTo: step) }
/// try AnimationExporter(dpi: 100, framesPerSecond: 10).write(animation, to: "run.gif")
/// try AnimationExporter().write(animation, to: "run.pdf")   // \animategraphics{10}{run}{}{}
/// ```
public struct AnimationExporter: Sendable {
    /// Resolution of GIF frames in dots per inch; a PDF is in vectors.
    public var dpi: Double
    /// Frames per second of a GIF (1 to 50; GIF's delays are whole hundredths of a second).
    public var framesPerSecond: Double
    /// Seconds the last frame of a GIF stays before the animation starts again.
    public var finalPause: Double

    /// An exporter of GIFs at `dpi` (100 unless given) and `framesPerSecond` (10 unless given),
    /// the last frame held `finalPause` s longer (2 unless given).
    public init(dpi: Double = 100, framesPerSecond: Double = 10, finalPause: Double = 2) {
        self.dpi = dpi
        self.framesPerSecond = framesPerSecond
        self.finalPause = finalPause
    }

    /// The pixels each frame of a GIF of `animation` would have (those of its last frame).
    public func raster(of animation: Animation) throws -> RasterSize {
        let last = try animation.frame(animation.frameCount - 1)
        return RasterSize(width: last.width * 72, height: last.height * 72, dpi: dpi)
    }

    /// The delay of GIF frame `k` of `n` in hundredths of a second: round(100/fps), at least 2
    /// (browsers show shorter delays as 1/10 s), the last frame plus round(100 · ``finalPause``).
    public func delay(frame k: Int, of n: Int) -> Int {
        let base = max(2, Int((100 / framesPerSecond).rounded()))
        return k == n - 1 ? min(0xFFFF, base + Int((100 * max(0, finalPause)).rounded())) : base
    }

    /// The file of `animation` in `format`. Throws `FigureError` when a frame cannot be laid out,
    /// ``FontError`` when its font is not installed, `RenderError` when it cannot be drawn, has
    /// another page size than the first, or the GIF's raster is beyond ``RasterSize``'s limits.
    public func render(_ animation: Animation, format: AnimationFormat) throws -> [UInt8] {
        let frames = try FrameSource(animation)
        switch format {
        case .pdf:
            return try frames.backend.pdf(pageCount: animation.frameCount) { try frames.list($0) }
        case .gif:
            var encoder: GIFEncoder?
            var inks: [UInt32] = [0xFF_FFFF]
            var known: Set<UInt32> = [0xFF_FFFF]
            for k in 0..<animation.frameCount {
                let list = try frames.list(k)
                for ink in Self.inks(of: list) where known.insert(ink).inserted { inks.append(ink) }
                let image = try frames.image(list, dpi: dpi)
                if encoder == nil { encoder = GIFEncoder(width: image.width, height: image.height) }
                encoder!.add(image, delay: delay(frame: k, of: animation.frameCount))
            }
            return encoder!.encode(loopCount: 0, keep: inks)
        }
    }

    /// Writes `animation` to `path` in the format its extension names (.gif or .pdf), atomically
    /// (``AtomicFile``): a failure leaves no file.
    public func write(_ animation: Animation, to path: RawPath) throws {
        guard let format = AnimationFormat(pathExtension: path.pathExtension) else {
            throw ExportError.unknownAnimationExtension(path)
        }
        try AtomicFile.write(try render(animation, format: format), to: path)
    }

    /// ``write(_:to:)-(_,RawPath)`` for a path given as text.
    public func write(_ animation: Animation, to path: String) throws {
        try write(animation, to: RawPath(path))
    }

    /// Draws each frame at ``dpi`` and hands it to `body`, in order (for a video encoder; the
    /// frames are not kept).
    public func forEachFrame(of animation: Animation, _ body: (RGBImage) throws -> Void) throws {
        let frames = try FrameSource(animation)
        for k in 0..<animation.frameCount { try body(try frames.image(try frames.list(k), dpi: dpi)) }
    }

    /// The colours a display list draws with, over white (a translucent colour as it lands on
    /// white, rounded as cairo rounds): the inks a GIF's table keeps exactly.
    static func inks(of list: DisplayList) -> [UInt32] {
        func word(_ c: Color) -> UInt32 {
            func channel(_ v: Double) -> UInt32 {
                // cairo holds a colour in 16 bits and keeps the high byte; premultiplied over white.
                let a = min(1, max(0, c.alpha))
                let premultiplied = UInt32((min(1, max(0, v)) * a * 65535).rounded()) >> 8
                let alpha = UInt32((a * 65535).rounded()) >> 8
                return min(255, premultiplied + 255 - alpha)
            }
            return channel(c.red) << 16 | channel(c.green) << 8 | channel(c.blue)
        }
        var colors: [UInt32] = []
        for item in list.items {
            switch item {
            case .stroke(_, let style): colors.append(word(style.color))
            case .fill(_, let color): colors.append(word(color))
            case .text(let text): colors.append(word(text.color))
            case .pushClip, .popClip: break
            }
        }
        return colors
    }
}

/// The frames of an animation as display lists, laid out by one backend (whose text
/// measurements carry over from frame to frame), their axes and 'best' legends held where the
/// last frame has them when the animation asks; every page of the first one's size.
final class FrameSource {
    let animation: Animation
    let backend = CairoBackend()
    /// Each panel's x and y views and legend placement in the last frame, when the layout is held.
    private var held: [(x: ClosedRange<Double>, y: ClosedRange<Double>, legend: LegendPlacement?)]?
    /// The first frame's page, in points.
    private var page: (width: Double, height: Double)?

    init(_ animation: Animation) throws {
        guard animation.frameCount > 0 else { throw RenderError.cairo("an animation needs at least one frame") }
        self.animation = animation
        if animation.holdsLayout {
            let last = try animation.frame(animation.frameCount - 1)
            try CairoBackend.checkFontFamily(last.theme.fontFamily)
            held = try FigureRenderer(measurer: backend).renderWithGeometry(last).panels
                .map { ($0.transform.xView, $0.transform.yView, $0.legendPlacement) }
        }
    }

    /// Frame `k` laid out.
    func list(_ k: Int) throws -> DisplayList {
        var figure = try animation.frame(k)
        if let page, figure.width * 72 != page.width || figure.height * 72 != page.height {
            throw RenderError.cairo("frame \(k + 1) is \(figure.width) × \(figure.height) in, frame 1 \(page.width / 72) × \(page.height / 72) in; every frame of an animation has one size")
        }
        if page == nil {
            try CairoBackend.checkFontFamily(figure.theme.fontFamily)
            page = (figure.width * 72, figure.height * 72)
        }
        if let held, held.count == figure.panels.count {
            for (i, last) in held.enumerated() {
                if figure.panels[i].x.range == nil { figure.panels[i].x.range = last.x }
                if figure.panels[i].y.range == nil { figure.panels[i].y.range = last.y }
                if figure.panels[i].legend == .best, let placement = last.legend { figure.panels[i].legend = placement }
            }
        }
        return try FigureRenderer(measurer: backend).render(figure)
    }

    /// A laid-out frame drawn at `dpi`, within the raster limits.
    func image(_ list: DisplayList, dpi: Double) throws -> RGBImage {
        let size = RasterSize(width: list.width, height: list.height, dpi: dpi)
        guard size.fits else { throw RenderError.tooLarge(pixels: size.pixels, limit: RasterSize.maximumPixels) }
        return try backend.withRaster(list, dpi: dpi) { RGBImage(cairo: $0, width: $1, height: $2, stride: $3) }
    }
}
