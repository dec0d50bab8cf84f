public import LossPlot

/// Checks a figure author (and the tests) can run on a rendered display list.
extension DisplayList {
    /// Text items that reach outside the page.
    public var textsOutsidePage: [TextItem] {
        let page = Rect(x: 0, y: 0, width: width, height: height)
        return texts.filter { t in
            !(page.contains(Point(t.bounds.minX, t.bounds.minY)) && page.contains(Point(t.bounds.maxX, t.bounds.maxY)))
        }
    }

    /// Pairs of text items whose boxes overlap by more than `slack` points on each side (adjacent
    /// runs of one label touch, which is not an overlap; accents, which take no room of their own,
    /// sit on their base character by design and are not counted).
    public func overlappingTexts(slack: Double = 0.6) -> [(TextItem, TextItem)] {
        let all = texts.filter { $0.bounds.width > 0 && $0.bounds.height > 0 }
        var pairs: [(TextItem, TextItem)] = []
        for i in all.indices {
            for j in all.indices where j > i {
                if all[i].bounds.insetBy(slack).intersects(all[j].bounds.insetBy(slack)) { pairs.append((all[i], all[j])) }
            }
        }
        return pairs
    }
}
