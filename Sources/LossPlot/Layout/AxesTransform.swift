/// Maps data coordinates of one panel to page points: each axis through its scale, then linearly
/// onto the axes rectangle (y grows upward in data, downward on the page).
public struct AxesTransform: Sendable {
    /// The axes rectangle on the page, in points.
    public var rect: Rect
    /// The scale of the x axis.
    public var xScale: Scale
    /// The scale of the y axis.
    public var yScale: Scale
    /// View limits in data coordinates.
    public var xView: ClosedRange<Double>
    /// The y view limits in data coordinates.
    public var yView: ClosedRange<Double>

    var tx: (Double, Double) { (xScale.forward(xView.lowerBound), xScale.forward(xView.upperBound)) }
    var ty: (Double, Double) { (yScale.forward(yView.lowerBound), yScale.forward(yView.upperBound)) }

    /// The page x of data x (NaN outside the scale's domain).
    public func pageX(_ x: Double) -> Double { pageX(transformed: xScale.forward(x)) }
    /// The page y of data y (NaN outside the scale's domain).
    public func pageY(_ y: Double) -> Double { pageY(transformed: yScale.forward(y)) }

    func pageX(transformed t: Double) -> Double {
        let (a, b) = tx
        return rect.minX + (t - a) / (b - a) * rect.width
    }

    func pageY(transformed t: Double) -> Double {
        let (a, b) = ty
        return rect.maxY - (t - a) / (b - a) * rect.height
    }

    /// The page point of the data point (x, y).
    public func page(_ x: Double, _ y: Double) -> Point { Point(pageX(x), pageY(y)) }

    /// The data x at a page x.
    public func dataX(_ px: Double) -> Double {
        let (a, b) = tx
        return xScale.inverse(a + (px - rect.minX) / rect.width * (b - a))
    }

    /// A point given in axes fractions (0…1 from the lower left).
    public func fraction(_ p: Point) -> Point { Point(rect.minX + p.x * rect.width, rect.maxY - p.y * rect.height) }
}
