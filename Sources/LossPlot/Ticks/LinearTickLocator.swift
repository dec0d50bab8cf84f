import FoundationEssentials
import Glibc

/// Major tick positions on a linear axis: matplotlib's `MaxNLocator` with steps [1, 2, 2.5, 5, 10]
/// (its `AutoLocator`), at most `maxIntervals` intervals and at least two ticks in view.
///
/// The step is the smallest "nice" multiple of a power of ten that covers the range in
/// `maxIntervals` intervals; if that leaves fewer than two ticks inside the view, smaller steps
/// are tried. Ticks are multiples of the step (relative to an offset for ranges far from 0).
public struct LinearTickLocator: Sendable {
    /// The most intervals between major ticks (at least 1).
    public var maxIntervals: Int
    /// The nice multiples of a power of ten a step may be: matplotlib's [1, 2, 2.5, 5, 10].
    public var steps: [Double] = [1, 2, 2.5, 5, 10]
    /// The fewest ticks in view before smaller steps are tried.
    public var minTicks = 2

    /// A locator for at most `maxIntervals` intervals (at least 1).
    public init(maxIntervals: Int) { self.maxIntervals = max(1, maxIntervals) }

    /// The ticks inside [lo, hi] (the view interval).
    public func ticks(lo: Double, hi: Double) -> [Double] {
        let (vmin, vmax) = Self.nonsingular(lo, hi)
        // A step beyond the view may overflow near ±1.8e308: such a tick is not finite and is dropped.
        return rawTicks(vmin, vmax).filter {
            $0.isFinite && $0 >= vmin - 1e-10 * abs(vmax - vmin) && $0 <= vmax + 1e-10 * abs(vmax - vmin)
        }
    }

    /// matplotlib's `_raw_ticks`: may extend one step beyond the view on either side.
    func rawTicks(_ vmin: Double, _ vmax: Double) -> [Double] {
        let nbins = Double(maxIntervals)
        let (scale, offset) = Self.scaleRange(vmin, vmax, n: nbins)
        let lo = vmin - offset, hi = vmax - offset
        let extended = steps.dropLast().map { 0.1 * $0 } + steps + [10 * steps[1]]
        let scaled = extended.map { $0 * scale }
        let rawStep = (hi - lo) / nbins
        let firstLarge = scaled.firstIndex { $0 >= rawStep } ?? scaled.count - 1
        var result: [Double] = []
        for step in scaled[...firstLarge].reversed() {
            let best = (lo / step).rounded(.down) * step
            let edge = EdgeInteger(step: step, offset: offset)
            let low = edge.le(lo - best), high = edge.ge(hi - best)
            guard low <= high, high - low < 10_000 else { continue }
            result = stride(from: low, through: high, by: 1).map { $0 * step + best }
            let visible = result.filter { $0 >= lo && $0 <= hi }.count
            if visible >= minTicks { break }
        }
        return result.map { $0 + offset }
    }

    /// matplotlib's `scale_range`: the power of ten of range/n, and an offset for ranges whose
    /// mean is more than 100 times their width from 0.
    static func scaleRange(_ vmin: Double, _ vmax: Double, n: Double) -> (scale: Double, offset: Double) {
        let dv = abs(vmax - vmin)
        let meanv = (vmax + vmin) / 2
        var offset = 0.0
        if abs(meanv) / dv >= 100 {
            offset = copysign(pow(10, log10(abs(meanv)).rounded(.down)), meanv)
        }
        let scale = pow(10, log10(dv / n).rounded(.down))
        return (scale, offset)
    }

    /// matplotlib's `nonsingular` as `MaxNLocator` calls it (expander 1e−13, tiny 1e−14):
    /// widens an empty or vanishingly small interval so that ticks exist.
    static func nonsingular(_ lo: Double, _ hi: Double) -> (Double, Double) {
        let expander = 1e-13, tiny = 1e-14
        guard lo.isFinite, hi.isFinite else { return (-expander, expander) }
        var (a, b) = lo <= hi ? (lo, hi) : (hi, lo)
        let maxabs = max(abs(a), abs(b))
        if maxabs < (1e6 / tiny) * Double.leastNormalMagnitude {
            return (-expander, expander)
        }
        if b - a <= maxabs * tiny {
            if a == 0 && b == 0 { return (-expander, expander) }
            a -= expander * abs(a)
            b += expander * abs(b)
        }
        return (a, b)
    }

    /// matplotlib's `_Edge_integer`: floor and ceiling of x/step that forgive rounding noise.
    struct EdgeInteger {
        var step: Double
        var offset: Double

        func closeTo(_ ms: Double, _ edge: Double) -> Bool {
            var tolerance = 1e-10
            if offset != 0 {
                let digits = log10(abs(offset) / step)
                tolerance = min(0.4999, max(1e-10, pow(10, digits - 12)))
            }
            return abs(ms - edge) < tolerance
        }

        func divmod(_ x: Double) -> (Double, Double) {
            let d = (x / step).rounded(.down)
            return (d, x - d * step)
        }

        func le(_ x: Double) -> Double {
            let (d, m) = divmod(x)
            return closeTo(m / step, 1) ? d + 1 : d
        }

        func ge(_ x: Double) -> Double {
            let (d, m) = divmod(x)
            return closeTo(m / step, 0) ? d : d + 1
        }
    }
}
