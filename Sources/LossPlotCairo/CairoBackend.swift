public import LossPlot
import CCairo
import FoundationEssentials
import Glibc

/// Renders display lists with cairo: PNG at any dpi, SVG and PDF, all from the same operations,
/// and measures text with cairo's toy font API (DejaVu Sans), with metric hinting off so that
/// widths agree between the formats.
///
/// Output is deterministic: PDF creation and modification dates are pinned, and cairo's SVG
/// surface ids, which come from a process-wide counter, are renumbered in order of appearance.
public final class CairoBackend: Backend {
    /// The largest raster accepted, in pixels (64 megapixels, 256 MiB of ARGB32).
    public static let maximumPixels = 64_000_000

    private let scratchSurface: OpaquePointer
    private let scratch: OpaquePointer

    /// A backend, with a 1 × 1 scratch surface of its own for measuring text.
    public init() {
        scratchSurface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        scratch = cairo_create(scratchSurface)
        Self.configureText(scratch)
    }

    deinit {
        cairo_destroy(scratch)
        cairo_surface_destroy(scratchSurface)
    }

    // MARK: Text

    /// The advance of `string` in `font` and the font's ascent and descent, from cairo's toy font API.
    public func measure(_ string: String, font: Font) -> TextExtents {
        Self.select(font, in: scratch)
        var text = cairo_text_extents_t()
        cairo_text_extents(scratch, string, &text)
        var metrics = cairo_font_extents_t()
        cairo_font_extents(scratch, &metrics)
        return TextExtents(width: text.x_advance, ascent: metrics.ascent, descent: metrics.descent)
    }

    private static func configureText(_ cr: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    private static func select(_ font: Font, in cr: OpaquePointer) {
        cairo_select_font_face(cr, font.family, font.italic ? CAIRO_FONT_SLANT_OBLIQUE : CAIRO_FONT_SLANT_NORMAL,
                               font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, font.size)
    }

    // MARK: Rendering

    /// The bytes of `list` as a PNG file at `dpi` (150 unless given), an SVG file or a PDF file.
    public func render(_ list: DisplayList, format: ImageFormat, dpi: Double = 150) throws -> [UInt8] {
        if let what = list.firstNonFinite { throw RenderError.nonFinite(what) }
        let sink = ByteSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let surface: OpaquePointer
        switch format {
        case .png:
            let scale = dpi / 72
            let width = Int((list.width * scale).rounded(.up)), height = Int((list.height * scale).rounded(.up))
            guard width > 0, height > 0 else { throw RenderError.cairo("empty image") }
            guard width.multipliedReportingOverflow(by: height).partialValue <= Self.maximumPixels,
                  width <= 32767, height <= 32767 else {
                throw RenderError.tooLarge(pixels: width * height, limit: Self.maximumPixels)
            }
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
            try Self.check(cairo_surface_status(surface))
            defer { cairo_surface_destroy(surface) }
            let cr = cairo_create(surface)!
            cairo_scale(cr, scale, scale)
            draw(list, on: cr, rasterScale: scale)
            // An error stops all drawing after it: the image would be cut short, not failed.
            let drawStatus = cairo_status(cr)
            cairo_destroy(cr)
            cairo_surface_flush(surface)
            try Self.check(drawStatus)
            try Self.check(cairo_surface_status(surface))
            guard let data = cairo_image_surface_get_data(surface) else { throw RenderError.cairo("no image data") }
            return try PNGEncoder.encode(pixels: data, width: width, height: height,
                                         stride: Int(cairo_image_surface_get_stride(surface)), dpi: dpi)
        case .svg:
            surface = cairo_svg_surface_create_for_stream(Self.write, context, list.width, list.height)
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(Self.write, context, list.width, list.height)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "LossPlotCairo")
        }
        try Self.check(cairo_surface_status(surface))
        let cr = cairo_create(surface)!
        draw(list, on: cr, rasterScale: nil)
        let drawStatus = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        try Self.check(drawStatus)
        try Self.check(status)
        return format == .svg ? SVGNormalizer.renumberSurfaceIDs(sink.bytes) : sink.bytes
    }

    /// Draws the list; `rasterScale` is the device pixels per point on an image surface, nil on
    /// SVG and PDF.
    private func draw(_ list: DisplayList, on cr: OpaquePointer, rasterScale: Double?) {
        Self.configureText(cr)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        for item in list.items {
            switch item {
            case .stroke(let path, let style):
                setColor(style.color, on: cr)
                cairo_set_line_width(cr, style.width)
                cairo_set_line_cap(cr, style.roundCaps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
                // A long path in pieces: on a raster, cairo's time for one stroke grows faster than
                // its length when the path crosses itself, and the pieces are combined as one
                // stroke; on SVG and PDF, cairo dashes a whole stroke in memory at once (0.7 GB for
                // 100 000 long dashed segments), so a dashed path is cut too, a solid one kept whole.
                let pieces = rasterScale != nil || !style.dash.isEmpty ? StrokeChunks.split(path, dash: style.dash)
                    : [StrokeChunks.Piece(path: path, dashOffset: 0)]
                if let rasterScale, pieces.count > 1 {
                    CairoLongStroke.draw(pieces, style: style, scale: rasterScale, on: cr)
                } else {
                    for piece in pieces {
                        Self.trace(piece.path, on: cr)
                        style.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), piece.dashOffset) }
                        cairo_stroke(cr)
                    }
                }
            case .fill(let path, let color):
                Self.trace(path, on: cr)
                setColor(color, on: cr)
                cairo_fill(cr)
            case .text(let text):
                cairo_save(cr)
                Self.select(text.font, in: cr)
                setColor(text.color, on: cr)
                cairo_translate(cr, text.origin.x, text.origin.y)
                cairo_rotate(cr, -text.angle)
                cairo_move_to(cr, 0, 0)
                cairo_show_text(cr, text.string)
                cairo_new_path(cr)
                cairo_restore(cr)
            case .pushClip(let r):
                cairo_save(cr)
                cairo_rectangle(cr, r.x, r.y, r.width, r.height)
                cairo_clip(cr)
            case .popClip:
                cairo_restore(cr)
            }
        }
    }

    static func trace(_ path: Path, on cr: OpaquePointer) {
        cairo_new_path(cr)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .close: cairo_close_path(cr)
            }
        }
    }

    private func setColor(_ c: Color, on cr: OpaquePointer) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    private static func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cairo(String(cString: cairo_status_to_string(status)))
        }
    }

    /// cairo's stream callback: appends to the ``ByteSink`` passed as the closure pointer.
    private static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}

/// The bytes a cairo stream surface writes.
final class ByteSink {
    var bytes: [UInt8] = []
}

/// Makes cairo's SVG output independent of what the process drew before.
enum SVGNormalizer {
    /// Replaces each `surfaceN` id (from cairo's process-wide counter) by `surface1`, `surface2`, …
    /// in order of first appearance.
    static func renumberSurfaceIDs(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        var mapping: [Substring: String] = [:]
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let range = rest.firstRange(of: "surface") {
            out += rest[..<range.upperBound]
            var end = range.upperBound
            while end < rest.endIndex, rest[end].isASCII, rest[end].isNumber { end = rest.index(after: end) }
            let digits = rest[range.upperBound..<end]
            if !digits.isEmpty {
                let replacement = mapping[digits] ?? String(mapping.count + 1)
                mapping[digits] = replacement
                out += replacement
            }
            rest = rest[end...]
        }
        out += rest
        return Array(out.utf8)
    }
}
