/// Samples y = f(x) for drawing: uniformly in the scale's coordinate, then bisecting wherever the
/// curve bends more than a tenth of a point away from the chord on the page, or where it leaves
/// its domain (so a curve runs right up to an asymptote or a gap). Non-finite values break the line.
///
/// The function is called with whole batches of x: the initial grid, then, level by level, the
/// midpoints of every interval still open, so a vectorized evaluator (the loss catalog's batch
/// API) does the work. Each interval's decision depends only on its ends and its midpoint, so the
/// points are those of a depth-first bisection.
public struct AdaptiveSampler: Sendable {
    /// The number of intervals of the first, uniform grid in the scale's coordinate.
    public var initialIntervals = 256
    /// The most levels of bisection below the first grid.
    public var maxDepth = 12
    /// The largest distance on the page between the curve and its chord, in points.
    public var tolerance = 0.1

    /// A sampler with the defaults: 256 intervals, 12 levels, a tolerance of 0.1 pt.
    public init() {}

    /// Page points of the curve over transformed x in [t0, t1]; a point with NaN marks a break.
    /// `f` maps a batch of x to their y, in order.
    public func sample(_ f: ([Double]) -> [Double], from t0: Double, to t1: Double,
                       transform: AxesTransform) -> [Point] {
        func evaluate(_ ts: [Double]) -> [Point] {
            let ys = f(ts.map { transform.xScale.inverse($0) })
            precondition(ys.count == ts.count, "a batch function must return one y per x")
            return zip(ts, ys).map { t, y in
                guard transform.yScale.contains(y) || (transform.yScale == .linear && y.isFinite) else {
                    return Point(transform.pageX(transformed: t), .nan)
                }
                // Clamp far-off values so page arithmetic stays finite; clipping cuts them at the edge.
                let py = transform.pageY(y)
                return Point(transform.pageX(transformed: t), min(max(py, -1e9), 1e9))
            }
        }
        var ts = (0...initialIntervals).map { t0 + (t1 - t0) * Double($0) / Double(initialIntervals) }
        var points = evaluate(ts)
        // Intervals (ts[i], ts[i + 1]) still to examine, ascending, all at the same depth.
        var open = Array(0..<initialIntervals)
        var depth = 0
        while !open.isEmpty && depth < maxDepth {
            open.removeAll { !points[$0].y.isFinite && !points[$0 + 1].y.isFinite }
            let midpoints = evaluate(open.map { (ts[$0] + ts[$0 + 1]) / 2 })
            var nextTs: [Double] = [], nextPoints: [Point] = [], nextOpen: [Int] = []
            var k = 0
            for i in ts.indices {
                nextTs.append(ts[i])
                nextPoints.append(points[i])
                guard k < open.count, open[k] == i else { continue }
                let pm = midpoints[k]
                if needsSplit(points[i], pm, points[i + 1], depth: depth) {
                    nextOpen.append(nextTs.count - 1)
                    nextTs.append((ts[i] + ts[i + 1]) / 2)
                    nextPoints.append(pm)
                    nextOpen.append(nextTs.count - 1)
                }
                k += 1
            }
            (ts, points, open) = (nextTs, nextPoints, nextOpen)
            depth += 1
        }
        return points
    }

    /// ``sample(_:from:to:transform:)`` for a function of one x.
    public func sample(_ f: (Double) -> Double, from t0: Double, to t1: Double, transform: AxesTransform) -> [Point] {
        sample({ $0.map(f) }, from: t0, to: t1, transform: transform)
    }

    /// Whether the interval from p0 to p1 with midpoint pm is bisected further.
    private func needsSplit(_ p0: Point, _ pm: Point, _ p1: Point, depth: Int) -> Bool {
        if p0.y.isFinite != p1.y.isFinite { return true }  // find the edge of the domain
        if !pm.y.isFinite { return true }                  // a gap inside the interval
        let chordY = (p0.y + p1.y) / 2
        return abs(pm.y - chordY) > tolerance && abs(p1.y - p0.y) < 2e9
            || (abs(p1.y - p0.y) > 50 && depth < 6)
    }
}
