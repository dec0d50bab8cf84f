/// Why a figure cannot be drawn as specified.
public enum FigureError: Error, CustomStringConvertible, Equatable {
    /// The range given for `axis` is empty, reversed or not finite.
    case emptyRange(axis: String, lo: Double, hi: Double)
    /// The range given for `axis` has a bound outside the domain of its scale (such as 0 on a log axis).
    case outsideScale(axis: String, scale: Scale, lo: Double, hi: Double)
    /// The figure's size in inches is too small to hold its axes, or not finite.
    case badSize(width: Double, height: Double)
    /// The range of `axis` is wider than the largest Double, in the scale's coordinate.
    case rangeTooWide(axis: String, lo: Double, hi: Double)
    /// Too close to ±1.8e308 for ticks and margins (`AxisRangeLimits`).
    case rangeNearOverflow(axis: String, lo: Double, hi: Double)
    /// Too narrow for its magnitude: too few Doubles between its bounds (`AxisRangeLimits`).
    case rangeTooNarrow(axis: String, lo: Double, hi: Double, minimumWidth: Double)
    /// A text of the figure (its title, a panel title, an axis label, a legend label or an
    /// annotation) is math markup that cannot be set as written (``MathText/validate(_:subject:)``).
    case markup(MathText.Problem)

    /// The problem in one line, with the numbers at fault.
    public var description: String {
        switch self {
        case .emptyRange(let axis, let lo, let hi):
            "the \(axis) range \(lo):\(hi) is empty or reversed; give lo < hi"
        case .outsideScale(let axis, let scale, let lo, let hi):
            "the \(axis) range \(lo):\(hi) does not fit a \(scale.rawValue) axis, which shows \(scale.domainDescription)"
        case .rangeTooWide(let axis, let lo, let hi):
            "the \(axis) range \(lo):\(hi) is wider than the largest Double; give a narrower range"
        case .rangeNearOverflow(let axis, let lo, let hi):
            "the \(axis) range \(lo):\(hi) comes too close to the largest Double (1.8e308) to place ticks around it; give one whose largest bound plus its width stays below 1.8e308, such as \(Self.short(0.45 * lo)):\(Self.short(0.45 * hi))"
        case .rangeTooNarrow(let axis, let lo, let hi, let minimumWidth):
            "the \(axis) range \(lo):\(hi) is too narrow for numbers of its size to be told apart; give one at least \(Self.short(minimumWidth)) wide"
        case .badSize(let width, let height):
            "the figure size \(width) × \(height) in is too small to hold its axes"
        case .markup(let problem):
            problem.description
        }
    }

    /// Two significant digits: 8.1e+307, 1e-12, 0.
    static func short(_ x: Double) -> String { String(cFormat: "%.2g", x) }
}
