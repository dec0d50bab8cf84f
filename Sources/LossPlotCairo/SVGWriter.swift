import LossPlot
import CCairo

/// Writes a display list as an SVG 1.1 file whose text is text (``SVGText/text``): each run a
/// `<text>` element naming its font, as matplotlib's `svg.fonttype: none`, so that the figure can
/// be edited and searched. The strokes, fills and clips are those cairo draws into the PNG:
///
/// - The page is `width` × `height` points (`width="…pt"`, and a `viewBox` in points, so that one
///   user unit is one point, font sizes included), painted white first as cairo paints it.
/// - Strokes are `<path>` elements with cairo's round joins, butt or round caps, the width, the
///   colour (and opacity) and the dash pattern; fills use the nonzero rule, as cairo's default.
///   A pattern cairo refuses (a negative length, or all lengths zero) fails as cairo fails, with
///   cairo's message, so that a list fails alike in every format.
/// - Text is set from its baseline origin, rotated about it (`transform="rotate(-90 x y)"` for a
///   y-axis label), in the family, size, style and weight of its font. `xml:space="preserve"` on
///   each `<text>` (where browsers honour it) and `white-space: pre` keep its spaces, leading and
///   repeated ones included; the viewer is asked for no kerning and no ligatures, as cairo's toy
///   font API sets text, so that the runs keep the widths the layout measured.
/// - `pushClip` opens a group clipped to a `<clipPath>` rectangle and `popClip` closes it; nested
///   clips intersect, as cairo's do. A `popClip` without a `pushClip` fails as cairo's restore
///   without a save does.
///
/// The bytes depend on the list alone: numbers are written with at most three decimals (1/1000
/// pt) by integer arithmetic, independent of the locale, without "-0" or trailing zeros, and
/// clip ids count up from 1 in each file. Work and memory are linear in the list: paths are
/// written point by point into one buffer sized beforehand, with no string per point, so a
/// stroke of millions of points costs about 15 bytes a point and no copy of the path.
///
/// It needs nothing of cairo to write, but it lives beside ``CairoBackend`` rather than in
/// LossPlot because what it promises is cairo's picture: cairo's joins, caps, dash rules and
/// errors, the fonts as cairo selects them (a family list as the backend reads it), and an SVG
/// that ``CairoBackend/render(_:format:dpi:)`` returns in place of cairo's own. LossPlot stays
/// free of file formats.
struct SVGWriter {
    private var out: [UInt8] = []
    private var clipCount = 0
    private var openClips = 0

    /// The SVG file of `list`.
    static func write(_ list: DisplayList) throws -> [UInt8] {
        var writer = SVGWriter()
        writer.out.reserveCapacity(estimatedSize(of: list))
        try writer.document(list)
        return writer.out
    }

    /// An estimate of the file's size that is not short for any page up to 10 000 pt a side (20
    /// bytes a point: "-9999.999 -9999.999 "), so that the buffer is allocated once.
    static func estimatedSize(of list: DisplayList) -> Int {
        var bytes = 1024
        for item in list.items {
            switch item {
            case .stroke(let path, _), .fill(let path, _): bytes += 160 + 20 * path.elements.count
            case .text(let text): bytes += 256 + 6 * text.string.utf8.count + 2 * text.font.family.utf8.count
            case .pushClip: bytes += 160
            case .popClip: bytes += 8
            }
        }
        return bytes
    }

    private mutating func document(_ list: DisplayList) throws {
        put("""
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="
            """)
        put(list.width); put("pt\" height=\""); put(list.height); put("pt\" viewBox=\"0 0 ")
        put(list.width); put(" "); put(list.height)
        put("""
            ">
            <defs>
            <style type="text/css">text { white-space: pre; font-kerning: none; font-variant-ligatures: none; }</style>
            </defs>
            <rect width="
            """)
        put(list.width); put("\" height=\""); put(list.height)
        put("\" fill=\"#ffffff\"/>\n<g stroke-linejoin=\"round\">\n")
        for item in list.items {
            switch item {
            case .stroke(let path, let style): try stroke(path, style)
            case .fill(let path, let color): fill(path, color)
            case .text(let text): self.text(text)
            case .pushClip(let rect): pushClip(rect)
            case .popClip: try popClip()
            }
        }
        for _ in 0..<openClips { put("</g>\n") }
        put("</g>\n</svg>\n")
    }

