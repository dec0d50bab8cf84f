public import LossPlot
public import LossPlotCairo
/// A backend for tests: measures text like another backend (cairo by default, so layouts are the
/// real ones) and, instead of pixels, keeps every display list it is asked to render and returns
/// a readable dump of it.
public final class RecordingBackend: Backend {
    /// The display lists rendered so far, in order.
    public private(set) var recorded: [DisplayList] = []
    private let measurer: any TextMeasuring

    /// A recorder that measures text with `measurer` (a `CairoBackend` unless given).
    public init(measuringWith measurer: any TextMeasuring = CairoBackend()) { self.measurer = measurer }

    /// The extents of `string` in `font`, as the measurer gives them.
    public func measure(_ string: String, font: Font) -> TextExtents { measurer.measure(string, font: font) }

    /// Records `list` and returns its dump (``dump(_:)``) as UTF-8 bytes, whatever the format.
    public func render(_ list: DisplayList, format: ImageFormat, dpi: Double) throws -> [UInt8] {
        recorded.append(list)
        return Array(Self.dump(list).utf8)
    }

    /// One line per item, coordinates to 0.01 pt: stable text for comparisons.
    public static func dump(_ list: DisplayList) -> String {
        func f(_ x: Double) -> String { String(Double((x * 100).rounded()) / 100) }
        func p(_ pt: Point) -> String { "\(f(pt.x)),\(f(pt.y))" }
        func c(_ c: Color) -> String { "rgba(\(f(c.red)),\(f(c.green)),\(f(c.blue)),\(f(c.alpha)))" }
        var lines = ["page \(f(list.width))x\(f(list.height))"]
        for item in list.items {
            switch item {
            case .stroke(let path, let s):
                lines.append("stroke \(c(s.color)) w=\(f(s.width)) dash=\(s.dash.map(f)) \(path.points.map(p).joined(separator: " "))")
            case .fill(let path, let color):
                lines.append("fill \(c(color)) \(path.points.map(p).joined(separator: " "))")
            case .text(let t):
                lines.append("text \(t.string.debugDescription) size=\(f(t.font.size))\(t.font.italic ? " italic" : "") at \(p(t.origin)) angle=\(f(t.angle))")
            case .pushClip(let r):
                lines.append("clip \(f(r.x)),\(f(r.y)) \(f(r.width))x\(f(r.height))")
            case .popClip:
                lines.append("unclip")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
