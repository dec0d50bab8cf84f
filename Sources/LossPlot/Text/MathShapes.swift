#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The drawn parts of typeset math: radical signs and delimiters taller than their glyph, as
/// filled polygons and rectangles in the text's coordinates (x along the baseline, y up), so that
/// they keep the weight of the text at any height instead of growing fat as a scaled glyph would.
enum MathShapes {
    typealias Vertex = TextLayout.Offset

    /// A delimiter drawn from `bottom` to `top`: its advance, rectangles and polygons, x from 0.
    struct Drawn {
        var width: Double
        var rules: [TextLayout.Rule] = []
        var shapes: [TextLayout.Shape] = []
    }

    /// `delimiter` ("(", "[", "{", "|", "‖", "⟨", "⌊", "⌈", their closing forms, "/" or "" for
    /// none) from `bottom` to `top` at font size `size`.
    static func delimiter(_ delimiter: String, bottom: Double, top: Double, size s: Double,
                          profile: MathFontProfile) -> Drawn {
        let height = top - bottom
        let grow = min(max(height / s - 1, 0), 4)
        let stem = profile.stem * s * (1 + 0.08 * grow)
        let stroke = profile.curveStroke * s * (1 + 0.08 * grow)
        switch delimiter {
        case "(", ")":
            let ink = min(0.18 * s + 0.06 * height, 0.5 * s)
            let drawn = paren(bottom: bottom, top: top, ink: ink, stroke: stroke, left: 0.09 * s, width: ink + 0.17 * s)
            return delimiter == "(" ? drawn : mirrored(drawn)
        case "[", "]", "⌊", "⌋", "⌈", "⌉":
            let arm = 0.2 * s + 0.02 * height, left = 0.09 * s
            var drawn = Drawn(width: left + arm + 0.07 * s)
            drawn.rules.append(.init(dx: left, rise: bottom, width: stem, height: height))
            if "[]⌈⌉".contains(delimiter) { drawn.rules.append(.init(dx: left, rise: top - stem, width: arm, height: stem)) }
            if "[]⌊⌋".contains(delimiter) { drawn.rules.append(.init(dx: left, rise: bottom, width: arm, height: stem)) }
            return "[⌊⌈".contains(delimiter) ? drawn : mirrored(drawn)
        case "|":
            let width = 0.337 * s
            return Drawn(width: width, rules: [.init(dx: (width - stem) / 2, rise: bottom, width: stem, height: height)])
        case "‖":
            let width = 0.5 * s, gap = 0.16 * s
            let x = (width - gap - 2 * stem) / 2
            return Drawn(width: width, rules: [.init(dx: x, rise: bottom, width: stem, height: height),
                                               .init(dx: x + stem + gap, rise: bottom, width: stem, height: height)])
        case "⟨", "⟩":
            let ink = min(0.2 * s + 0.07 * height, 0.45 * s), left = 0.09 * s
            let points = [(left + ink, top), (left, (top + bottom) / 2), (left + ink, bottom)]
            let shape = outline(points, halfWidths: Array(repeating: 0.4 * stem, count: 3))
            let drawn = Drawn(width: ink + 0.18 * s, shapes: [shape])
            return delimiter == "⟨" ? drawn : mirrored(drawn)
        case "{", "}":
            let ink = min(0.28 * s + 0.05 * height, 0.6 * s)
            let drawn = brace(bottom: bottom, top: top, ink: ink, stroke: stroke, left: 0.1 * s, width: ink + 0.2 * s)
            return delimiter == "{" ? drawn : mirrored(drawn)
        case "/", "\\":
            let ink = min(0.3 * s + 0.25 * height, 1.2 * s), left = 0.05 * s
            let points = delimiter == "/" ? [(left, bottom), (left + ink, top)] : [(left, top), (left + ink, bottom)]
            return Drawn(width: ink + 0.1 * s, shapes: [outline(points, halfWidths: [0.45 * stem, 0.45 * stem])])
        default:
            return Drawn(width: 0.12 * s)  // `.`: TeX's null delimiter space
        }
    }

    /// The same drawing flipped left to right within its advance: ) from (.
    static func mirrored(_ drawn: Drawn) -> Drawn {
        var flipped = drawn
        flipped.rules = drawn.rules.map { .init(dx: drawn.width - $0.dx - $0.width, rise: $0.rise, width: $0.width, height: $0.height) }
        flipped.shapes = drawn.shapes.map { .init(points: $0.points.map { Vertex(dx: drawn.width - $0.dx, rise: $0.rise) }) }
        return flipped
    }

