/// The check a backend makes before it draws: cairo turns a non-finite coordinate into an error
/// state that silently stops all further drawing (or a non-invertible matrix), so a list with
/// one is refused whole instead of drawn in part.
extension DisplayList {
    /// The first thing in the list with a coordinate, size, width, dash length, angle or colour
    /// component that is not finite, described for a message ("a text \"1.8\" at (92.3, -inf)");
    /// nil if every number is finite.
    public var firstNonFinite: String? {
        guard width.isFinite, height.isFinite else { return "the page size \(width) × \(height)" }
        for item in items {
            switch item {
            case .stroke(let path, let style):
                if let p = path.points.first(where: { !$0.isFinite }) { return "a line through \(Self.text(p))" }
                if !style.width.isFinite { return "a line of width \(style.width)" }
                if !style.dash.allSatisfy(\.isFinite) { return "a line dashed \(style.dash)" }
                if !style.color.isFinite { return "a line coloured \(Self.text(style.color))" }
            case .fill(let path, let color):
                if let p = path.points.first(where: { !$0.isFinite }) { return "a filled shape through \(Self.text(p))" }
                if !color.isFinite { return "a filled shape coloured \(Self.text(color))" }
            case .text(let t):
                if !t.origin.isFinite { return "a text \(Self.quoted(t.string)) at \(Self.text(t.origin))" }
                if !t.angle.isFinite { return "a text \(Self.quoted(t.string)) at angle \(t.angle)" }
                if !t.font.size.isFinite { return "a text \(Self.quoted(t.string)) of size \(t.font.size)" }
                if !t.color.isFinite { return "a text \(Self.quoted(t.string)) coloured \(Self.text(t.color))" }
            case .pushClip(let r):
                if ![r.x, r.y, r.width, r.height].allSatisfy(\.isFinite) { return "a clip rectangle at \(Self.text(Point(r.x, r.y))) of \(r.width) × \(r.height)" }
            case .popClip:
                continue
            }
        }
        return nil
    }

    /// The string in quotes, its first 40 characters if longer.
    private static func quoted(_ s: String) -> String { (s.count > 40 ? String(s.prefix(40)) + "…" : s).debugDescription }
    private static func text(_ p: Point) -> String { "(\(p.x), \(p.y))" }
    private static func text(_ c: Color) -> String { "rgba(\(c.red), \(c.green), \(c.blue), \(c.alpha))" }
}

extension Point {
    var isFinite: Bool { x.isFinite && y.isFinite }
}

extension Color {
    var isFinite: Bool { [red, green, blue, alpha].allSatisfy(\.isFinite) }
}
