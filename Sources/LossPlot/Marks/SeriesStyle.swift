/// The look of a series; nil fields come from the theme's cycle.
public struct SeriesStyle: Sendable, Hashable {
    /// The line's colour; nil takes the cycle's next colour.
    public var color: Color?
    /// The line's dash; nil takes the cycle's next dash.
    public var dash: Dash?
    /// The line's width in points; nil takes the theme's line width.
    public var width: Double?

    /// A style with the given fields set and the others left to the theme.
    public init(color: Color? = nil, dash: Dash? = nil, width: Double? = nil) {
        self.color = color; self.dash = dash; self.width = width
    }
}

/// Line styles, with dash lengths in multiples of the line width (matplotlib's scaled dashes).
public enum Dash: String, Sendable, Hashable, CaseIterable {
    /// The styles, in the order a theme cycles through them: unbroken, and dash patterns of
    /// on/off lengths (in line widths) 3.7/1.6 (dashed), 6.4/1.6/1/1.6 (dash-dot), 1/1.65
    /// (dotted), 8/2.5 (long dash), 5/1.5/1/1.5/1/1.5 (dash-dot-dot), 0.7/1.3 (dense dots),
    /// 12/3 (extra-long dash), 8/2/1/2/1/2/1/2 (long dash, three dots) and 2.5/3.5 (sparse dash).
    case solid, dashed, dashDot, dotted, longDash, dashDotDot, denseDot, extraLongDash, longDashDots, sparseDash

    /// The on/off lengths in points for a line `width` points wide: the unit pattern × max(width, 1);
    /// empty for solid.
    public func pattern(width: Double) -> [Double] {
        let unit: [Double]
        switch self {
        case .solid: return []
        case .dashed: unit = [3.7, 1.6]
        case .dotted: unit = [1, 1.65]
        case .dashDot: unit = [6.4, 1.6, 1, 1.6]
        case .longDash: unit = [8, 2.5]
        case .denseDot: unit = [0.7, 1.3]
        case .dashDotDot: unit = [5, 1.5, 1, 1.5, 1, 1.5]
        case .extraLongDash: unit = [12, 3]
        case .longDashDots: unit = [8, 2, 1, 2, 1, 2, 1, 2]
        case .sparseDash: unit = [2.5, 3.5]
        }
        return unit.map { $0 * max(width, 1) }
    }
}
