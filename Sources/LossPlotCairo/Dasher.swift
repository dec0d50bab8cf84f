import LossPlot

/// cairo's dash pattern walked along a path, to tell which stretches of each segment are drawn:
/// the same steps as cairo's stroker (`_cairo_stroker_dash_start` and `_step`), so that dashes
/// applied outside cairo fall where cairo would put them.
///
/// An odd-length pattern repeats with on and off swapped (its period is twice its sum); the
/// offset is taken modulo the period; a dash ends when less than 1/256 of it remains, cairo's
/// fixed-point resolution.
struct Dasher {
    let pattern: [Double]
    let period: Double
    private var index = 0
    private var on = true
    private var remaining = 0.0

    /// `pattern` in points, empty for a solid line.
    init(pattern: [Double]) {
        self.pattern = pattern
        period = pattern.reduce(0, +) * (pattern.count % 2 == 1 ? 2 : 1)
    }

    /// Whether every stretch is drawn: no pattern (or one cairo would refuse).
    var isSolid: Bool { pattern.isEmpty || !(period > 0) || !period.isFinite || pattern.contains { $0 < 0 } }

    /// Starts a subpath `offset` points into the pattern.
    mutating func start(at offset: Double) {
        guard !isSolid else { return }
        var phase = offset.truncatingRemainder(dividingBy: period)
        if phase < 0 { phase += period }
        (index, on) = (0, true)
        while phase > 0 && phase >= pattern[index] {
            phase -= pattern[index]
            on.toggle()
            index = (index + 1) % pattern.count
        }
        remaining = pattern[index] - phase
    }

    /// The stretches, as lengths from its start, of the next `length` points of the path that
    /// are drawn, in order.
    mutating func advance(by length: Double) -> [(Double, Double)] {
        guard !isSolid else { return length > 0 ? [(0, length)] : [] }
        var result: [(Double, Double)] = []
        var t = 0.0
        repeat {
            let step = min(remaining, length - t)
            if on && step > 0 {
                if let last = result.last, last.1 == t { result[result.count - 1].1 = t + step } else { result.append((t, t + step)) }
            }
            t += step
            remaining -= step
            if remaining < 1.0 / 256 {
                index = (index + 1) % pattern.count
                on.toggle()
                remaining += pattern[index]
            }
        } while t < length
        return result
    }
}
