/// A legend: entries with a line sample or a patch, laid out in a framed box, placed where it
/// covers the least (matplotlib's 'best').
struct Legend {
    enum Handle {
        case line(StrokeStyle)
        case patch(Color)
        case marker(Color, hollow: Bool)
    }

    struct Entry {
        var label: String
        var handle: Handle
    }

    var entries: [Entry]
    var font: Font
    /// Entries side by side per row (1: a column, as inside the axes).
    var columns: Int
    var size: (width: Double, height: Double)
    private var layouts: [TextLayout]

    init(entries: [Entry], font: Font, measurer: any TextMeasuring, columns: Int = 1) {
        self.entries = entries
        self.font = font
        self.columns = max(1, columns)
        layouts = entries.map { TextLayout($0.label, font: font, measurer: measurer) }
        let em = font.size
        let rowHeight = layouts.map(\.height).max() ?? em
        let entryWidth = 2.0 * em + 0.8 * em + (layouts.map(\.width).max() ?? 0) + (self.columns > 1 ? 1.0 * em : 0)
        let rows = (entries.count + self.columns - 1) / self.columns
        let width = 2 * 0.4 * em + Double(self.columns) * entryWidth
        let height = 2 * 0.4 * em + Double(rows) * rowHeight + Double(max(rows - 1, 0)) * 0.5 * em
        size = (width, height)
    }

    /// The width one entry takes: handle, gap, the widest label (and a gap to the next column).
    var entryWidth: Double {
        let em = font.size
        return 2.0 * em + 0.8 * em + (layouts.map(\.width).max() ?? 0) + 1.0 * em
    }

    /// The box at a location inside `axes`, 0.5 em from the frame.
    func box(at location: LegendLocation, in axes: Rect) -> Rect {
        let pad = 0.5 * font.size
        let (w, h) = size
        let left = axes.minX + pad, right = axes.maxX - pad - w, centerX = axes.minX + (axes.width - w) / 2
        let top = axes.minY + pad, bottom = axes.maxY - pad - h, centerY = axes.minY + (axes.height - h) / 2
        let (x, y): (Double, Double)
        switch location {
        case .upperRight: (x, y) = (right, top)
        case .upperLeft: (x, y) = (left, top)
        case .lowerLeft: (x, y) = (left, bottom)
        case .lowerRight: (x, y) = (right, bottom)
        case .right, .centerRight: (x, y) = (right, centerY)
        case .centerLeft: (x, y) = (left, centerY)
        case .lowerCenter: (x, y) = (centerX, bottom)
        case .upperCenter: (x, y) = (centerX, top)
        case .center: (x, y) = (centerX, centerY)
        }
        return Rect(x: x, y: y, width: w, height: h)
    }

    /// matplotlib's 'best': the first location in its order that covers no curve vertex, crosses
    /// no segment and overlaps no other box; otherwise the one with the lowest such count.
    func bestBox(in axes: Rect, polylines: [[Point]], obstacles: [Rect]) -> (location: LegendLocation, box: Rect) {
        var best: (score: Int, location: LegendLocation, box: Rect)?
        for location in LegendLocation.allCases {
            let candidate = box(at: location, in: axes)
            let score = Self.badness(of: candidate, polylines: polylines, obstacles: obstacles)
            if score == 0 { return (location, candidate) }
            if best == nil || score < best!.score { best = (score, location, candidate) }
        }
        return (best!.location, best!.box)
    }

    static func badness(of box: Rect, polylines: [[Point]], obstacles: [Rect]) -> Int {
        var score = 0
        for line in polylines {
            for p in line where box.contains(p) { score += 1 }
            for i in line.indices.dropFirst() where box.intersectsSegment(line[i - 1], line[i]) { score += 1 }
        }
        score += obstacles.filter { $0.intersects(box) }.count
        return score
    }

    /// Draws the frame, the handles and the labels into `list`.
    func draw(in box: Rect, painter: TextPainter, theme: Theme, into list: inout DisplayList) {
        list.append(.fill(.rectangle(box), Color.white.withAlpha(0.85)))
        list.append(.stroke(.rectangle(box), StrokeStyle(color: .lightGray, width: max(0.8, theme.frameWidth))))
        let em = font.size
        let rowHeight = layouts.map(\.height).max() ?? em
        let columnWidth = (box.width - 0.8 * em) / Double(columns)
        for (index, entry) in entries.enumerated() {
            let (row, column) = (index / columns, index % columns)
            let y = box.minY + 0.4 * em + Double(row) * (rowHeight + 0.5 * em)
            let midY = y + rowHeight / 2
            let handleLeft = box.minX + 0.4 * em + Double(column) * columnWidth, handleRight = handleLeft + 2.0 * em
            switch entry.handle {
            case .line(let style):
                list.append(.stroke(Path(polyline: [Point(handleLeft, midY), Point(handleRight, midY)]), style))
            case .patch(let color):
                let r = Rect(x: handleLeft, y: midY - 0.35 * em, width: 2.0 * em, height: 0.7 * em)
                list.append(.fill(.rectangle(r), color))
            case .marker(let color, let hollow):
                let disc = Marker.circle(at: Point(handleLeft + 1.0 * em, midY), diameter: 0.5 * em)
                if hollow {
                    list.append(.stroke(disc, StrokeStyle(color: color, width: 0.8)))
                } else {
                    list.append(.fill(disc, color))
                }
            }
            painter.draw(entry.label, font: font, at: Point(handleRight + 0.8 * em, midY), anchor: Point(0, 0.5), into: &list)
        }
    }
}
