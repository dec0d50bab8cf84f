/// What a DiracGAN trajectory did, measured on its points: the words of the `dirac-vector-fields`
/// summary and of docs/dynamics.md, each with the numbers that decide it.
extension DiracRuns.Run {
    /// The trajectory's fate, from its distances r to the equilibrium (0, 0), r₀ at the start.
    public enum Outcome: Sendable, Equatable {
        /// The last step moved less than 10⁻⁹ while r > r₀/10: stopped away from (0, 0).
        case stalls(theta: Double, psi: Double)
        /// r ends above 1.1 r₀: the steps move away.
        case spiralsOut(radius: Double)
        /// Every r within 10% of r₀ (the smallest and the largest given).
        case circles(smallest: Double, largest: Double)
        /// r ends below r₀/10 (at `radius`).
        case converges(radius: Double)
        /// r ends between r₀/10 and 0.9 r₀: inward, but still far from (0, 0).
        case spiralsIn(radius: Double)
        /// None of the above (r ends within 10% of r₀ after leaving that band).
        case wanders(radius: Double)
    }

    /// The outcome of this run (the rules are those of the cases, checked in their order).
    public var outcome: Outcome {
        func radius(_ p: (theta: Double, psi: Double)) -> Double { (p.theta * p.theta + p.psi * p.psi).squareRoot() }
        guard let first = path.first, let last = path.last else { return .wanders(radius: .nan) }
        let r0 = radius(first), end = radius(last)
        let previous = path[max(path.count - 2, 0)]
        let lastMove = radius((last.theta - previous.theta, last.psi - previous.psi))
        if path.count > 1 && lastMove < 1e-9 && end > r0 / 10 { return .stalls(theta: last.theta, psi: last.psi) }
        if end > 1.1 * r0 { return .spiralsOut(radius: end) }
        let radii = path.map(radius)
        let (smallest, largest) = (radii.min() ?? end, radii.max() ?? end)
        if smallest >= 0.9 * r0 && largest <= 1.1 * r0 { return .circles(smallest: smallest, largest: largest) }
        if end < r0 / 10 { return .converges(radius: end) }
        if end < 0.9 * r0 { return .spiralsIn(radius: end) }
        return .wanders(radius: end)
    }
}
