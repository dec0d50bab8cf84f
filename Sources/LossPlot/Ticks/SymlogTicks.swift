import FoundationEssentials
import Glibc

/// Ticks on a symlog axis (``Scale/symlog``): majors at 0, ±1 and ±10ⁿ, every k-th decade on each
/// side when there are too many, labelled 0, 1, 10, 10², −10³…
public enum SymlogTicks {
    /// Ticks over [lo, hi]: 0 and ±10ⁿ (n ≥ 0) inside it, every k-th decade to fit `maxTicks`.
    public static func make(lo: Double, hi: Double, maxTicks: Int) -> AxisTicks {
        let (a, b) = (min(lo, hi), max(lo, hi))
        guard a.isFinite, b.isFinite else { return AxisTicks(major: [], labels: []) }
        // The decades 10⁰…10ⁿ that each side reaches.
        let top = b >= 1 ? Int(log10(b).rounded(.down)) : -1
        let bottom = a <= -1 ? Int(log10(-a).rounded(.down)) : -1
        // Inside ±1 the scale is linear, and so are its ticks.
        if top < 0 && bottom < 0 {
            return ScalarTickFormatter.format(LinearTickLocator(maxIntervals: max(maxTicks - 1, 1)).ticks(lo: a, hi: b),
                                              viewLo: a, viewHi: b)
        }
        let count = (top + 1) + (bottom + 1) + (a <= 0 && b >= 0 ? 1 : 0)
        let stride = max(1, Int((Double(count) / Double(max(maxTicks, 1))).rounded(.up)))
        var ticks: [(Double, String)] = []
        if bottom >= 0 {
            for n in Swift.stride(from: bottom, through: 0, by: -1) where n % stride == 0 {
                ticks.append((-pow(10, Double(n)), "−" + label(n)))
            }
        }
        if a <= 0 && b >= 0 { ticks.append((0, "0")) }
        if top >= 0 {
            for n in 0...top where n % stride == 0 {
                ticks.append((pow(10, Double(n)), label(n)))
            }
        }
        return AxisTicks(major: ticks.map(\.0), labels: ticks.map(\.1))
    }

    /// 1, 10, then 10ⁿ.
    static func label(_ n: Int) -> String { n == 0 ? "1" : n == 1 ? "10" : "$10^{\(n)}$" }
}
