import LossMath
import LossPlot

/// The earth mover's distance as a picture: a generated and a real sample of 20 points each,
/// drawn as piles of earth (the generated mass, above the ground) and holes (the real mass,
/// below it); the cheapest plan, which on the line moves mass in order (the i-th smallest
/// generated point to the i-th smallest real one), as arrows as wide as the mass they carry; and
/// W₁ as the area between the two CDFs, its value from `Empirical.wasserstein1`.
enum EarthMoversFigure {
    /// The generated sample: 20 points on three values.
    static let generated: [Double] = Array(repeating: 0.5, count: 5) + Array(repeating: 2, count: 9) + Array(repeating: 6, count: 6)
    /// The real sample: 20 points on three other values.
    static let real: [Double] = Array(repeating: 2.5, count: 6) + Array(repeating: 3.5, count: 10) + Array(repeating: 4.5, count: 4)

    /// One arrow of the plan: `mass` moved from `from` to `to`.
    struct Move: Equatable {
        var from: Double, to: Double, mass: Double
    }

    /// The monotone (quantile) coupling of two samples of equal size: the i-th smallest of `x` to
    /// the i-th smallest of `y`, each pair carrying 1/n, pairs with the same ends merged.
    static func monotoneTransport(_ x: [Double], _ y: [Double]) -> [Move] {
        precondition(x.count == y.count && !x.isEmpty, "two samples of one size")
        let share = 1 / Double(x.count)
        var moves: [Move] = []
        for (a, b) in zip(x.sorted(), y.sorted()) {
            if let last = moves.last, last.from == a, last.to == b { moves[moves.count - 1].mass += share }
            else { moves.append(Move(from: a, to: b, mass: share)) }
        }
        return moves
    }

    /// The distinct values of a sample with the share of the sample on each, in order.
    static func masses(_ sample: [Double]) -> [(x: Double, mass: Double)] {
        var result: [(x: Double, mass: Double)] = []
        for v in sample.sorted() {
            if let last = result.last, last.x == v { result[result.count - 1].mass += 1 / Double(sample.count) }
            else { result.append((v, 1 / Double(sample.count))) }
        }
        return result
    }

    /// The empirical CDF of a sample as a staircase from `lo` to `hi`: (x, y) with the jumps drawn
    /// as vertical steps.
    static func staircase(_ sample: [Double], from lo: Double, to hi: Double) -> (x: [Double], y: [Double]) {
        var xs = [lo], ys = [0.0], level = 0.0
        for (x, mass) in masses(sample) {
            xs += [x, x]; ys += [level, level + mass]
            level += mass
        }
        return (xs + [hi], ys + [level])
    }

    /// Where each move's arrow starts and ends: at the middle of its pile (the arrows of a pile
    /// fan out from one point) and in its hole at the middle of its piece, each hole cut into the
    /// masses that arrive, the nearer sources nearer the ground (so that the heads stay apart and
    /// the arrows do not cross).
    static func levels(_ moves: [Move], piles: [Double: Double]) -> [(start: Double, end: Double)] {
        var levels = [(start: Double, end: Double)](repeating: (0, 0), count: moves.count)
        let byDistance = moves.indices.sorted { abs(moves[$0].to - moves[$0].from) < abs(moves[$1].to - moves[$1].from) }
        var holes: [Double: Double] = [:]
        for i in byDistance {
            let m = moves[i]
            levels[i] = (piles[m.from]! / 2, -(holes[m.to, default: 0] + m.mass / 2))
            holes[m.to, default: 0] += m.mass
        }
        return levels
    }

    static let barWidth = 0.5
    static let xRange = -0.5...7.0

