import Foundation
@testable import LossPlot
import LossPlotTesting
@testable import LossPlotCairo
import Testing

@Suite("Long polylines: bounded work")
struct LongPathTests {
    /// A spiral of `count` points in 50 turns, its radius falling from 100 pt by a factor e^decay
    /// (as a damped oscillation's trajectory does).
    static func spiral(_ count: Int, decay: Double) -> [Point] {
        (0..<count).map { i in
            let f = Double(i) / Double(count - 1)
            let r = 100 * exp(-decay * f), a = 100 * Double.pi * f
            return Point(200 + r * cos(a), 200 + r * sin(a))
        }
    }

    /// The distance from `p` to the segment ab.
    static func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0), 1) : 0
        return hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
    }

    @Test("a 100 000-point spiral simplifies to a few thousand points, ends kept")
    func spiralSimplified() {
        let points = Self.spiral(100_000, decay: 4)
        let kept = PolylineSimplifier().simplify(points)
        #expect(kept.count < 8_000, "\(kept.count) points")  // 6055
        #expect(kept.first == points.first && kept.last == points.last)
    }

    @Test("every point lies within twice the tolerance of the simplified line, and the kept points are a subsequence")
    func simplificationIsFaithful() {
        // A random walk with steps of a few hundredths of a point: mostly within the tolerance.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        var p = Point(0, 0), direction = 0.0
        var points: [Point] = []
        for _ in 0..<3_000 {
            direction += 0.3 * next()
            p = Point(p.x + 0.05 * cos(direction) + 0.01 * next(), p.y + 0.05 * sin(direction) + 0.01 * next())
            points.append(p)
        }
        let simplifier = PolylineSimplifier()
        let kept = simplifier.simplify(points)
        #expect(kept.count < points.count / 2)
        for q in points {
            let d = zip(kept, kept.dropFirst()).map { Self.distance(q, $0, $1) }.min() ?? .infinity
            #expect(d <= 2 * simplifier.tolerance + 1e-12)
        }
        var index = points.startIndex
        for q in kept {
            guard let found = points[index...].firstIndex(of: q) else { Issue.record("\(q) is not in order"); break }
            index = found
        }
        #expect(simplifier.simplify(Array(points.prefix(100))) == Array(points.prefix(100)), "short lines are left alone")
    }

    @Test("a long dashed path is cut into pieces of at most 250 segments that share one, each starting where the dashes are")
    func pieces() throws {
        let points = Self.spiral(100_000, decay: log(2))  // no segment retraces another
        let dash = Dash.dashed.pattern(width: 1.2)
        let pieces = StrokeChunks.split(Path(polyline: points), dash: dash)
        #expect(pieces.allSatisfy { $0.path.elements.count - 1 <= StrokeChunks.maximumSegments })
        #expect(pieces.count <= points.count / (StrokeChunks.maximumSegments - 1) + 1)
        for (a, b) in zip(pieces, pieces.dropFirst()) {
            let (pa, pb) = (a.path.points, b.path.points)
            #expect(Array(pa.suffix(2)) == Array(pb.prefix(2)))
        }
        let period = dash.reduce(0, +)
        var length = 0.0, k = 0
        for piece in pieces.prefix(5) {
            let start = try #require(piece.path.points.first)
            while points[k] != start { length += hypot(points[k + 1].x - points[k].x, points[k + 1].y - points[k].y); k += 1 }
            #expect(abs(piece.dashOffset - length.truncatingRemainder(dividingBy: period)) < 1e-6)
        }
    }

    @Test("a cycle retraced 10 000 times is drawn once, and looks as drawn twice")
    func retracedCycle() throws {
        let hexagon = (0..<6).map { k in Point(50 + 30 * cos(Double(k) * .pi / 3), 50 + 30 * sin(Double(k) * .pi / 3)) }
        let long = (0..<60_001).map { hexagon[$0 % 6] }
        let pieces = StrokeChunks.split(Path(polyline: long), dash: [])
        #expect(pieces.map { $0.path.elements.count - 1 }.reduce(0, +) <= 7)
        let style = StrokeStyle(color: .black, width: 1.2)
        func image(_ points: [Point]) throws -> PNGImage {
            var list = DisplayList(width: 100, height: 100)
            list.append(.stroke(Path(polyline: points), style))
            return try #require(PNGImage(try CairoBackend().render(list, format: .png, dpi: 300)))
        }
        let (once, twice) = (try image(long), try image(Array(long.prefix(13))))
        for y in 0..<once.height { for x in 0..<once.width where once.rgb(x, y) != twice.rgb(x, y) { Issue.record("pixel \(x), \(y)") } }
    }

    @Test("a long stroke that retraces itself is no darker than a solid line along it", arguments: [Dash.solid, .dashed])
    func noBolderWhenRetraced(dash: Dash) throws {
        // Chords of a circle, a little over 1/100 of a turn each, 40 turns: 4000 distinct segments
        // in 16 pieces, all within the band of one circle.
        let points = (0...4_000).map { i in
            let a = Double(i) * (2 * Double.pi / 100 + 3e-4)
            return Point(50 + 30 * cos(a), 50 + 30 * sin(a))
        }
        let style = StrokeStyle(color: .black, width: 1.2, dash: dash.pattern(width: 1.2))
        #expect(StrokeChunks.split(Path(polyline: points), dash: style.dash).count > 1)
        func darkness(_ points: [Point], _ style: StrokeStyle) throws -> Int {
            var list = DisplayList(width: 100, height: 100)
            list.append(.stroke(Path(polyline: points), style))
            let png = try #require(PNGImage(try CairoBackend().render(list, format: .png, dpi: 150)))
            var sum = 0
            for y in 0..<png.height { for x in 0..<png.width { sum += 255 - png.rgb(x, y).0 } }
            return sum
        }
        // Pieces drawn one over another would add up their antialiased edges (about 1.4 times as
        // dark); combined as one stroke they cover the band once.
        let solidCircle = try darkness(Array(points.prefix(101)), StrokeStyle(color: .black, width: 1.2))
        let long = try darkness(points, style)
        #expect(Double(long) < 1.05 * Double(solidCircle), "\(long) vs \(solidCircle)")
        #expect(Double(long) > 0.8 * Double(solidCircle), "\(long) vs \(solidCircle)")
    }

    @Test("the dasher walks a pattern as cairo does: offset, odd-length patterns, runs across segments")
    func dasher() {
        var d = Dasher(pattern: [2, 1])
        d.start(at: 0)
        #expect(d.advance(by: 5).map { [$0.0, $0.1] } == [[0, 2], [3, 5]])
        #expect(d.advance(by: 2).map { [$0.0, $0.1] } == [[1, 2]])
        var odd = Dasher(pattern: [1])  // on 1, off 1, …
        odd.start(at: 2.5)
        #expect(odd.advance(by: 3).map { [$0.0, $0.1] } == [[0, 0.5], [1.5, 2.5]])
        var solid = Dasher(pattern: [])
        solid.start(at: 7)
        #expect(solid.advance(by: 3).map { [$0.0, $0.1] } == [[0, 3]])
    }
}
