/// Why a figure cannot be drawn as specified.
public enum FigureError: Error, CustomStringConvertible, Equatable {
    case emptyRange(axis: String, lo: Double, hi: Double)
    case outsideScale(axis: String, scale: Scale, lo: Double, hi: Double)
    case badSize(width: Double, height: Double)
    case rangeTooWide(axis: String, lo: Double, hi: Double)

    public var description: String {
        switch self {
        case .emptyRange(let axis, let lo, let hi):
            "the \(axis) range \(lo):\(hi) is empty or reversed; give lo < hi"
        case .outsideScale(let axis, let scale, let lo, let hi):
            "the \(axis) range \(lo):\(hi) does not fit a \(scale.rawValue) axis, which shows \(scale.domainDescription)"
        case .rangeTooWide(let axis, let lo, let hi):
            "the \(axis) range \(lo):\(hi) is wider than the largest Double; give a narrower range"
        case .badSize(let width, let height):
            "the figure size \(width) × \(height) in is too small to hold its axes"
        }
    }
}