    /// A crescent: the arc of a circle through the ends and the middle, thick in the middle and
    /// thin at the ends, bulging left.
    static func paren(bottom: Double, top: Double, ink: Double, stroke: Double, left: Double, width: Double) -> Drawn {
        let chord = top - bottom
        let sagitta = max(ink - stroke, 0.01 * chord)
        let radius = (chord * chord / 4 + sagitta * sagitta) / (2 * sagitta)
        let middleX = left + stroke / 2
        let centerX = middleX + radius, centerY = (top + bottom) / 2
        let end = asin(min(1, chord / 2 / radius))
        let n = 24
        var outer: [Vertex] = [], inner: [Vertex] = []
        for k in 0...n {
            let phi = -end + 2 * end * Double(k) / Double(n)
            let half = stroke / 2 * (0.3 + 0.7 * cos(Double.pi / 2 * phi / end))
            let (c, sn) = (cos(phi), sin(phi))
            outer.append(Vertex(dx: centerX - (radius + half) * c, rise: centerY + (radius + half) * sn))
            inner.append(Vertex(dx: centerX - (radius - half) * c, rise: centerY + (radius - half) * sn))
        }
        return Drawn(width: width, shapes: [.init(points: outer + inner.reversed())])
    }

    /// A brace opening left: two arms with rounded corners that meet in a point at the middle.
    static func brace(bottom: Double, top: Double, ink: Double, stroke: Double, left: Double, width: Double) -> Drawn {
        let right = left + ink, middleX = left + ink / 2, middleY = (top + bottom) / 2
        let r = min(ink / 2, (top - bottom) / 4)
        var points: [(Double, Double)] = []
        var widths: [Double] = []
        func arc(_ cx: Double, _ cy: Double, from a: Double, to b: Double, widths w0: Double, _ w1: Double) {
            let n = 8
            for k in 0...n {
                let t = Double(k) / Double(n), angle = a + (b - a) * t
                points.append((cx + r * cos(angle), cy + r * sin(angle)))
                widths.append(w0 + (w1 - w0) * t)
            }
        }
        let thin = 0.12 * stroke, full = 0.5 * stroke
        // From the top end round to the stem, down, and round towards the point; then the mirror.
        arc(right, top - r, from: .pi / 2, to: .pi, widths: thin, full)
        arc(middleX - r, middleY + r, from: 0, to: -0.4 * .pi, widths: full, thin * 1.5)
        points.append((left, middleY)); widths.append(thin)
        arc(middleX - r, middleY - r, from: 0.4 * .pi, to: 0, widths: thin * 1.5, full)
        arc(right, bottom + r, from: .pi, to: 1.5 * .pi, widths: full, thin)
        return Drawn(width: width, shapes: [outline(points, halfWidths: widths)])
    }

    /// The radical sign from `bottom` to `top` (the bar's top), at font size `s`: a short tick,
    /// a heavier stroke down to the point, and a long thin stroke up; returns the polygon and the
    /// x where the long stroke ends (where the bar starts).
    static func radical(bottom: Double, top: Double, size s: Double, rule: Double) -> (shape: TextLayout.Shape, end: Double) {
        let height = top - bottom
        let tickY = bottom + min(0.42 * s, 0.45 * height)
        let a = (0.03 * s, tickY - 0.02 * s)
        let b = (0.13 * s, tickY + 0.04 * s)
        let c = (0.31 * s, bottom)
        let endX = c.0 + min(0.28 * s + 0.08 * max(height - s, 0), 0.6 * s)
        let d = (endX, top - rule / 2)
        let shape = outline([a, b, c, d], halfWidths: [0.7 * rule, 1.05 * rule, 0.8 * rule, 0.5 * rule])
        return (shape, endX)
    }

    /// The polygon around a polyline: each vertex offset along the mitred normal by its half
    /// width, out on one side and back on the other (the miter capped at three half widths).
    static func outline(_ points: [(Double, Double)], halfWidths: [Double]) -> TextLayout.Shape {
        guard points.count >= 2 else { return .init(points: []) }
        func normal(_ p: (Double, Double), _ q: (Double, Double)) -> (Double, Double) {
            let dx = q.0 - p.0, dy = q.1 - p.1, length = max((dx * dx + dy * dy).squareRoot(), 1e-12)
            return (-dy / length, dx / length)
        }
        var leftSide: [Vertex] = [], rightSide: [Vertex] = []
        for k in points.indices {
            let before = k > 0 ? normal(points[k - 1], points[k]) : nil
            let after = k + 1 < points.count ? normal(points[k], points[k + 1]) : nil
            let n1 = before ?? after!, n2 = after ?? before!
            var m = (n1.0 + n2.0, n1.1 + n2.1)
            let length = max((m.0 * m.0 + m.1 * m.1).squareRoot(), 1e-12)
            m = (m.0 / length, m.1 / length)
            let cosine = max(m.0 * n1.0 + m.1 * n1.1, 1.0 / 3)
            let reach = halfWidths[k] / cosine
            leftSide.append(Vertex(dx: points[k].0 + m.0 * reach, rise: points[k].1 + m.1 * reach))
            rightSide.append(Vertex(dx: points[k].0 - m.0 * reach, rise: points[k].1 - m.1 * reach))
        }
        return .init(points: leftSide + rightSide.reversed())
    }
}
