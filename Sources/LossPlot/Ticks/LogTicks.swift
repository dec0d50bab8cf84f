import FoundationEssentials
import Glibc

/// Ticks on a log axis: majors at powers of ten (every k-th decade when there are too many),
/// labelled 10ⁿ; minors at 2…9 × 10ⁿ when every decade is labelled.
public enum LogTicks {
    /// Ticks over [lo, hi]: majors at 10ⁿ, every k-th decade to fit `maxTicks`; minors at 2…9 × 10ⁿ when k = 1.
    public static func make(lo: Double, hi: Double, maxTicks: Int) -> AxisTicks {
        let (a, b) = (min(lo, hi), max(lo, hi))
        guard a > 0, b.isFinite else { return AxisTicks(major: [], labels: []) }
        let first = Int(log10(a).rounded(.up) - (isPowerOfTen(a) ? 0 : 0))
        let last = Int(log10(b).rounded(.down))
        let decades = max(last - first, 0)
        let stride = max(1, Int((Double(decades) / Double(max(maxTicks - 1, 1))).rounded(.up)))
        var exponents: [Int] = []
        if first <= last {
            // Align the stride on multiples of itself so that 10⁰ is kept when it is in range.
            let start = Int((Double(first) / Double(stride)).rounded(.up)) * stride
            exponents = Array(Swift.stride(from: start, through: last, by: stride))
        }
        let major = exponents.map { pow(10, Double($0)) }
        let labels = exponents.map { "$10^{\(ScalarTickFormatter.minus(String($0)))}$" }
        var minor: [Double] = []
        if stride == 1 {
            for k in (first - 1)...last {
                for m in 2...9 {
                    let v = Double(m) * pow(10, Double(k))
                    if v >= a && v <= b { minor.append(v) }
                }
            }
        }
        return AxisTicks(major: major, labels: labels, minor: minor)
    }

    static func isPowerOfTen(_ x: Double) -> Bool { pow(10, log10(x).rounded()) == x }
}
