/// The one colour table of an animated GIF, chosen from the colours of all its frames, and the
/// entry each of those colours is drawn with.
///
/// Up to `capacity` colours (256, or 255 when an entry is kept for transparency) every colour is
/// its own entry, exactly. Beyond that (anti-aliased lines and text make ramps of shades, and
/// lines crossing make more):
///
/// 1. kept exactly: the colours asked for (a figure's inks: its line, text and fill colours as
///    they land on white) that occur, then every colour on at least 1/256 of the pixels, together
///    at most half the table;
/// 2. the rest of the table from the other colours by variance-based median cut: the box of
///    colours whose count-weighted squared error is largest is cut across its widest channel where
///    the two halves' summed error is least, until there are enough boxes; each box's weighted mean;
/// 3. four rounds of Lloyd's k-means over all colours, the kept ones fixed;
/// 4. each colour drawn with its nearest entry (squared RGB distance; the lower entry on a tie).
///
/// Weights are √count, so that the pale shades at the edges of a thin line, each on few pixels,
/// are not all given up for the large flat areas. Everything runs over the colours sorted by
/// value, in a fixed order of floating-point operations: the same frames give the same table.
struct GIFPalette {
    /// The table's colours, 0x00RRGGBB.
    private(set) var colors: [UInt32]
    /// The entry of each colour counted.
    private var entry: [UInt32: UInt8]

    /// How many colours are kept exactly, at most: half the table.
    static func keptLimit(capacity: Int) -> Int { capacity / 2 }

    /// A table of at most `capacity` (1…256) entries for the colours of `histogram` (colour →
    /// pixels), keeping the colours of `keep` that occur exactly.
    init(histogram: [UInt32: Int], keep: [UInt32], capacity: Int) {
        precondition((1...256).contains(capacity))
        let counted = histogram.sorted { $0.key < $1.key }
        if counted.count <= capacity {
            // Every colour exactly, the most frequent first.
            colors = counted.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            entry = Dictionary(uniqueKeysWithValues: colors.enumerated().map { ($1, UInt8($0)) })
            return
        }
        let total = counted.reduce(0) { $0 + $1.value }
        var kept: [UInt32] = []
        var isKept = Set<UInt32>()
        let limit = Self.keptLimit(capacity: capacity)
        for color in keep where kept.count < limit && histogram[color] != nil && isKept.insert(color).inserted {
            kept.append(color)
        }
        let frequent = counted.filter { $0.value * 256 >= total }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (color, _) in frequent where kept.count < limit && isKept.insert(color).inserted {
            kept.append(color)
        }
        let points = ColorPoints(counted.filter { !isKept.contains($0.key) })
        let free = points.medianCut(boxes: capacity - kept.count)
        var table = kept.map(ColorPoints.rgb) + free
        points.refine(&table, fixed: kept.count, rounds: 4)
        colors = table.map(ColorPoints.word)
        table = colors.map(ColorPoints.rgb)
        // The kept colours are their own nearest entries (distance 0, and first).
        let all = ColorPoints(counted)
        let nearest = all.nearest(in: table)
        entry = Dictionary(uniqueKeysWithValues: zip(counted.map(\.key), nearest.map { UInt8($0) }))
    }

    /// The entry `color` is drawn with; the colour must have been counted.
    func index(of color: UInt32) -> UInt8 {
        guard let i = entry[color] else { preconditionFailure("colour \(color) was not counted") }
        return i
    }
}

/// Colours as points in RGB space with weights, for ``GIFPalette``.
struct ColorPoints {
    var r: [Double], g: [Double], b: [Double]
    /// √count.
    var w: [Double]

    init(_ counted: [(key: UInt32, value: Int)]) {
        r = counted.map { Double(($0.key >> 16) & 0xFF) }
        g = counted.map { Double(($0.key >> 8) & 0xFF) }
        b = counted.map { Double($0.key & 0xFF) }
        w = counted.map { Double($0.value).squareRoot() }
    }

    static func rgb(_ word: UInt32) -> SIMD3<Double> {
        SIMD3(Double((word >> 16) & 0xFF), Double((word >> 8) & 0xFF), Double(word & 0xFF))
    }

    /// A colour with its channels rounded to integers and held within 0…255.
    static func word(_ c: SIMD3<Double>) -> UInt32 {
        func channel(_ v: Double) -> UInt32 { UInt32(min(255, max(0, v.rounded()))) }
        return channel(c.x) << 16 | channel(c.y) << 8 | channel(c.z)
    }

