public import LossPlot
import CCairo
import FoundationEssentials
import Glibc

/// Renders display lists with cairo: PNG at any dpi, SVG and PDF, all from the same operations,
/// and measures text with cairo's toy font API (each font's family as fontconfig names it, DejaVu
/// Sans unless the theme says otherwise), with metric hinting off so that widths agree between
/// the formats.
///
/// A font's `family` may be a list, first choice first, comma-separated as fontconfig and CSS
/// write one: `"Latin Modern Roman, Latin Modern Math"`. Each character is drawn, and measured, in
/// the first family whose face has a glyph for it (Greek, ∂ and ≤ from Latin Modern Math, which
/// Latin Modern Roman lacks), as a browser picks a family for it from an SVG's `font-family` list;
/// a character none of them has, in the installed family fontconfig finds nearest that has it,
/// as a browser's last resort, rather than as a blank or a box. The line's ascent and descent are
/// the first family's.
///
/// An SVG has its text as `<text>` elements naming the font (``SVGText/text``, written from the
/// display list by LossPlotCairo itself) unless the backend is made with ``SVGText/outlines``,
/// which gives cairo's SVG surface and its glyph outlines. PDFs embed subsets of the fonts.
///
/// A list that names a font which is not installed is refused (``FontError``) rather than drawn in
/// the font cairo would silently put in its place.
///
/// Output is deterministic: PDF creation and modification dates are pinned, and cairo's SVG
/// surface ids, which come from a process-wide counter, are renumbered in order of appearance.
public final class CairoBackend: Backend {
    /// The largest raster accepted, in pixels (64 megapixels, 256 MiB of ARGB32).
    public static let maximumPixels = 64_000_000

    /// How SVG output carries its text: `<text>` elements (the default) or glyph outlines.
    public let svgText: SVGText

    private let scratchSurface: OpaquePointer
    private let scratch: OpaquePointer
    /// The families of each font family list met (``FontFamilies``).
    private var familyLists: [String: [String]] = [:]
    /// For each face met, whether it has a glyph for each character asked about, as cairo says.
    private var coverage: [Face: Glyphs] = [:]
    /// Each string and font measured so far: the layout measures a tick label or a legend entry
    /// once per pass and per candidate place, and cairo's measurement with its family fallback
    /// is the costly part.
    private var measured: [Measured: TextExtents] = [:]

    private struct Measured: Hashable {
        var string: String, font: Font
    }

    private struct Face: Hashable {
        var family: String, italic: Bool, bold: Bool
    }

    private final class Glyphs {
        var has: [Unicode.Scalar: Bool] = [:]
    }

    /// A backend, with a 1 × 1 scratch surface of its own for measuring text, that writes SVG text
    /// as `svgText` says (as `<text>` elements unless given).
    public init(svgText: SVGText = .text) {
        self.svgText = svgText
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
        let key = Measured(string: string, font: font)
        if let known = measured[key] { return known }
        let extents = extents(of: string, in: font)
        measured[key] = extents
        return extents
    }

    /// The measurement itself: each run in its family, the first family's ascent and descent.
    private func extents(of string: String, in font: Font) -> TextExtents {
        let runs = runs(of: string, in: font)
        var width = 0.0
        for run in runs {
            Self.select(run.family, font, in: scratch)
            var text = cairo_text_extents_t()
            cairo_text_extents(scratch, run.text, &text)
            width += text.x_advance
        }
        let first = families(of: font)[0]
        if runs.count != 1 || runs[0].family != first { Self.select(first, font, in: scratch) }
        var metrics = cairo_font_extents_t()
        cairo_font_extents(scratch, &metrics)
        return TextExtents(width: width, ascent: metrics.ascent, descent: metrics.descent)
    }

    /// `string` cut where the family that draws it changes: each character goes to the first
    /// family of the font's list whose face has a glyph for it; when none has, to the installed
    /// family nearest the first that has (as a browser falls back for a glyph its list lacks),
    /// and when no installed font has it, to the first family.
    private func runs(of string: String, in font: Font) -> [(text: String, family: String)] {
        let families = families(of: font)
        // Most often the first family has every character: one run, one lookup per character.
        let first = glyphs(of: families[0], font)
        var unknown: [Unicode.Scalar] = []
        for scalar in string.unicodeScalars where first.has[scalar] == nil && !unknown.contains(scalar) { unknown.append(scalar) }
        learn(first, families[0], font, unknown)
        if string.unicodeScalars.allSatisfy({ covers(first, families[0], font, $0) }) {
            return string.isEmpty ? [] : [(string, families[0])]
        }
        var runs: [(text: String, family: String)] = []
        for scalar in string.unicodeScalars {
            let family = families.first { covers(glyphs(of: $0, font), $0, font, scalar) }
                ?? lastResort(for: scalar, in: font, near: families[0]) ?? families[0]
            if let last = runs.last, last.family == family {
                runs[runs.count - 1].text.unicodeScalars.append(scalar)
            } else {
                runs.append((String(scalar), family))
            }
        }
        return runs
    }

