/// Numerical integration for the distances that have no closed form.
public enum Quadrature {
    /// ∫ₐᵇ f(x) dx by composite Gauss–Legendre with 5 nodes on `panels` equal panels (exact for
    /// polynomials of degree 9 on each panel; error O(h¹⁰) for smooth f). Kinks, such as those of
    /// |F₁ − F₂|, cost accuracy only on the panels that hold them.
    public static func integrate(_ f: (Double) -> Double, over range: ClosedRange<Double>, panels: Int = 4000) -> Double {
        let nodes = [0.0, -0.5384693101056831, 0.5384693101056831, -0.9061798459386640, 0.9061798459386640]
        let weights = [0.5688888888888889, 0.4786286704993665, 0.4786286704993665, 0.2369268850561891, 0.2369268850561891]
        let h = (range.upperBound - range.lowerBound) / Double(panels)
        var total = 0.0
        for i in 0..<panels {
            let center = range.lowerBound + (Double(i) + 0.5) * h
            var panel = 0.0
            for (t, w) in zip(nodes, weights) { panel += w * f(center + 0.5 * h * t) }
            total += 0.5 * h * panel
        }
        return total
    }
}