    static func figure(theme: Theme) -> Figure {
        let p = theme.palette
        let (realColor, generatedColor) = (p[0], p[1])
        let moves = monotoneTransport(generated, real)
        let w1 = Empirical.wasserstein1(real, generated)
        let w1Text = String(cFormat: "%.3f", w1)

        // Piles (generated, up) and holes (real, down), and the arrows from pile to hole.
        func bars(_ sample: [Double], sign: Double, label: String, color: Color) -> [Mark] {
            masses(sample).enumerated().map { i, bar in
                let (x0, x1, h) = (bar.x - barWidth / 2, bar.x + barWidth / 2, sign * bar.mass)
                return .polygon(DataPolygon(label: i == 0 ? label : nil,
                                            points: [Point(x0, 0), Point(x1, 0), Point(x1, h), Point(x0, h)],
                                            color: color.withAlpha(0.5)))
            }
        }
        let levels = Self.levels(moves, piles: Dictionary(uniqueKeysWithValues: masses(generated).map { ($0.x, $0.mass) }))
        let arrows = ArrowSet(label: "mass moved",
                              points: moves.indices.map { Point(moves[$0].from, levels[$0].start) },
                              vectors: moves.indices.map { Point(moves[$0].to - moves[$0].from, levels[$0].end - levels[$0].start) },
                              weights: moves.map(\.mass), widthPerWeight: 24, color: Color(hex: 0x333333, alpha: 0.75))
        var transport: [Mark] = [.horizontalLine(ReferenceLine(at: 0, color: Color(hex: 0x777777), dash: .solid, width: 0.8))]
        transport += bars(generated, sign: 1, label: "generated: piles (up)", color: generatedColor)
        transport += bars(real, sign: -1, label: "real: holes (down)", color: realColor)
        transport.append(.arrows(arrows))

        // The two CDFs and the area between them, one rectangle per interval between jumps.
        let (lo, hi) = (xRange.lowerBound, xRange.upperBound)
        let fReal = staircase(real, from: lo, to: hi), fGenerated = staircase(generated, from: lo, to: hi)
        func cdf(_ sample: [Double], _ t: Double) -> Double { Double(sample.filter { $0 <= t }.count) / Double(sample.count) }
        // One polygon per run of jumps over which F_P − F_Q keeps its sign: the steps of F_P along
        // the run, then those of F_Q back.
        let jumps = Array(Set(real + generated)).sorted()
        var runs: [[(a: Double, b: Double, f: Double, g: Double)]] = []
        for (a, b) in zip(jumps, jumps.dropFirst()) {
            let (f, g) = (cdf(real, a), cdf(generated, a))
            guard f != g else { runs.append([]); continue }
            if let last = runs.last?.last, last.b == a, (last.f > last.g) == (f > g) { runs[runs.count - 1].append((a, b, f, g)) }
            else { runs.append([(a, b, f, g)]) }
        }
        var areas: [Mark] = []
        for run in runs where !run.isEmpty {
            let upper = run.flatMap { [Point($0.a, $0.f), Point($0.b, $0.f)] }
            let lower = run.reversed().flatMap { [Point($0.b, $0.g), Point($0.a, $0.g)] }
            areas.append(.polygon(DataPolygon(label: areas.isEmpty ? "$|F_P - F_Q|$" : nil,
                                              points: upper + lower, color: Color(hex: 0x888888, alpha: 0.4))))
        }
        let cdfs: [Mark] = areas + [
            .line(DataLine(label: "real $F_P$", x: fReal.x, y: fReal.y, style: SeriesStyle(color: realColor, dash: .solid, width: 1.6))),
            .line(DataLine(label: "generated $F_Q$", x: fGenerated.x, y: fGenerated.y,
                           style: SeriesStyle(color: generatedColor, dash: .dashed, width: 1.6))),
        ]
        return Figure(width: 11, height: 5,
                      title: "Earth mover's distance: the cost of turning generated into real",
                      panels: [Panel(title: "Σ mass × distance = \(w1Text) (arrow width = mass)",
                                     x: Axis(label: "$x$", range: xRange), y: Axis(label: "mass", range: -0.6...0.6),
                                     marks: transport),
                               Panel(title: "the area between the CDFs: $W_1$ = \(w1Text)",
                                     x: Axis(label: "$x$", range: xRange), y: Axis(label: "cumulative mass", range: -0.05...1.08),
                                     marks: cdfs)],
                      // One legend below the panels: inside, the piles, arrows and steps leave no
                      // corner free at every size.
                      columns: 2, sharedLegend: true, theme: theme)
    }
}
