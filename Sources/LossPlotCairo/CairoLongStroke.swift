import LossPlot
import CCairo

/// A stroke cut into pieces (``StrokeChunks``) drawn on a raster as if it were one stroke: each
/// piece is stroked alone into an 8-bit coverage mask, the pieces' coverages are combined by
/// taking the larger at each pixel, and the colour is painted through the result once.
///
/// Stroking the pieces straight onto the image would add up their antialiased edges wherever they
/// retrace one another: a cycle drawn a thousand times over would come out bold and jagged. One
/// stroke covers the union of its path once; where pieces coincide, the larger coverage is that
/// union. (Where pieces only abut within a pixel it is a little less; consecutive pieces share a
/// segment, so their joins are covered whole by one of them.)
///
/// The dashes are applied here rather than by cairo, and the parts of them whose every reachable
/// pixel is already fully covered (checked on 4 × 4-pixel tiles) are left out: drawing them could
/// not change the mask. A trajectory that fills a band with long chords, thousands deep, costs the
/// parts of the chords at the band's edges, not the whole chords. Work: the strokes drawn, a pass
/// over each piece's bounding box, and a walk along each segment every 2 pixels; past
/// ``CoverageCanvas/fullQualityLength`` of drawn stroke, cairo's fast antialiasing.
enum CairoLongStroke {
    /// A rectangle of device pixels, [x0, x1) × [y0, y1).
    struct Box {
        var x0: Int, y0: Int, x1: Int, y1: Int

        func union(_ other: Box) -> Box {
            Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
        }
    }

    /// Draws `pieces` with `style` on `cr`, whose target is an image surface and whose matrix is
    /// `scale` times the identity.
    static func draw(_ pieces: [StrokeChunks.Piece], style: StrokeStyle, scale: Double, on cr: OpaquePointer) {
        // A pattern cairo refuses, so that it reports the error; or dots, which only cairo draws.
        guard Dasher(pattern: style.dash).isSolid == style.dash.isEmpty, !(style.roundCaps && style.dash.contains(0)) else {
            return strokeDirectly(pieces, style: style, on: cr)
        }
        let target = cairo_get_target(cr)
        let image = Box(x0: 0, y0: 0, x1: Int(cairo_image_surface_get_width(target)), y1: Int(cairo_image_surface_get_height(target)))
        let margin = style.width * scale / 2 + 3  // half the line, and antialiasing
        let boxes = pieces.map { box(of: $0.path, scale: scale, margin: margin, within: image) }
        guard let whole = boxes.compactMap({ $0 }).reduce(nil, { $0?.union($1) ?? $1 }) else { return }
        guard let canvas = CoverageCanvas(covering: whole, style: style, scale: scale) else {
            return strokeDirectly(pieces, style: style, on: cr)  // out of memory: cairo says so there
        }
        for (piece, box) in zip(pieces, boxes) where box != nil { canvas.draw(piece) }
        guard canvas.finish() else { return strokeDirectly(pieces, style: style, on: cr) }
        cairo_save(cr)
        cairo_identity_matrix(cr)
        cairo_mask_surface(cr, canvas.mask, Double(whole.x0), Double(whole.y0))
        cairo_restore(cr)
    }

    /// The pieces stroked one by one straight onto the image.
    static func strokeDirectly(_ pieces: [StrokeChunks.Piece], style: StrokeStyle, on cr: OpaquePointer) {
        for piece in pieces {
            CairoBackend.trace(piece.path, on: cr)
            style.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), piece.dashOffset) }
            cairo_stroke(cr)
        }
    }

    /// The overlaps of two sorted lists of disjoint intervals.
    static func intersect(_ x: [(Double, Double)], _ y: [(Double, Double)]) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        var (i, j) = (0, 0)
        while i < x.count && j < y.count {
            let lo = max(x[i].0, y[j].0), hi = min(x[i].1, y[j].1)
            if lo < hi { result.append((lo, hi)) }
            if x[i].1 < y[j].1 { i += 1 } else { j += 1 }
        }
        return result
    }

    /// The device pixels a stroke of `path` can touch, within `image`; nil if none.
    static func box(of path: Path, scale: Double, margin: Double, within image: Box) -> Box? {
        var (minX, minY) = (Double.infinity, Double.infinity)
        var (maxX, maxY) = (-Double.infinity, -Double.infinity)
        for element in path.elements {
            switch element {
            case .move(let p), .line(let p):
                minX = min(minX, p.x); maxX = max(maxX, p.x)
                minY = min(minY, p.y); maxY = max(maxY, p.y)
            case .close:
                continue
            }
        }
        guard minX <= maxX, minY <= maxY else { return nil }
        func clamp(_ v: Double, _ lo: Int, _ hi: Int) -> Int { Int(min(max(v, Double(lo)), Double(hi))) }
        let box = Box(x0: clamp((minX * scale - margin).rounded(.down), image.x0, image.x1),
                      y0: clamp((minY * scale - margin).rounded(.down), image.y0, image.y1),
                      x1: clamp((maxX * scale + margin).rounded(.up), image.x0, image.x1),
                      y1: clamp((maxY * scale + margin).rounded(.up), image.y0, image.y1))
        return box.x0 < box.x1 && box.y0 < box.y1 ? box : nil
    }
}