    // MARK: Elements

    private mutating func stroke(_ path: Path, _ style: StrokeStyle) throws {
        if !style.dash.isEmpty {
            // cairo_set_dash's rules: no negative length, and not all zero.
            guard style.dash.allSatisfy({ $0 >= 0 }), style.dash.contains(where: { $0 > 0 }) else {
                throw RenderError.cairo(String(cString: cairo_status_to_string(CAIRO_STATUS_INVALID_DASH)))
            }
        }
        guard path.elements.contains(where: { if case .line = $0 { true } else { false } }) else { return }
        put("<path d=\"")
        pathData(path)
        put("\" fill=\"none\" stroke=\"")
        put(style.color)
        put("\"")
        if style.color.alpha < 1 { put(" stroke-opacity=\""); put(Self.unit(style.color.alpha)); put("\"") }
        // cairo takes a negative width as 0.
        put(" stroke-width=\""); put(max(style.width, 0)); put("\"")
        if style.roundCaps { put(" stroke-linecap=\"round\"") }
        if !style.dash.isEmpty {
            put(" stroke-dasharray=\"")
            for (i, length) in style.dash.enumerated() {
                if i > 0 { put(" ") }
                put(length)
            }
            put("\"")
        }
        put("/>\n")
    }

    private mutating func fill(_ path: Path, _ color: Color) {
        guard path.elements.contains(where: { if case .line = $0 { true } else { false } }) else { return }
        put("<path d=\"")
        pathData(path)
        put("\" fill=\"")
        put(color)
        put("\"")
        if color.alpha < 1 { put(" fill-opacity=\""); put(Self.unit(color.alpha)); put("\"") }
        put("/>\n")
    }

    private mutating func text(_ t: TextItem) {
        // Nothing to draw; SVG has no negative sizes (cairo would draw such a run turned half
        // a turn, which no layout asks for).
        guard !t.string.isEmpty, t.font.size > 0 else { return }
        put("<text xml:space=\"preserve\" x=\""); put(t.origin.x); put("\" y=\""); put(t.origin.y); put("\"")
        if t.angle != 0 {
            // cairo rotates by −angle about the origin (y grows downward on the page).
            put(" transform=\"rotate("); put(-t.angle * 180 / .pi); put(" ")
            put(t.origin.x); put(" "); put(t.origin.y); put(")\"")
        }
        put(" font-family=\""); escaped(Self.cssFamily(t.font.family), attribute: true); put("\"")
        put(" font-size=\""); put(t.font.size); put("\"")
        if t.font.italic { put(" font-style=\"italic\"") }
        if t.font.bold { put(" font-weight=\"bold\"") }
        if t.color != .black {
            put(" fill=\""); put(t.color); put("\"")
            if t.color.alpha < 1 { put(" fill-opacity=\""); put(Self.unit(t.color.alpha)); put("\"") }
        }
        put(">")
        escaped(t.string, attribute: false)
        put("</text>\n")
    }

    private mutating func pushClip(_ r: Rect) {
        clipCount += 1
        openClips += 1
        // cairo_rectangle takes a negative width or height as the rectangle on the other side.
        let x = min(r.x, r.x + r.width), y = min(r.y, r.y + r.height)
        put("<clipPath id=\"clip"); put(integer: clipCount); put("\"><rect x=\""); put(x)
        put("\" y=\""); put(y); put("\" width=\""); put(abs(r.width)); put("\" height=\""); put(abs(r.height))
        put("\"/></clipPath>\n<g clip-path=\"url(#clip"); put(integer: clipCount); put(")\">\n")
    }

    private mutating func popClip() throws {
        guard openClips > 0 else {
            throw RenderError.cairo(String(cString: cairo_status_to_string(CAIRO_STATUS_INVALID_RESTORE)))
        }
        openClips -= 1
        put("</g>\n")
    }

