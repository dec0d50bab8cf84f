import FoundationEssentials
import Glibc

/// Labels for linear ticks as matplotlib's `ScalarFormatter` writes them: one number of decimals
/// for all labels (the fewest that tell the ticks apart), U+2212 for the minus sign, scientific
/// notation with a shared `×10ⁿ` when the largest tick is below 1e−5 or at least 1e6, and a shared
/// additive offset when it saves at least four digits (ticks 1000.1, 1000.2 → 0.1, 0.2 and +1e3).
public enum ScalarTickFormatter {
    /// Labels switch to scientific notation at orders of magnitude ≤ −5 or ≥ 6 (matplotlib's `axes.formatter.limits`).
    public static let powerLimits = (-5, 6)

    /// The labels of `ticks` in the view [viewLo, viewHi], with the shared offset and power of ten they need.
    public static func format(_ ticks: [Double], viewLo: Double, viewHi: Double) -> AxisTicks {
        let (lo, hi) = (min(viewLo, viewHi), max(viewLo, viewHi))
        let visible = ticks.filter { $0 >= lo && $0 <= hi }
        let offset = computeOffset(visible)
        let order = orderOfMagnitude(visible, offset: offset, lo: lo, hi: hi)
        let scaleFactor = pow(10, Double(order))
        var locs = ticks.map { ($0 - offset) / scaleFactor }
        let decimals: Int
        if ticks.count < 2 {
            let augmented = locs + [(lo - offset) / scaleFactor, (hi - offset) / scaleFactor]
            decimals = self.decimals(augmented)
        } else {
            decimals = self.decimals(locs)
        }
        locs = locs.map { abs($0) < 1e-8 ? 0 : $0 }
        let labels = locs.map { minus(String(cFormat: "%1.\(decimals)f", $0)) }
        var offsetText = ""
        if order != 0 { offsetText = "$\\times10^{\(minus(String(order)))}$" }
        if offset != 0 {
            let offsetString = "\(offset < 0 ? "−" : "+")" + formatOffset(abs(offset))
            offsetText = offsetText.isEmpty ? offsetString : offsetText + offsetString
        }
        return AxisTicks(major: ticks, labels: labels, offsetText: offsetText, offset: offset, orderOfMagnitude: order)
    }

    /// matplotlib's `_set_format`: the decimals such that every label is exact to 1e−3 of the
    /// range's order of magnitude.
    static func decimals(_ locs: [Double]) -> Int {
        guard let minLoc = locs.min(), let maxLoc = locs.max() else { return 0 }
        var range = maxLoc - minLoc
        if range == 0 { range = locs.map(abs).max() ?? 0 }
        if range == 0 || !range.isFinite { range = 1 }
        let oom = Int(log10(range).rounded(.down))
        var sigfigs = max(0, 3 - oom)
        let threshold = 1e-3 * pow(10, Double(oom))
        while sigfigs >= 0 {
            let scale = pow(10, Double(sigfigs))
            let worst = locs.map { abs($0 - roundHalfEven($0 * scale) / scale) }.max() ?? 0
            if worst < threshold { sigfigs -= 1 } else { break }
        }
        return sigfigs + 1
    }

    /// numpy's `round`, which rounds halves to even.
    static func roundHalfEven(_ x: Double) -> Double { x.rounded(.toNearestOrEven) }

    /// matplotlib's `_set_order_of_magnitude` with power limits (−5, 6).
    static func orderOfMagnitude(_ visible: [Double], offset: Double, lo: Double, hi: Double) -> Int {
        guard !visible.isEmpty else { return 0 }
        let oom: Int
        if offset != 0 {
            let width = hi - lo
            oom = width > 0 && width.isFinite ? Int(log10(width).rounded(.down)) : 0
        } else {
            let value = visible.map(abs).max()!
            oom = value == 0 || !value.isFinite ? 0 : Int(log10(value).rounded(.down))
        }
        return oom <= powerLimits.0 || oom >= powerLimits.1 ? oom : 0
    }

    /// matplotlib's `_compute_offset` (offset threshold 4).
    static func computeOffset(_ visible: [Double]) -> Double {
        guard let lmin = visible.min(), let lmax = visible.max(), lmin != lmax, !(lmin <= 0 && 0 <= lmax) else {
            return 0
        }
        let (absMin, absMax) = (min(abs(lmin), abs(lmax)), max(abs(lmin), abs(lmax)))
        let sign = lmin < 0 ? -1.0 : 1.0
        let oomMax = log10(absMax).rounded(.up)
        func floorDiv(_ a: Double, _ oom: Double) -> Double { (a / pow(10, oom)).rounded(.down) }
        var oom = oomMax
        while floorDiv(absMin, oom) == floorDiv(absMax, oom) { oom -= 1; if oom < -400 { return 0 } }
        oom += 1
        if (absMax - absMin) / pow(10, oom) <= 1e-2 {
            oom = oomMax
            while !(floorDiv(absMax, oom) - floorDiv(absMin, oom) > 1) { oom -= 1; if oom < -400 { return 0 } }
            oom += 1
        }
        return floorDiv(absMax, oom) >= 1000 ? sign * floorDiv(absMax, oom) * pow(10, oom) : 0
    }

    /// The offset as matplotlib writes it: `%1.10e` with trailing zeros removed (1e3, 2.5e4).
    static func formatOffset(_ x: Double) -> String {
        let s = String(cFormat: "%1.10e", x)
        guard let e = s.firstIndex(of: "e") else { return s }
        var mantissa = String(s[..<e])
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        var exponent = String(s[s.index(after: e)...])
        let negative = exponent.hasPrefix("-")
        exponent = String(exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" })
        if exponent.isEmpty { exponent = "0" }
        return "\(mantissa)e\(negative ? "−" : "")\(exponent)"
    }

    /// Replaces the hyphen-minus by U+2212 (−), as typeset text has it.
    static func minus(_ s: String) -> String { s.replacing("-", with: "−") }
}
