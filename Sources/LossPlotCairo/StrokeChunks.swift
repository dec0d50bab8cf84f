public import LossPlot

/// How a backend strokes a long path: in pieces of at most ``maximumSegments`` segments, each
/// segment that retraces one already drawn left out. cairo's time for one stroke grows faster
/// than its length when the path crosses itself thousands of times, and a trajectory that settles
/// on a cycle retraces the same segments over and over, each costing its full length to rasterize.
///
/// - A segment is left out when one with the same ends (and, for a dashed line, the same place
///   in the dash pattern at its start) was drawn before in the same stroke, all to within
///   ``repeatTolerance``: drawing it again would change no pixel (cairo covers the union of one
///   stroke once, so even a translucent colour is unchanged). A solid segment matches either
///   direction. The segments before and after each left-out stretch are still drawn, so the joins
///   at its ends are drawn whole.
/// - The remaining stretches are cut at vertices into pieces, consecutive pieces sharing one
///   segment, so that the join at every vertex is drawn whole in some piece (on a raster,
///   `CairoLongStroke` combines the pieces as one stroke; on SVG and PDF the shared segment is
///   drawn twice, which shows only as a slightly darker antialiased edge). Each piece starts its
///   dash pattern where the whole stroke is at its first point (the length of the subpath so far,
///   modulo the pattern's period): dashed lines keep their phase. Short pieces are packed into one
///   stroke when their dash offsets agree.
/// - Paths of at most ``maximumSegments`` segments are drawn as they are, and so are closed
///   subpaths (the renderer closes only boxes, markers and arrow heads).
public struct StrokeChunks: Sendable {
    /// One piece of a stroke: part of the path, and where it starts in the dash pattern.
    public struct Piece: Sendable, Hashable {
        /// The piece's part of the path.
        public var path: Path
        /// Where in the dash pattern the piece starts, in points (0 for solid strokes).
        public var dashOffset: Double
    }

    /// Small enough that cairo's cost per stroke, which grows faster than its number of edges,
    /// stays low; large enough that the cost per piece (a pass over its box) does not dominate.
    public static let maximumSegments = 250
    /// How close two segments' ends (and dash phases) must be for one to count as a retrace, in
    /// points: 1/64 pt, an eighth of a pixel at 600 dpi.
    public static let repeatTolerance = 1.0 / 64

    /// The pieces of `path` stroked with `dash` (a dash pattern in points, empty for solid); a
    /// `maximumSegments` below 2 counts as 2.
    public static func split(_ path: Path, dash: [Double], maximumSegments: Int = maximumSegments) -> [Piece] {
        let limit = max(2, maximumSegments)
        guard path.elements.count - 1 > limit else { return [Piece(path: path, dashOffset: 0)] }
        // cairo repeats an odd-length pattern with on and off swapped: its period is twice the sum.
        let period = dash.reduce(0, +) * (dash.count % 2 == 1 ? 2 : 1)
        let dashed = period > 0 && period.isFinite
        var drawn = Set<SegmentKey>()
        var pieces: [Piece] = []
        var current = Path(), currentSegments = 0, currentOffset = 0.0
        func add(_ elements: [Path.Element], segments: Int, offset: Double) {
            if currentSegments > 0 && (currentSegments + segments > limit || offset != currentOffset) {
                pieces.append(Piece(path: current, dashOffset: currentOffset))
                current = Path(); currentSegments = 0
            }
            current.elements += elements
            currentSegments += segments
            currentOffset = offset
        }
        for subpath in subpaths(of: path) {
            if subpath.elements.last == .close {
                add(subpath.elements, segments: subpath.elements.count - 1, offset: 0)
                continue
            }
            let points = subpath.points
            // The length of the subpath up to each point, for the dash phase there.
            var length = [0.0]
            length.reserveCapacity(points.count)
            for k in points.indices.dropFirst() { length.append(length[k - 1] + distance(points[k - 1], points[k])) }
            func phase(_ k: Int) -> Double { dashed ? length[k].truncatingRemainder(dividingBy: period) : 0 }
            // The stretches of segments to draw: the new ones, and the one on either side of each.
            let new = points.indices.dropLast().map { k in
                guard let key = SegmentKey(points[k], points[k + 1], phase: phase(k), directed: dashed) else { return true }
                return drawn.insert(key).inserted
            }
            let keep = new.indices.map { k in new[k] || (k > 0 && new[k - 1]) || (k + 1 < new.count && new[k + 1]) }
            var k = 0
            while k < keep.count {
                guard keep[k] else { k += 1; continue }
                var end = k
                while end + 1 < keep.count && keep[end + 1] { end += 1 }
                // Segments k...end, in pieces of at most `limit` sharing one segment.
                var start = k
                while true {
                    let last = min(start + limit - 1, end)
                    let elements = (start...last + 1).map { $0 == start ? Path.Element.move(points[$0]) : .line(points[$0]) }
                    add(elements, segments: last - start + 1, offset: phase(start))
                    if last == end { break }
                    start = last
                }
                k = end + 1
            }
        }
        if currentSegments > 0 || !current.elements.isEmpty { pieces.append(Piece(path: current, dashOffset: currentOffset)) }
        return pieces
    }

    /// A segment's ends (and dash phase) on a grid of ``repeatTolerance``; nil if too far out to
    /// count, which only means it is always drawn.
    struct SegmentKey: Hashable {
        var x0: Int, y0: Int, x1: Int, y1: Int, phase: Int

        init?(_ a: Point, _ b: Point, phase: Double, directed: Bool) {
            func cell(_ v: Double) -> Int? {
                let q = (v / StrokeChunks.repeatTolerance).rounded()
                return abs(q) < 1e15 ? Int(q) : nil
            }
            guard let ax = cell(a.x), let ay = cell(a.y), let bx = cell(b.x), let by = cell(b.y), let p = cell(phase) else { return nil }
            // A solid segment looks the same drawn either way.
            if directed || (ax, ay) <= (bx, by) { (x0, y0, x1, y1) = (ax, ay, bx, by) } else { (x0, y0, x1, y1) = (bx, by, ax, ay) }
            self.phase = p
        }
    }

    /// The subpaths, each starting with a move (cairo starts one at a line with no current point,
    /// and after a close at the closed subpath's first point).
    static func subpaths(of path: Path) -> [Path] {
        var result: [Path] = []
        var current = Path()
        var start: Point?
        for element in path.elements {
            switch element {
            case .move(let p):
                if !current.elements.isEmpty { result.append(current) }
                current = Path(); current.elements = [.move(p)]; start = p
            case .line(let p):
                if current.elements.isEmpty {
                    current.elements = [.move(start ?? p)]
                    if start == nil { start = p; continue }
                }
                current.elements.append(.line(p))
            case .close:
                guard !current.elements.isEmpty else { continue }
                current.elements.append(.close)
                result.append(current)
                current = Path()
            }
        }
        if !current.elements.isEmpty { result.append(current) }
        return result
    }

    static func distance(_ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        return (dx * dx + dy * dy).squareRoot()
    }
}
