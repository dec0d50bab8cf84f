/// Samples y = f(x) for drawing: uniformly in the scale's coordinate, then bisecting wherever the
/// curve bends more than a tenth of a point away from the chord on the page, or where it leaves
/// its domain (so a curve runs right up to an asymptote or a gap). Non-finite values break the line.
public struct AdaptiveSampler: Sendable {
    public var initialIntervals = 256
    public var maxDepth = 12
    /// The largest distance on the page between the curve and its chord, in points.
    public var tolerance = 0.1

    public init() {}

    /// Page points of the curve over transformed x in [t0, t1]; a point with NaN marks a break.
    public func sample(_ f: (Double) -> Double, from t0: Double, to t1: Double, transform: AxesTransform) -> [Point] {
        func evaluate(_ t: Double) -> Point {
            let y = f(transform.xScale.inverse(t))
            guard transform.yScale.contains(y) || (transform.yScale == .linear && y.isFinite) else {
                return Point(transform.pageX(transformed: t), .nan)
            }
            // Clamp far-off values so page arithmetic stays finite; clipping cuts them at the edge.
            let py = transform.pageY(y)
            return Point(transform.pageX(transformed: t), min(max(py, -1e9), 1e9))
        }
        var points: [Point] = []
        var previousT = t0
        var previous = evaluate(t0)
        points.append(previous)
        for i in 1...initialIntervals {
            let t = t0 + (t1 - t0) * Double(i) / Double(initialIntervals)
            let p = evaluate(t)
            refine(f: evaluate, t0: previousT, p0: previous, t1: t, p1: p, depth: 0, into: &points)
            points.append(p)
            previousT = t
            previous = p
        }
        return points
    }

    private func refine(f evaluate: (Double) -> Point, t0: Double, p0: Point, t1: Double, p1: Point, depth: Int,
                        into points: inout [Point]) {
        guard depth < maxDepth else { return }
        let finite0 = p0.y.isFinite, finite1 = p1.y.isFinite
        if !finite0 && !finite1 { return }
        let tm = (t0 + t1) / 2
        let pm = evaluate(tm)
        let needsSplit: Bool
        if finite0 != finite1 {
            needsSplit = true  // find the edge of the domain
        } else if !pm.y.isFinite {
            needsSplit = true  // a gap inside the interval
        } else {
            let chordY = (p0.y + p1.y) / 2
            needsSplit = abs(pm.y - chordY) > tolerance && abs(p1.y - p0.y) < 2e9
                || (abs(p1.y - p0.y) > 50 && depth < 6)
        }
        guard needsSplit else { return }
        refine(f: evaluate, t0: t0, p0: p0, t1: tm, p1: pm, depth: depth + 1, into: &points)
        points.append(pm)
        refine(f: evaluate, t0: tm, p0: pm, t1: t1, p1: p1, depth: depth + 1, into: &points)
    }
}
