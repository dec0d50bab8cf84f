import FoundationEssentials
import Glibc

/// Ticks on a logit axis, for probabilities near 0 and near 1: majors at 10⁻ᵏ, ½ and 1 − 10⁻ᵏ
/// (0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999 …), thinned to every k-th decade when there are too
/// many; decimals down to 0.001 and up to 0.999, powers of ten beyond.
public enum LogitTicks {
    /// Ticks over [lo, hi] ⊂ (0, 1): 10⁻ᵏ, ½ and 1 − 10⁻ᵏ, thinned to fit `maxTicks`; minors when none are thinned.
    public static func make(lo: Double, hi: Double, maxTicks: Int) -> AxisTicks {
        let (a, b) = (min(lo, hi), max(lo, hi))
        guard a > 0, b < 1 else { return AxisTicks(major: [], labels: []) }
        // Decades on the low side (10⁻ᵏ ≤ ½) and on the high side (1 − 10⁻ᵏ).
        let lowDecades = (1...320).filter { pow(10, -Double($0)) >= a }
        let highDecades = (1...16).filter { 1 - pow(10, -Double($0)) <= b }
        let total = lowDecades.count + highDecades.count + 1
        let stride = max(1, Int((Double(total) / Double(max(maxTicks, 2))).rounded(.up)))
        let low = lowDecades.filter { $0 % stride == 0 || stride == 1 }
        let high = highDecades.filter { $0 % stride == 0 || stride == 1 }
        var ticks: [(Double, String)] = []
        for k in low.reversed() { ticks.append((pow(10, -Double(k)), lowLabel(k))) }
        if a <= 0.5 && b >= 0.5 { ticks.append((0.5, "0.5")) }
        for k in high { ticks.append((1 - pow(10, -Double(k)), highLabel(k))) }
        var minor: [Double] = []
        if stride == 1 {
            for k in 1...(lowDecades.last ?? 1) {
                for m in 2...9 where !(k == 1 && m >= 5) {
                    let v = Double(m) * pow(10, -Double(k))
                    if v >= a && v <= b { minor.append(v) }
                }
            }
            for v in [0.6, 0.7, 0.8] where v >= a && v <= b { minor.append(v) }
            for k in 1...max(highDecades.last ?? 1, 1) {
                for m in 2...9 where !(k == 1 && m >= 5) {
                    let v = 1 - Double(m) * pow(10, -Double(k))
                    if v >= a && v <= b && !minor.contains(v) { minor.append(v) }
                }
            }
            minor = minor.filter { v in !ticks.contains { abs($0.0 - v) < 1e-15 } }.sorted()
        }
        return AxisTicks(major: ticks.map(\.0), labels: ticks.map(\.1), minor: minor)
    }

    static func lowLabel(_ k: Int) -> String {
        k <= 3 ? "0." + String(repeating: "0", count: k - 1) + "1" : "$10^{−\(k)}$"
    }

    static func highLabel(_ k: Int) -> String {
        k <= 3 ? "0." + String(repeating: "9", count: k) : "$1−10^{−\(k)}$"
    }
}