    func point(_ i: Int) -> SIMD3<Double> { SIMD3(r[i], g[i], b[i]) }

    /// A contiguous run of the points (in `order`) with its weighted sums.
    private struct Box {
        var start: Int, end: Int
        var weight: Double, sum: SIMD3<Double>, squares: Double
        /// Σ w·|c − mean|² = Σ w·|c|² − |Σ w·c|²/Σ w.
        var error: Double { weight > 0 ? max(0, squares - (sum * sum).sum() / weight) : 0 }
        var mean: SIMD3<Double> { sum / weight }
    }

    /// At most `boxes` colours: the weighted means of the boxes of a variance-based median cut
    /// (all the points themselves if there are no more than that).
    func medianCut(boxes count: Int) -> [SIMD3<Double>] {
        guard count > 0, !w.isEmpty else { return [] }
        if w.count <= count { return w.indices.map(point) }
        var order = Array(w.indices)
        func box(_ start: Int, _ end: Int) -> Box {
            var b = Box(start: start, end: end, weight: 0, sum: .zero, squares: 0)
            for i in order[start..<end] {
                let c = point(i)
                b.weight += w[i]
                b.sum += w[i] * c
                b.squares += w[i] * (c * c).sum()
            }
            return b
        }
        var boxes = [box(0, order.count)]
        while boxes.count < count {
            // The box with the largest error (the first on a tie); none left to cut: stop.
            var worst = 0
            for i in boxes.indices where boxes[i].error > boxes[worst].error { worst = i }
            guard boxes[worst].error > 0 else { break }
            let cut = boxes[worst]
            // Its widest channel by weighted variance (r, g, b first on a tie).
            var variance = SIMD3<Double>.zero
            let mean = cut.mean
            for i in order[cut.start..<cut.end] {
                let d = point(i) - mean
                variance += w[i] * d * d
            }
            let channel = variance.x >= variance.y && variance.x >= variance.z ? 0 : variance.y >= variance.z ? 1 : 2
            func value(_ i: Int) -> Double { channel == 0 ? r[i] : channel == 1 ? g[i] : b[i] }
            // Along it (then by index, for a fixed order), where the halves' error is least.
            order[cut.start..<cut.end].sort { value($0) != value($1) ? value($0) < value($1) : $0 < $1 }
            var left = Box(start: cut.start, end: cut.start, weight: 0, sum: .zero, squares: 0)
            var best = (error: Double.infinity, end: cut.start)
            for position in cut.start..<(cut.end - 1) {
                let i = order[position]
                let c = point(i)
                left.weight += w[i]
                left.sum += w[i] * c
                left.squares += w[i] * (c * c).sum()
                guard value(order[position + 1]) != value(i) else { continue }
                let right = Box(start: position + 1, end: cut.end, weight: cut.weight - left.weight,
                                sum: cut.sum - left.sum, squares: cut.squares - left.squares)
                let error = left.error + right.error
                if error < best.error { best = (error, position + 1) }
            }
            guard best.end > cut.start else { break }  // one colour along every channel: cannot happen with error > 0
            boxes[worst] = box(cut.start, best.end)
            boxes.append(box(best.end, cut.end))
        }
        return boxes.map(\.mean)
    }

    /// For each point, the index of its nearest colour in `table` (squared distance, the lowest
    /// index on a tie).
    func nearest(in table: [SIMD3<Double>]) -> [Int] {
        w.indices.map { i in
            let c = point(i)
            var best = 0, bestDistance = Double.infinity
            for (j, t) in table.enumerated() {
                let d = c - t
                let distance = (d * d).sum()
                if distance < bestDistance { (best, bestDistance) = (j, distance) }
            }
            return best
        }
    }

    /// Lloyd's rounds: each point to its nearest colour, then each colour from `fixed` on to its
    /// points' weighted mean, rounded (a colour with no points stays).
    func refine(_ table: inout [SIMD3<Double>], fixed: Int, rounds: Int) {
        guard table.count > fixed else { return }
        for _ in 0..<rounds {
            var sums = [SIMD3<Double>](repeating: .zero, count: table.count)
            var weights = [Double](repeating: 0, count: table.count)
            for (i, j) in nearest(in: table).enumerated() {
                sums[j] += w[i] * point(i)
                weights[j] += w[i]
            }
            var moved = false
            for j in fixed..<table.count where weights[j] > 0 {
                let mean = ColorPoints.rgb(ColorPoints.word(sums[j] / weights[j]))
                if mean != table[j] { table[j] = mean; moved = true }
            }
            if !moved { break }
        }
    }
}
