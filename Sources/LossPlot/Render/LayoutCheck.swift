/// The last look at a drawn page: every text inside it and none over another. What the layout
/// could not avoid becomes a ``LayoutError`` that names the texts, instead of a figure with a
/// cut or overprinted label.
struct LayoutCheck {
    let list: DisplayList
    /// The panels' legend boxes, which must be on the page too.
    var legends: [Rect] = []

    /// How far text may reach past the page or into other text, in points: antialiasing, and the
    /// side bearings of glyphs that touch in one label.
    static let slack = 0.6

    func verify() throws {
        let page = Rect(x: 0, y: 0, width: list.width, height: list.height).insetBy(-Self.slack)
        let texts = list.texts.filter { $0.bounds.width > 0 && $0.bounds.height > 0 }
        let size = "\(LayoutError.inches(list.width)) × \(LayoutError.inches(list.height)) in"
        if let outside = texts.first(where: { !(page.contains(Point($0.bounds.minX, $0.bounds.minY))
                                               && page.contains(Point($0.bounds.maxX, $0.bounds.maxY))) }) {
            throw LayoutError("the text \"\(LayoutError.excerpt(outside.string))\" would reach outside the \(size) page")
        }
        if legends.contains(where: { !(page.contains(Point($0.minX, $0.minY)) && page.contains(Point($0.maxX, $0.maxY))) }) {
            throw LayoutError("a legend would reach outside the \(size) page")
        }
        // Sorted by left edge, each text is compared only with those that start before it ends.
        let sorted = texts.sorted { $0.bounds.minX < $1.bounds.minX }
        for (i, a) in sorted.enumerated() {
            let box = a.bounds.insetBy(Self.slack)
            for b in sorted[(i + 1)...] {
                if b.bounds.minX + Self.slack >= box.maxX { break }
                if box.intersects(b.bounds.insetBy(Self.slack)) {
                    throw LayoutError("the texts \"\(LayoutError.excerpt(a.string))\" and \"\(LayoutError.excerpt(b.string))\" would overlap on the \(size) page")
                }
            }
        }
    }
}