    /// The family fontconfig picks for a character that none of the font's families has.
    private func lastResort(for scalar: Unicode.Scalar, in font: Font, near family: String) -> String? {
        let face = FontAvailability.Face(family: family, italic: font.italic, bold: font.bold)
        guard let fallback = FontAvailability.fallbackFamily(for: scalar, near: face),
              covers(glyphs(of: fallback, font), fallback, font, scalar) else {
            return nil
        }
        return fallback
    }

    /// The families of `font`'s list.
    private func families(of font: Font) -> [String] {
        if let known = familyLists[font.family] { return known }
        let families = FontFamilies.split(font.family)
        familyLists[font.family] = families
        return families
    }

    /// What is known of the glyphs of `family` in `font`'s slant and weight.
    private func glyphs(of family: String, _ font: Font) -> Glyphs {
        let face = Face(family: family, italic: font.italic, bold: font.bold)
        if let known = coverage[face] { return known }
        let glyphs = Glyphs()
        coverage[face] = glyphs
        return glyphs
    }

    /// Whether `family` (whose glyphs are `glyphs`), in `font`'s slant and weight, has a glyph for
    /// `scalar`: cairo maps a character the face lacks to glyph 0.
    private func covers(_ glyphs: Glyphs, _ family: String, _ font: Font, _ scalar: Unicode.Scalar) -> Bool {
        if let known = glyphs.has[scalar] { return known }
        learn(glyphs, family, font, [scalar])
        return glyphs.has[scalar] ?? false
    }

