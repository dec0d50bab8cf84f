public import LossPlot

/// The one path from a `Figure` to image bytes or an image file: the layout once
/// (`FigureRenderer`, text measured by cairo), then each format drawn by ``CairoBackend``,
/// PNG within the raster limits (``RasterSize``), a file written atomically (``AtomicFile``).
/// SVG text is `<text>` elements naming the font unless ``svgText`` says outlines.
///
/// ```swift
/// let figure = Figure(panels: [Panel(marks: [.line(DataLine(label: "y = x²", x: xs, y: xs.map { $0 * $0 }))])])
/// try FigureExporter(dpi: 300).write(figure, to: "square.pdf")
/// try FigureExporter(svgText: .outlines).write(figure, to: "square.svg")  // glyph outlines
/// ```
public struct FigureExporter: Sendable {
    /// Resolution of PNG output in dots per inch; SVG and PDF are vector formats.
    public var dpi: Double
    /// How SVG output carries its text: `<text>` elements (editable) or glyph outlines.
    public var svgText: SVGText

    /// An exporter that draws PNGs at `dpi` (150 unless given) and SVG text as `svgText` says
    /// (`<text>` elements unless given).
    public init(dpi: Double = 150, svgText: SVGText = .text) {
        self.dpi = dpi
        self.svgText = svgText
    }

    /// The pixels a PNG of `figure` would have.
    public func raster(of figure: Figure) -> RasterSize {
        RasterSize(width: figure.width * 72, height: figure.height * 72, dpi: dpi)
    }

    /// The figure's file in each format, laid out once. Throws `FigureError` when the figure
    /// cannot be laid out as specified, ``FontError`` when its theme's font family is not
    /// installed (before anything is laid out) and `RenderError` when it cannot be drawn.
    public func render(_ figure: Figure, formats: [ImageFormat]) throws -> [[UInt8]] {
        if formats.contains(.png) {
            let size = raster(of: figure)
            guard size.fits else { throw RenderError.tooLarge(pixels: size.pixels, limit: RasterSize.maximumPixels) }
        }
        try CairoBackend.checkFontFamily(figure.theme.fontFamily)
        let backend = CairoBackend(svgText: svgText)
        let list = try FigureRenderer(measurer: backend).render(figure)
        return try formats.map { try backend.render(list, format: $0, dpi: dpi) }
    }

    /// Writes the figure to `path` in the format its extension names (.png, .svg, .pdf): to a
    /// temporary file in the same folder, renamed into place, so that a failure leaves nothing.
    public func write(_ figure: Figure, to path: RawPath) throws {
        guard let format = ImageFormat(pathExtension: path.pathExtension) else { throw ExportError.unknownExtension(path) }
        try AtomicFile.write(try render(figure, formats: [format])[0], to: path)
    }

    /// ``write(_:to:)-(_,RawPath)`` for a path given as text.
    public func write(_ figure: Figure, to path: String) throws {
        try write(figure, to: RawPath(path))
    }
}

/// Why a figure could not be exported.
public enum ExportError: Error, CustomStringConvertible {
    /// The path's extension names no format: it is none of .png, .svg and .pdf, in any case.
    case unknownExtension(RawPath)
    /// The path's extension names no animation format: it is neither .gif nor .pdf, in any case.
    case unknownAnimationExtension(RawPath)

    /// The problem in one line: the path, its extension, and the ones to use.
    public var description: String {
        switch self {
        case .unknownExtension(let path): "\(path): unknown extension '\(path.pathExtension)'; use .png, .svg or .pdf"
        case .unknownAnimationExtension(let path): "\(path): unknown extension '\(path.pathExtension)' for an animation; use .gif or .pdf"
        }
    }
}
