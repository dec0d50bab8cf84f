import LossPlot
import CCairo

/// Where ``CairoLongStroke`` draws: an 8-bit coverage mask over a box of device pixels, a scratch
/// surface of the same size that each piece is stroked into first, and which 4 × 4 tiles of the
/// mask are solid.
///
/// The stretches of a piece go into one cairo path; at the end of the piece the path is stroked
/// into the scratch, the scratch merged into the mask by taking the larger coverage over the
/// stretches' bounding box (and cleared there), and the tiles there brought up to date.
final class CoverageCanvas {
    let mask: OpaquePointer
    private let scratch: OpaquePointer
    private let pen: OpaquePointer
    private let maskData: UnsafeMutablePointer<UInt8>, maskStride: Int
    private let scratchData: UnsafeMutablePointer<UInt8>, scratchStride: Int
    private let whole: CairoLongStroke.Box
    private let style: StrokeStyle
    private let scale: Double
    /// Device pixels from a segment within which its stroke can change a pixel: half the line, a
    /// pixel of antialiasing, and a pixel for sampling the segment every 2 pixels.
    private let reach: Double
    private var solid: SolidTiles
    /// Device pixels of stroke length after which pieces are rasterized with cairo's fast
    /// antialiasing (4 × 4 samples a pixel instead of 15 rows of 256): about 3 times cheaper,
    /// and only reached by a stroke that goes over the same area hundreds of times (a band of
    /// chords filled thousands deep), whose pixels are then full or nearly so either way.
    static let fullQualityLength = 3_000_000.0
    private var drawnLength = 0.0
    /// The stretches in the pen's path, and the device pixels (relative to `whole`) they can touch.
    private var pending = 0
    private var pendingBox: CairoLongStroke.Box?

    /// Nil if cairo cannot make the surfaces (out of memory).
    init?(covering whole: CairoLongStroke.Box, style: StrokeStyle, scale: Double) {
        let (width, height) = (whole.x1 - whole.x0, whole.y1 - whole.y0)
        mask = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(height))
        scratch = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(height))
        pen = cairo_create(scratch)
        guard cairo_surface_status(mask) == CAIRO_STATUS_SUCCESS, cairo_surface_status(scratch) == CAIRO_STATUS_SUCCESS,
              let maskData = cairo_image_surface_get_data(mask), let scratchData = cairo_image_surface_get_data(scratch) else {
            cairo_destroy(pen)
            cairo_surface_destroy(scratch)
            cairo_surface_destroy(mask)
            return nil
        }
        self.maskData = maskData
        self.scratchData = scratchData
        maskStride = Int(cairo_image_surface_get_stride(mask))
        scratchStride = Int(cairo_image_surface_get_stride(scratch))
        self.whole = whole
        self.style = style
        self.scale = scale
        reach = style.width * scale / 2 + 2
        solid = SolidTiles(width: width, height: height)
        cairo_translate(pen, -Double(whole.x0), -Double(whole.y0))
        cairo_scale(pen, scale, scale)
        cairo_set_line_join(pen, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_width(pen, style.width)
        cairo_set_line_cap(pen, style.roundCaps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        cairo_set_dash(pen, nil, 0, 0)
        cairo_surface_flush(scratch)
    }

    deinit {
        cairo_destroy(pen)
        cairo_surface_destroy(scratch)
        cairo_surface_destroy(mask)
    }

    /// Adds what of `piece` can still change the mask: the dash pattern applied here (each dash a
    /// subpath, running on through a vertex as cairo's dashes do, so the join is drawn), and of
    /// each dash only the parts whose neighbourhood is not solid yet (a part left out lies within
    /// a pixel of solid samples, so its stroke, antialiasing included, falls on solid pixels). A
    /// piece with a closed subpath is stroked whole, by cairo.
    func draw(_ piece: StrokeChunks.Piece) {
        if piece.path.elements.contains(.close) {
            flush()
            CairoBackend.trace(piece.path, on: pen)
            style.dash.withUnsafeBufferPointer { cairo_set_dash(pen, $0.baseAddress, Int32($0.count), piece.dashOffset) }
            for p in piece.path.points { include(p) }
            pending += 1
            flush()
            cairo_set_dash(pen, nil, 0, 0)
            return
        }
        var dasher = Dasher(pattern: style.dash)
        var open = false  // the current subpath ends at the current vertex and may go on
        var previous: Point?
        let origin = Point(Double(whole.x0), Double(whole.y0))
        for element in piece.path.elements {
            switch element {
            case .move(let p):
                open = false
                previous = p
                dasher.start(at: piece.dashOffset)  // cairo starts every subpath at the stroke's offset
            case .line(let b):
                guard let a = previous else { previous = b; continue }
                previous = b
                let length = StrokeChunks.distance(a, b)
                let on = dasher.advance(by: length)
                guard length > 0 else { continue }
                let visible = CairoLongStroke.intersect(on, solid.uncovered(
                    from: a, to: b, length: length, scale: scale, origin: origin, reach: reach))
                func point(_ t: Double) -> Point { Point(a.x + (b.x - a.x) * t / length, a.y + (b.y - a.y) * t / length) }
                for (u, v) in visible {
                    drawnLength += (v - u) * scale
                    if !(u == 0 && open) {
                        let start = point(u)
                        cairo_move_to(pen, start.x, start.y)
                        include(start)
                        pending += 1
                    }
                    let end = point(v)
                    cairo_line_to(pen, end.x, end.y)
                    include(end)
                    open = v == length
                }
                if visible.last.map({ $0.1 < length }) ?? true { open = false }
            case .close:
                continue  // handled above
            }
        }
        flush()
    }

    /// Whether every stroke went through (false if cairo failed).
    func finish() -> Bool {
        flush()
        cairo_surface_mark_dirty(mask)
        return cairo_status(pen) == CAIRO_STATUS_SUCCESS
    }

    /// Widens the pending box to what a stroke through `p` (in points) can touch.
    private func include(_ p: Point) {
        let margin = reach + 1
        let x = p.x * scale - Double(whole.x0), y = p.y * scale - Double(whole.y0)
        func clamp(_ v: Double, _ limit: Int) -> Int { Int(min(max(v, 0), Double(limit))) }
        let box = CairoLongStroke.Box(x0: clamp((x - margin).rounded(.down), whole.x1 - whole.x0),
                                      y0: clamp((y - margin).rounded(.down), whole.y1 - whole.y0),
                                      x1: clamp((x + margin).rounded(.up), whole.x1 - whole.x0),
                                      y1: clamp((y + margin).rounded(.up), whole.y1 - whole.y0))
        pendingBox = pendingBox?.union(box) ?? box
    }

    /// Strokes the pending path into the scratch, merges the scratch into the mask over the
    /// pending box by the larger coverage, clears it, and updates the tiles there.
    private func flush() {
        defer { pending = 0; pendingBox = nil }
        guard pending > 0 else { cairo_new_path(pen); return }
        if drawnLength > Self.fullQualityLength { cairo_set_antialias(pen, CAIRO_ANTIALIAS_FAST) }
        cairo_stroke(pen)
        guard let box = pendingBox, box.x0 < box.x1, box.y0 < box.y1 else { return }
        cairo_surface_flush(scratch)
        for y in box.y0..<box.y1 {
            let row = scratchData + y * scratchStride, maskRow = maskData + y * maskStride
            for x in box.x0..<box.x1 where row[x] != 0 {
                if row[x] > maskRow[x] { maskRow[x] = row[x] }
                row[x] = 0
            }
        }
        cairo_surface_mark_dirty(scratch)
        solid.update(box, mask: maskData, stride: maskStride)
    }
}