    /// Asks cairo, in one call, which of `scalars` the face has a glyph for (the toy font API maps
    /// each character to one glyph, 0 when the face lacks it), and records the answers.
    private func learn(_ glyphs: Glyphs, _ family: String, _ font: Font, _ scalars: [Unicode.Scalar]) {
        guard !scalars.isEmpty else { return }
        Self.select(family, font, in: scratch)
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        var indices: UnsafeMutablePointer<cairo_glyph_t>?
        var count: Int32 = 0
        let status = cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(scratch), 0, 0, text, -1,
                                                      &indices, &count, nil, nil, nil)
        defer { cairo_glyph_free(indices) }
        if status == CAIRO_STATUS_SUCCESS, Int(count) == scalars.count, let indices {
            for (i, scalar) in scalars.enumerated() { glyphs.has[scalar] = indices[i].index != 0 }
        } else if scalars.count > 1 {
            for scalar in scalars { learn(glyphs, family, font, [scalar]) }
        } else {
            glyphs.has[scalars[0]] = false
        }
    }

    private static func configureText(_ cr: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    /// Throws ``FontError`` unless `family` is installed, upright and italic (the faces a figure's
    /// text and math use), so that cairo will draw it rather than another family in its place.
    /// For a list of families, the first must be installed upright and italic, the others
    /// upright. Rendering makes the same check for every font a display list names.
    public static func checkFontFamily(_ family: String) throws {
        for italic in [false, true] { try FontAvailability.check(Font(size: 10, italic: italic, family: family)) }
    }

    /// Throws ``FontError`` for the first font in `list` that is not installed.
    private static func checkFonts(in list: DisplayList) throws {
        var checked: Set<Font> = []
        for item in list.items {
            guard case .text(let text) = item else { continue }
            let font = Font(size: 10, italic: text.font.italic, bold: text.font.bold, family: text.font.family)
            if checked.insert(font).inserted { try FontAvailability.check(font) }
        }
    }

    /// Selects one `family` (of `font`'s list) in `font`'s size, slant and weight.
    private static func select(_ family: String, _ font: Font, in cr: OpaquePointer) {
        // Italic, not oblique: fontconfig gives a family's true italic where it has one (Latin
        // Modern's), and its oblique where that is all it has (DejaVu Sans's).
        cairo_select_font_face(cr, family, font.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                               font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        if font.italic, FontAvailability.hasSyntheticItalic(family) {
            // A family with no italic face (Latin Modern Math, filling in for another): slanted
            // as fontconfig slants it for SVG viewers, x' = x − 0.2 y (y grows downward), so that
            // the PNG and PDF show what the SVG does. The advance is unchanged.
            var matrix = cairo_matrix_t()
            cairo_matrix_init(&matrix, font.size, 0, -FontAvailability.syntheticSlant * font.size, font.size, 0, 0)
            cairo_set_font_matrix(cr, &matrix)
        } else {
            cairo_set_font_size(cr, font.size)
        }
    }

    // MARK: Rendering

    /// The bytes of `list` as a PNG file at `dpi` (150 unless given), an SVG file (its text as
    /// ``svgText`` says) or a PDF file. Throws `RenderError` when the list cannot be drawn and
    /// ``FontError`` when it names a font that is not installed.
    public func render(_ list: DisplayList, format: ImageFormat, dpi: Double = 150) throws -> [UInt8] {
        try Self.checkDrawable(list)
        switch format {
        case .png:
            return try drawRaster(list, dpi: dpi) { data, width, height, stride in
                try PNGEncoder.encode(pixels: data, width: width, height: height, stride: stride, dpi: dpi)
            }
        case .svg:
            if svgText == .text { return try SVGWriter.write(list) }
            let sink = ByteSink()
            let surface = cairo_svg_surface_create_for_stream(Self.write, Unmanaged.passUnretained(sink).toOpaque(), list.width, list.height)
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
            return SVGNormalizer.renumberSurfaceIDs(sink.bytes)
        case .pdf:
            return try pdf(pageCount: 1) { _ in list }
        }
    }

    /// The bytes of a PDF file of `pageCount` pages, page i drawn from `page(i)`, each list made
    /// when its page is drawn and dropped after. Every page has the first one's size (a list of
    /// another size throws `RenderError`); one page gives the file ``render(_:format:dpi:)``
    /// writes for `.pdf`. Dates are pinned (creation and modification 2000-01-01T00:00:00Z,
    /// creator LossPlotCairo), so the same lists give the same bytes.
    public func pdf(pageCount: Int, page: (Int) throws -> DisplayList) throws -> [UInt8] {
        guard pageCount > 0 else { throw RenderError.cairo("a PDF needs at least one page") }
        let sink = ByteSink()
        // The sink outlives the surface, whose destruction may still write to it.
        return try withExtendedLifetime(sink) {
            var surface: OpaquePointer?
            var size = (width: 0.0, height: 0.0)
            defer { if let surface { cairo_surface_destroy(surface) } }
            for index in 0..<pageCount {
                let list = try page(index)
                try Self.checkDrawable(list)
                if let surface {
                    guard list.width == size.width, list.height == size.height else {
                        throw RenderError.cairo("page \(index + 1) is \(list.width) × \(list.height) pt, page 1 \(size.width) × \(size.height) pt")
                    }
                    // The page before is finished: the next is drawn on a clear one of the same size.
                    cairo_surface_show_page(surface)
                    try Self.check(cairo_surface_status(surface))
                } else {
                    size = (list.width, list.height)
                    let created = cairo_pdf_surface_create_for_stream(Self.write, Unmanaged.passUnretained(sink).toOpaque(),
                                                                      list.width, list.height)!
                    surface = created
                    cairo_pdf_surface_set_metadata(created, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
                    cairo_pdf_surface_set_metadata(created, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
                    cairo_pdf_surface_set_metadata(created, CAIRO_PDF_METADATA_CREATOR, "LossPlotCairo")
                    try Self.check(cairo_surface_status(created))
                }
                let cr = cairo_create(surface!)!
                draw(list, on: cr, rasterScale: nil)
                let drawStatus = cairo_status(cr)
                cairo_destroy(cr)
                try Self.check(drawStatus)
            }
            // Finishing shows the last page and writes the document's trailer.
            cairo_surface_finish(surface!)
            try Self.check(cairo_surface_status(surface!))
            return sink.bytes
        }
    }

    /// Draws `list` on an ARGB32 image surface at `dpi`/72 pixels per point and hands `body` the
    /// pixels: cairo's premultiplied native-endian words, rows `stride` bytes apart, valid only
    /// during the call. Throws as ``render(_:format:dpi:)`` does for PNG.
    func withRaster<T>(_ list: DisplayList, dpi: Double,
                       _ body: (_ pixels: UnsafePointer<UInt8>, _ width: Int, _ height: Int, _ stride: Int) throws -> T) throws -> T {
        try Self.checkDrawable(list)
        return try drawRaster(list, dpi: dpi, body)
    }

    /// ``withRaster(_:dpi:_:)`` for a list already checked.
    private func drawRaster<T>(_ list: DisplayList, dpi: Double,
                               _ body: (_ pixels: UnsafePointer<UInt8>, _ width: Int, _ height: Int, _ stride: Int) throws -> T) throws -> T {
        let scale = dpi / 72
        let width = Int((list.width * scale).rounded(.up)), height = Int((list.height * scale).rounded(.up))
        guard width > 0, height > 0 else { throw RenderError.cairo("empty image") }
        guard width.multipliedReportingOverflow(by: height).partialValue <= Self.maximumPixels,
              width <= 32767, height <= 32767 else {
            throw RenderError.tooLarge(pixels: width * height, limit: Self.maximumPixels)
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
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
        return try body(data, width, height, Int(cairo_image_surface_get_stride(surface)))
    }

    /// Throws for a list with a number that is not finite, or that names a font not installed.
    private static func checkDrawable(_ list: DisplayList) throws {
        if let what = list.firstNonFinite { throw RenderError.nonFinite(what) }
        try checkFonts(in: list)
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
                setColor(text.color, on: cr)
                cairo_translate(cr, text.origin.x, text.origin.y)
                cairo_rotate(cr, -text.angle)
                cairo_move_to(cr, 0, 0)
                // Each run from where the one before ended (cairo_show_text advances the point).
                for run in runs(of: text.string, in: text.font) {
                    Self.select(run.family, text.font, in: cr)
                    cairo_show_text(cr, run.text)
                }
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
