import LossPlot

/// Which 4 × 4-pixel tiles of a coverage mask are fully covered (every pixel 255). Pixels outside
/// the mask count as covered: nothing is drawn there.
struct SolidTiles {
    static let size = 4
    let columns: Int, rows: Int
    let width: Int, height: Int
    var solid: [Bool]

    init(width: Int, height: Int) {
        self.width = width; self.height = height
        columns = (width + Self.size - 1) / Self.size
        rows = (height + Self.size - 1) / Self.size
        solid = [Bool](repeating: false, count: columns * rows)
    }

    /// Marks the tiles meeting `box` whose pixels have all become 255.
    mutating func update(_ box: CairoLongStroke.Box, mask: UnsafeMutablePointer<UInt8>, stride: Int) {
        let n = Self.size
        for ty in (box.y0 / n)..<((box.y1 + n - 1) / n) {
            for tx in (box.x0 / n)..<((box.x1 + n - 1) / n) where !solid[ty * columns + tx] {
                var full = true
                for y in (ty * n)..<min(ty * n + n, height) where full {
                    for x in (tx * n)..<min(tx * n + n, width) where mask[y * stride + x] != 255 { full = false; break }
                }
                solid[ty * columns + tx] = full
            }
        }
    }

    /// Whether every pixel within `reach` (in x and in y) of `center` is in a solid tile.
    func covers(_ center: Point, reach: Double) -> Bool {
        let n = Double(Self.size)
        // Clamped before conversion: a point far outside is outside, and never traps.
        func tile(_ v: Double, _ count: Int) -> Int { Int(min(max((v / n).rounded(.down), -1), Double(count))) }
        let tx0 = max(0, tile(center.x - reach, columns)), tx1 = min(columns - 1, tile(center.x + reach, columns))
        let ty0 = max(0, tile(center.y - reach, rows)), ty1 = min(rows - 1, tile(center.y + reach, rows))
        guard tx0 <= tx1, ty0 <= ty1 else { return true }  // outside the mask: nothing is drawn there
        for ty in ty0...ty1 {
            for tx in tx0...tx1 where !solid[ty * columns + tx] { return false }
        }
        return true
    }

    /// The parts of the segment from `a` to `b` (in points; `origin` is the mask's top left in
    /// device pixels), as lengths along it, whose stroke can reach a pixel that is not solid yet:
    /// the segment is sampled every 2 device pixels or less, and each run of samples not covered
    /// is taken from the covered sample before it to the one after it. A part left out lies within
    /// a pixel of covered samples, so every pixel its stroke can reach is within `reach` of one.
    func uncovered(from a: Point, to b: Point, length: Double, scale: Double, origin: Point,
                   reach: Double) -> [(Double, Double)] {
        let da = Point(a.x * scale - origin.x, a.y * scale - origin.y), db = Point(b.x * scale - origin.x, b.y * scale - origin.y)
        // Only the part that can reach the mask matters (and a segment far outside stays cheap).
        let area = Rect(x: -reach, y: -reach, width: Double(width) + 2 * reach, height: Double(height) + 2 * reach)
        guard let (p, q) = LineClipping.clip(da, db, to: area) else { return [] }
        let pixels = StrokeChunks.distance(da, db)
        let t0 = p == da ? 0 : StrokeChunks.distance(da, p) / pixels * length
        let t1 = q == db ? length : StrokeChunks.distance(da, q) / pixels * length
        let steps = max(1, Int((StrokeChunks.distance(p, q) / 2).rounded(.up)))
        func t(_ k: Int) -> Double { k == steps ? t1 : t0 + (t1 - t0) * Double(k) / Double(steps) }
        let covered = (0...steps).map { k in
            let f = Double(k) / Double(steps)
            return covers(Point(p.x + (q.x - p.x) * f, p.y + (q.y - p.y) * f), reach: reach)
        }
        // Each run of samples that are not covered, from the covered sample before it to the one after.
        var result: [(Double, Double)] = []
        var k = 0
        while k <= steps {
            guard !covered[k] else { k += 1; continue }
            let first = k
            while k < steps && !covered[k + 1] { k += 1 }
            result.append((t(max(first - 1, 0)), t(min(k + 1, steps))))
            k += 1
        }
        return result
    }
}
