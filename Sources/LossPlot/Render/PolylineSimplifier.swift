/// Drops the points of a page-space polyline that lie within `tolerance` of the line being drawn,
/// as matplotlib's path simplification does, in one pass: time O(n).
///
/// From the last kept point A (the anchor), points within `tolerance` of A are skipped; the first
/// point P beyond sets a direction u = (P − A)/|P − A|. The points that follow stay in the run as
/// long as their distance from the line A + t·u is at most `tolerance`; the run is then drawn as
/// A, the farthest points it reached backward (t < 0) and forward along u, in the order reached,
/// and its last point, from which the next run starts. The kept points are a subsequence of the
/// input, first and last included, and every point lies within 2 × `tolerance` of the drawn line
/// (and the drawn line within 2 × `tolerance` of the input).
///
/// The default tolerance, 0.025 pt, is a fifth of a pixel at 600 dpi (a pixel is 0.12 pt) and a
/// twentieth at the default 150 dpi: antialiasing cannot show a shift that small. (matplotlib
/// uses a ninth of a pixel at the output resolution.) As in matplotlib, polylines of fewer than
/// 128 points are left alone: they cost nothing to draw. Points must be finite.
public struct PolylineSimplifier: Sendable {
    /// The largest distance of a skipped point from the line of its run, in points.
    public var tolerance = 0.025
    /// Shorter polylines are returned unchanged.
    public var minimumCount = 128

    /// A simplifier with the defaults: a tolerance of 0.025 pt, polylines of 128 points and more.
    public init() {}

    /// One path of the polylines, each simplified and a subpath of its own; nil if there are none.
    public func path(_ polylines: [[Point]]) -> Path? {
        guard !polylines.isEmpty else { return nil }
        var path = Path()
        for polyline in polylines { path.elements += Path(polyline: simplify(polyline)).elements }
        return path
    }

    /// The points kept of one polyline: a subsequence, first and last included (all when shorter than `minimumCount`).
    public func simplify(_ points: [Point]) -> [Point] {
        guard points.count >= minimumCount, let first = points.first else { return points }
        var kept = [first]
        var anchor = first, last = first
        /// The run's direction, once a point beyond `tolerance` from the anchor has set it.
        var direction: (x: Double, y: Double)?
        var forward: (point: Point, t: Double)?, backward: (point: Point, t: Double)?
        var backwardLast = false  // the backward extreme was reached after the forward one

        func endRun() {
            if let forward {
                let extremes = backward.map { backwardLast ? [forward.point, $0.point] : [$0.point, forward.point] } ?? [forward.point]
                for p in extremes where p != kept.last { kept.append(p) }
            }
            if last != kept.last { kept.append(last) }
            anchor = last
            direction = nil; forward = nil; backward = nil; backwardLast = false
        }

        for p in points.dropFirst() {
            if let u = direction {
                let dx = p.x - anchor.x, dy = p.y - anchor.y
                let t = dx * u.x + dy * u.y
                if abs(dx * u.y - dy * u.x) <= tolerance {
                    if t > forward!.t { forward = (p, t); backwardLast = false }
                    if t < (backward?.t ?? 0) { backward = (p, t); backwardLast = true }
                    last = p
                    continue
                }
                endRun()
            }
            // Near the anchor, or the first point of a run: it sets the run's direction.
            let dx = p.x - anchor.x, dy = p.y - anchor.y
            let length = (dx * dx + dy * dy).squareRoot()
            if length > tolerance {
                direction = (dx / length, dy / length)
                forward = (p, length)
            }
            last = p
        }
        endRun()
        return kept
    }
}