    /// `M x y L x y x y … Z`: a line after a line needs no letter. A line with no current point
    /// starts a subpath, as cairo's `line_to` does.
    private mutating func pathData(_ path: Path) {
        enum Last { case none, move, line, close }
        var last = Last.none
        for element in path.elements {
            switch element {
            case .move(let p):
                put("M"); put(p.x); put(" "); put(p.y)
                last = .move
            case .line(let p):
                switch last {
                case .none: put("M")
                case .line: put(" ")
                case .move, .close: put("L")
                }
                put(p.x); put(" "); put(p.y)
                last = last == .none ? .move : .line
            case .close:
                guard last != .none else { continue }
                put("Z")
                last = .close
            }
        }
    }

    // MARK: Text

    /// The font's families (``FontFamilies``) as a CSS font-family value: each name a quoted
    /// string (a name such as "LM Roman 10" is not an identifier), quotes and backslashes escaped,
    /// generic names bare ("'Latin Modern Roman', 'Latin Modern Math', serif").
    static func cssFamily(_ family: String) -> String {
        FontFamilies.split(family).map { name in
            guard !FontFamilies.isGeneric(name) else { return name.lowercased() }
            var s = "'"
            for c in name.unicodeScalars {
                if c == "'" || c == "\\" { s.unicodeScalars.append("\\") }
                s.unicodeScalars.append(c)
            }
            return s + "'"
        }.joined(separator: ", ")
    }

    /// Appends `s` as XML character data (or an attribute value): markup characters as entities,
    /// and characters XML 1.0 does not allow (most C0 controls, unpaired surrogates cannot occur
    /// in a Swift string, U+FFFE and U+FFFF) as U+FFFD.
    private mutating func escaped(_ s: String, attribute: Bool) {
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": put("&amp;")
            case "<": put("&lt;")
            case ">": put("&gt;")
            case "\"" where attribute: put("&quot;")
            case "\t", "\n", "\r": attribute ? put("&#\(scalar.value);") : out.append(contentsOf: String(scalar).utf8)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": put("\u{FFFD}")
            default: out.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    // MARK: Bytes

    private mutating func put(_ s: StaticString) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private mutating func put(_ s: String) {
        out.append(contentsOf: s.utf8)
    }

    /// `#rrggbb`, each component clamped to [0, 1] as cairo clamps it.
    private mutating func put(_ c: Color) {
        out.append(UInt8(ascii: "#"))
        for v in [c.red, c.green, c.blue] {
            let byte = Int((min(max(v, 0), 1) * 255).rounded())
            out.append(Self.hexDigits[byte >> 4])
            out.append(Self.hexDigits[byte & 15])
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// An opacity clamped to [0, 1].
    private static func unit(_ v: Double) -> Double { min(max(v, 0), 1) }

    private mutating func put(integer n: Int) {
        put(Double(n))
    }

    /// `v` rounded to 1/1000 and written with as few characters as that takes: "12", "0.5",
    /// "-3.25", never "-0". Values beyond ±10^15, which no page reaches, in Swift's shortest
    /// round-trip form ("1e+20", which SVG's number grammar accepts).
    private mutating func put(_ v: Double) {
        let thousandths = (v * 1000).rounded()
        guard abs(thousandths) < 1e18 else {
            out.append(contentsOf: v.rounded().description.utf8)
            return
        }
        var n = Int64(thousandths)
        if n < 0 {
            out.append(UInt8(ascii: "-"))
            n = -n
        }
        let whole = n / 1000, fraction = Int(n % 1000)
        digits(whole)
        guard fraction != 0 else { return }
        out.append(UInt8(ascii: "."))
        var (value, count) = (fraction, 3)
        while value % 10 == 0 { value /= 10; count -= 1 }
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    private mutating func digits(_ n: Int64) {
        if n >= 10 { digits(n / 10) }
        out.append(UInt8(ascii: "0") + UInt8(n % 10))
    }
}
