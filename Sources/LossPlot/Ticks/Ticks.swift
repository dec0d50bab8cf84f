/// The ticks of one axis: labelled major ticks, unlabelled minor ticks, and the text that
/// scientific notation puts at the end of the axis (such as `×10⁻⁶`).
public struct AxisTicks: Sendable, Hashable {
    /// The positions of the labelled major ticks, in data coordinates.
    public var major: [Double]
    /// One label per major tick, in the math markup of ``MathText``.
    public var labels: [String]
    /// The positions of the unlabelled minor ticks, in data coordinates.
    public var minor: [Double]
    /// The multiplier or offset shown once at the end of the axis, in math markup; empty if none.
    public var offsetText: String
    /// The additive offset subtracted from linear labels (0 if none).
    public var offset: Double
    /// The power of ten the linear labels are divided by (0 if none).
    public var orderOfMagnitude: Int

    /// Ticks from their positions and labels; no minor ticks, offset or power of ten unless given.
    public init(major: [Double], labels: [String], minor: [Double] = [], offsetText: String = "",
                offset: Double = 0, orderOfMagnitude: Int = 0) {
        self.major = major; self.labels = labels; self.minor = minor; self.offsetText = offsetText
        self.offset = offset; self.orderOfMagnitude = orderOfMagnitude
    }

    /// Ticks for `scale` over the view interval [lo, hi], with at most `maxIntervals` intervals
    /// between linear major ticks.
    public static func make(scale: Scale, lo: Double, hi: Double, maxIntervals: Int) -> AxisTicks {
        switch scale {
        case .linear:
            let major = LinearTickLocator(maxIntervals: maxIntervals).ticks(lo: lo, hi: hi)
            return ScalarTickFormatter.format(major, viewLo: lo, viewHi: hi)
        case .log:
            return LogTicks.make(lo: lo, hi: hi, maxTicks: maxIntervals + 1)
        case .logit:
            return LogitTicks.make(lo: lo, hi: hi, maxTicks: maxIntervals + 1)
        case .symlog:
            return SymlogTicks.make(lo: lo, hi: hi, maxTicks: maxIntervals + 1)
        }
    }
}
