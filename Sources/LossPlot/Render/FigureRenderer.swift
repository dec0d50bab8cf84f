import FoundationEssentials
import Glibc

/// Turns a ``Figure`` into a ``DisplayList``: decides view limits, ticks and margins (measuring
/// every label through the backend first), samples the curves, places the legend, and emits the
/// drawing operations. It knows nothing of what the curves mean.
public struct FigureRenderer {
    public let measurer: any TextMeasuring

    public init(measurer: any TextMeasuring) { self.measurer = measurer }

    /// What was drawn in one panel, for tests: the axes rectangle, the view, the curves on the page
    /// (after clipping) and the legend box.
    public struct PanelGeometry: Sendable {
        public var axes: Rect
        public var transform: AxesTransform
        public var curves: [[Point]]
        public var legend: Rect?
        public var xTicks: AxisTicks
        public var yTicks: AxisTicks
    }

    public func render(_ figure: Figure) throws -> DisplayList { try renderWithGeometry(figure).list }

    public func renderWithGeometry(_ figure: Figure) throws -> (list: DisplayList, panels: [PanelGeometry]) {
        let theme = figure.theme
        let page = (width: figure.width * 72, height: figure.height * 72)
        guard page.width >= 72, page.height >= 54, page.width.isFinite, page.height.isFinite else {
            throw FigureError.badSize(width: figure.width, height: figure.height)
        }
        let painter = TextPainter(measurer: measurer)
        var list = DisplayList(width: page.width, height: page.height)

        // Views: explicit ranges, else the data plus a 5% margin.
        var plans = try figure.panels.map { try PanelPlan(panel: $0, theme: theme) }

        // Layout: ticks depend on the axes' length, margins on the tick labels; two passes settle.
        let fs = theme.fontSize
        let pad = 0.5 * fs
        // A title wider than the page is set smaller rather than cut off.
        let titleFont = figure.title.map { painter.fitting($0, font: theme.titleFont, width: page.width - 2 * fs) }
            ?? theme.titleFont
        let titleBand = figure.title.map { painter.layout($0, font: titleFont).height + 0.8 * fs } ?? 0
        // A shared legend: every panel's entries once, in rows across the bottom of the page.
        var shared: Legend?
        if figure.sharedLegend {
            var seen = Set<String>()
            let entries = plans.flatMap { $0.legendEntries() }.filter { seen.insert($0.label).inserted }
            if !entries.isEmpty {
                let single = Legend(entries: entries, font: theme.font, measurer: measurer)
                let columns = max(1, min(entries.count, Int((page.width - 2 * fs) / single.entryWidth)))
                shared = Legend(entries: entries, font: theme.font, measurer: measurer, columns: columns)
            }
        }
        let legendBand = shared.map { $0.size.height + fs } ?? 0
        let rows = figure.rows, columns = figure.columns
        let cellWidth = page.width / Double(columns)
        let cellHeight = (page.height - titleBand - legendBand) / Double(rows)  // for the first guess only
        func showsX(_ index: Int) -> Bool {
            !figure.sharesX || index / columns == rows - 1 || index + columns >= figure.panels.count
        }
        var rects = figure.panels.indices.map { i in
            Rect(x: Double(i % columns) * cellWidth + 0.125 * cellWidth,
                 y: titleBand + Double(i / columns) * cellHeight + 0.1 * cellHeight,
                 width: 0.8 * cellWidth, height: 0.78 * cellHeight)
        }
        for _ in 0..<2 {
            var left = Array(repeating: 0.0, count: columns), right = left
            var top = Array(repeating: 0.0, count: rows), bottom = top
            for i in plans.indices {
                plans[i].makeTicks(axesWidth: rects[i].width, axesHeight: rects[i].height, fontSize: fs)
                let m = plans[i].margins(painter: painter, theme: theme, showsX: showsX(i))
                left[i % columns] = max(left[i % columns], m.left + pad)
                right[i % columns] = max(right[i % columns], m.right + pad)
                top[i / columns] = max(top[i / columns], m.top + pad)
                bottom[i / columns] = max(bottom[i / columns], m.bottom + pad)
            }
            // Every axes rectangle gets the same size, so that small multiples compare at a glance;
            // the margins each row and column needs are laid end to end around them.
            let axesWidth = (page.width - left.reduce(0, +) - right.reduce(0, +)) / Double(columns)
            let axesHeight = (page.height - titleBand - legendBand - top.reduce(0, +) - bottom.reduce(0, +)) / Double(rows)
            guard axesWidth > 20, axesHeight > 20 else {
                throw FigureError.badSize(width: figure.width, height: figure.height)
            }
            for i in plans.indices {
                let (r, c) = (i / columns, i % columns)
                let x = (0..<c).reduce(0.0) { $0 + left[$1] + axesWidth + right[$1] } + left[c]
                let y = titleBand + (0..<r).reduce(0.0) { $0 + top[$1] + axesHeight + bottom[$1] } + top[r]
                rects[i] = Rect(x: x, y: y, width: axesWidth, height: axesHeight)
            }
        }

        var geometries: [PanelGeometry] = []
        for (i, plan) in plans.enumerated() {
            geometries.append(plan.draw(in: rects[i], showsX: showsX(i), theme: theme, painter: painter,
                                        sharedLegend: shared != nil, into: &list))
        }
        if let shared {
            let box = Rect(x: (page.width - shared.size.width) / 2, y: page.height - legendBand + 0.3 * fs,
                           width: shared.size.width, height: shared.size.height)
            shared.draw(in: box, painter: painter, theme: theme, into: &list)
        }
        if let title = figure.title {
            painter.draw(title, font: titleFont, at: Point(page.width / 2, 0.5 * fs), anchor: Point(0.5, 1), into: &list)
        }
        return (list, geometries)
    }
}

/// One panel on its way to the page.
struct PanelPlan {
    var panel: Panel
    var xView: ClosedRange<Double>
    var yView: ClosedRange<Double>
    var styles: [StrokeStyle?]  // per mark, for series
    var xTicks = AxisTicks(major: [], labels: [])
    var yTicks = AxisTicks(major: [], labels: [])

    init(panel: Panel, theme: Theme) throws {
        self.panel = panel
        // Series styles from the cycle, in mark order.
        var series = 0
        styles = panel.marks.map { mark in
            let style: SeriesStyle
            switch mark {
            case .function(let c): style = c.style
            case .line(let l): style = l.style
            case .histogram(let h): style = SeriesStyle(color: h.color, dash: .solid)
            case .scatter(let m): style = SeriesStyle(color: m.color, dash: .solid)
            case .area(let a): style = SeriesStyle(color: a.color, dash: .solid)
            default: return nil
            }
            defer { series += 1 }
            let width = style.width ?? theme.lineWidth
            let dash = style.dash ?? theme.dashes[series % theme.dashes.count]
            return StrokeStyle(color: style.color ?? theme.palette[series % theme.palette.count], width: width,
                               dash: dash.pattern(width: width))
        }
        xView = try Self.view(axis: panel.x, name: "x", data: Self.xData(panel))
        let xv = xView
        yView = try Self.view(axis: panel.y, name: "y", data: Self.yData(panel, xView: xv))
    }

    static func xData(_ panel: Panel) -> [Double] {
        var xs: [Double] = []
        for mark in panel.marks {
            switch mark {
            case .function(let c): if let d = c.domain { xs += [d.lowerBound, d.upperBound] }
            case .line(let l): xs += l.x.filter { $0.isFinite }
            case .verticalLine(let r): xs.append(r.at)
            case .histogram(let h): xs += [h.edges.first!, h.edges.last!]
            case .scatter(let m): xs += m.x
            case .segments(let g): xs += g.segments.flatMap { [$0.from.x, $0.to.x] }
            case .area(let a): if let d = a.domain { xs += [d.lowerBound, d.upperBound] }
            case .polygon(let g): xs += g.points.map(\.x)
            case .arrows(let a): xs += a.points.map(\.x)
            default: break
            }
        }
        return xs.filter { panel.x.scale.contains($0) }
    }

    static func yData(_ panel: Panel, xView: ClosedRange<Double>) -> [Double] {
        var ys: [Double] = []
        let sx = panel.x.scale
        for mark in panel.marks {
            switch mark {
            case .function(let c):
                let lo = max(c.domain?.lowerBound ?? xView.lowerBound, xView.lowerBound)
                let hi = min(c.domain?.upperBound ?? xView.upperBound, xView.upperBound)
                let (t0, t1) = (sx.forward(lo), sx.forward(hi))
                guard t0.isFinite, t1.isFinite, t0 < t1 else { continue }
                ys += c.values((0...400).map { sx.inverse(t0 + (t1 - t0) * Double($0) / 400) })
            case .line(let l):
                for (x, y) in zip(l.x, l.y) where xView.contains(x) { ys.append(y) }
            case .horizontalLine(let r): ys.append(r.at)
            case .histogram(let h): ys += h.heights + [0]
            case .scatter(let m): for (x, y) in zip(m.x, m.y) where xView.contains(x) { ys.append(y) }
            case .segments(let g): ys += g.segments.flatMap { [$0.from.y, $0.to.y] }
            case .area(let a):
                ys.append(a.baseline)
                let lo = max(a.domain?.lowerBound ?? xView.lowerBound, xView.lowerBound)
                let hi = min(a.domain?.upperBound ?? xView.upperBound, xView.upperBound)
                if lo < hi { for i in 0...200 { ys.append(a.function(lo + (hi - lo) * Double(i) / 200)) } }
            case .polygon(let g): ys += g.points.map(\.y)
            case .arrows(let a): ys += a.points.map(\.y)
            default: break
            }
        }
        return ys.filter { panel.y.scale.contains($0) }
    }

    /// The axis range if given, else the data's extent with a 5% margin in scale space; either
    /// checked against ``AxisRangeLimits``, so that the transform and the ticks can be computed.
    static func view(axis: Axis, name: String, data: [Double]) throws -> ClosedRange<Double> {
        let scale = axis.scale
        if let r = axis.range {
            guard r.lowerBound < r.upperBound, r.lowerBound.isFinite, r.upperBound.isFinite else {
                throw FigureError.emptyRange(axis: name, lo: r.lowerBound, hi: r.upperBound)
            }
            guard scale.contains(r.lowerBound), scale.contains(r.upperBound) else {
                throw FigureError.outsideScale(axis: name, scale: scale, lo: r.lowerBound, hi: r.upperBound)
            }
            try AxisRangeLimits.check(axis: name, scale: scale, lo: r.lowerBound, hi: r.upperBound)
            return r
        }
        let ts = data.map(scale.forward).filter { $0.isFinite }
        guard var lo = ts.min(), var hi = ts.max() else {
            return scale == .linear ? 0...1 : (scale == .log ? 0.1...10 : 0.01...0.99)
        }
        // Data reaching toward ±1.8e308 is shown up to ±5e307: with the margin, the widest view
        // that leaves its ticks room (max |t| + width = 1.65e308).
        let largest = Axis.largestAutomaticMagnitude
        (lo, hi) = (min(max(lo, -largest), largest), min(max(hi, -largest), largest))
        if hi - lo <= 1e-12 * max(abs(lo), abs(hi), 1) {
            let widen = max(abs(lo) * 0.05, scale == .linear ? 0.5 : 0.5)
            lo -= widen; hi += widen
        }
        // A margin that would leave what the scale can represent (below the smallest positive
        // Double on a log axis, say) is dropped on that side.
        let margin = 0.05 * (hi - lo)
        func bound(_ t: Double, else unmargined: Double) -> Double {
            let v = scale.inverse(t)
            return scale.contains(v) && scale.forward(v).isFinite ? v : scale.inverse(unmargined)
        }
        let view = bound(lo - margin, else: lo)...bound(hi + margin, else: hi)
        try AxisRangeLimits.check(axis: name, scale: scale, lo: view.lowerBound, hi: view.upperBound)
        return view
    }

    mutating func makeTicks(axesWidth: Double, axesHeight: Double, fontSize: Double) {
        // matplotlib's tick space: the axis length over 3 (x) or 2 (y) font sizes, 1…9 intervals.
        let xBins = min(9, max(1, Int(axesWidth / (3 * fontSize))))
        let yBins = min(9, max(1, Int(axesHeight / (2 * fontSize))))
        xTicks = AxisTicks.make(scale: panel.x.scale, lo: xView.lowerBound, hi: xView.upperBound, maxIntervals: xBins)
        yTicks = AxisTicks.make(scale: panel.y.scale, lo: yView.lowerBound, hi: yView.upperBound, maxIntervals: yBins)
    }

    func visible(_ ticks: AxisTicks, in view: ClosedRange<Double>) -> [(Double, String)] {
        let slack = 1e-9 * (view.upperBound - view.lowerBound)
        return zip(ticks.major, ticks.labels).filter {
            $0.0.isFinite && $0.0 >= view.lowerBound - slack && $0.0 <= view.upperBound + slack
        }
    }

    /// Space needed around the axes rectangle for ticks, labels, titles.
    func margins(painter: TextPainter, theme: Theme, showsX: Bool) -> (left: Double, right: Double, top: Double, bottom: Double) {
        let fs = theme.fontSize, tickPad = 0.35 * fs, labelPad = 0.4 * fs
        let font = theme.font
        let yLabels = visible(yTicks, in: yView).map { painter.layout($0.1, font: font) }
        let xLabels = visible(xTicks, in: xView).map { painter.layout($0.1, font: font) }
        var left = theme.tickLength + tickPad + (yLabels.map(\.width).max() ?? 0)
        if let label = panel.y.label { left += labelPad + painter.layout(label, font: font).height }
        var bottom = theme.tickLength
        var right = 0.0
        if showsX {
            bottom += tickPad + (xLabels.map(\.height).max() ?? 0)
            var lastRow = 0.0
            if let label = panel.x.label { lastRow = painter.layout(label, font: font).height }
            if !xTicks.offsetText.isEmpty { lastRow = max(lastRow, painter.layout(xTicks.offsetText, font: font).height) }
            if lastRow > 0 { bottom += labelPad + lastRow }
            right = (xLabels.last?.width ?? 0) / 2
        }
        var top = (yLabels.map(\.height).max() ?? 0) / 2
        var above = 0.0
        if let title = panel.title { above += painter.layout(title, font: theme.titleFont).height + 0.6 * fs }
        if !yTicks.offsetText.isEmpty { above += painter.layout(yTicks.offsetText, font: font).height + 0.2 * fs }
        top = max(top, above)
        return (left, right, top, bottom)
    }

    /// The legend entries of the labelled marks, in mark order.
    func legendEntries() -> [Legend.Entry] {
        var entries: [Legend.Entry] = []
        for (mark, style) in zip(panel.marks, styles) {
            switch mark {
            case .verticalSpan(let s): if let l = s.label { entries.append(.init(label: l, handle: .patch(s.color))) }
            case .area(let a): if let l = a.label, let style { entries.append(.init(label: l, handle: .patch(style.color.withAlpha(a.opacity)))) }
            case .histogram(let h): if let l = h.label, let style { entries.append(.init(label: l, handle: .patch(style.color.withAlpha(0.45)))) }
            case .polygon(let g): if let l = g.label { entries.append(.init(label: l, handle: .patch(g.color))) }
            case .segments(let g): if let l = g.label { entries.append(.init(label: l, handle: .line(StrokeStyle(color: g.color, width: g.width)))) }
            case .scatter(let m): if let l = m.label, let style { entries.append(.init(label: l, handle: .marker(style.color, hollow: m.hollow))) }
            case .function(let c): if let l = c.label, let style { entries.append(.init(label: l, handle: .line(style))) }
            case .line(let d): if let l = d.label, let style { entries.append(.init(label: l, handle: .line(style))) }
            default: break
            }
        }
        return entries
    }

    func draw(in rect: Rect, showsX: Bool, theme: Theme, painter: TextPainter, sharedLegend: Bool = false,
              into list: inout DisplayList) -> FigureRenderer.PanelGeometry {
        let transform = AxesTransform(rect: rect, xScale: panel.x.scale, yScale: panel.y.scale, xView: xView, yView: yView)
        let fs = theme.fontSize, tickPad = 0.35 * fs, labelPad = 0.4 * fs
        var curves: [[Point]] = []
        let legendEntries = self.legendEntries()
        var obstacles: [Rect] = []

        // Data, clipped to the axes.
        list.append(.pushClip(rect))
        for mark in panel.marks {
            switch mark {
            case .verticalSpan(let s):
                let x0 = max(transform.pageX(s.from), rect.minX), x1 = min(transform.pageX(s.to), rect.maxX)
                if x1 > x0 {
                    list.append(.fill(.rectangle(Rect(x: x0, y: rect.minY, width: x1 - x0, height: rect.height)), s.color))
                }
            case .horizontalLine(let r):
                let y = transform.pageY(r.at)
                if y.isFinite {
                    list.append(.stroke(Path(polyline: [Point(rect.minX, y), Point(rect.maxX, y)]),
                                        StrokeStyle(color: r.color, width: r.width, dash: r.dash.pattern(width: r.width))))
                }
            case .verticalLine(let r):
                let x = transform.pageX(r.at)
                if x.isFinite {
                    list.append(.stroke(Path(polyline: [Point(x, rect.minY), Point(x, rect.maxY)]),
                                        StrokeStyle(color: r.color, width: r.width, dash: r.dash.pattern(width: r.width))))
                }
            default: break
            }
        }
        let clipBox = rect.insetBy(-2 * theme.lineWidth)
        // A curve or data line is one stroke, its clipped runs subpaths (as matplotlib draws a
        // line as one path), drawn simplified; `curves` (for the legend and tests) keeps every point.
        let simplifier = PolylineSimplifier()
        // Filled marks under the lines: areas, bars, polygons; then segment sets.
        for (mark, style) in zip(panel.marks, styles) {
            switch mark {
            case .area(let a):
                guard let style else { continue }
                let lo = max(a.domain?.lowerBound ?? xView.lowerBound, xView.lowerBound)
                let hi = min(a.domain?.upperBound ?? xView.upperBound, xView.upperBound)
                let (t0, t1) = (panel.x.scale.forward(lo), panel.x.scale.forward(hi))
                guard t0.isFinite, t1.isFinite, t0 < t1 else { continue }
                let curve = AdaptiveSampler().sample(a.function, from: t0, to: t1, transform: transform)
                    .filter { $0.y.isFinite }
                guard let first = curve.first, let last = curve.last else { continue }
                let base = min(max(transform.pageY(a.baseline), -1e9), 1e9)
                var outline = Path(polyline: [Point(first.x, base)] + curve + [Point(last.x, base)])
                outline.elements.append(.close)
                list.append(.fill(outline, style.color.withAlpha(a.opacity)))
                let edge = StrokeStyle(color: style.color, width: style.width)
                let runs = LineClipping.clip(polyline: curve, to: clipBox)
                if let path = simplifier.path(runs) { list.append(.stroke(path, edge)) }
                curves += runs
            case .histogram(let h):
                guard let style else { continue }
                let base = transform.pageY(panel.y.scale == .linear ? 0 : yView.lowerBound)
                for (i, height) in h.heights.enumerated() where height > 0 {
                    let x0 = transform.pageX(h.edges[i]), x1 = transform.pageX(h.edges[i + 1])
                    let top = min(max(transform.pageY(height), -1e9), 1e9)
                    guard x0.isFinite, x1.isFinite, top.isFinite else { continue }
                    let bar = Rect(x: x0, y: min(top, base), width: x1 - x0, height: abs(base - top))
                    list.append(.fill(.rectangle(bar), style.color.withAlpha(0.45)))
                    list.append(.stroke(.rectangle(bar), StrokeStyle(color: style.color, width: 0.6)))
                    if let (p, q) = LineClipping.clip(Point(x0, top), Point(x1, top), to: clipBox) { curves.append([p, q]) }
                }
            case .polygon(let g):
                var path = Path(polyline: g.points.map { transform.page($0.x, $0.y) }.map { Point($0.x, min(max($0.y, -1e9), 1e9)) })
                path.elements.append(.close)
                list.append(.fill(path, g.color))
            case .arrows(let set):
                for (base, vector) in zip(set.points, set.vectors) {
                    let a = transform.page(base.x, base.y)
                    let tipData = transform.page(base.x + vector.x, base.y + vector.y)
                    var (dx, dy) = (tipData.x - a.x, tipData.y - a.y)
                    let norm = (dx * dx + dy * dy).squareRoot()
                    guard a.x.isFinite, a.y.isFinite, norm.isFinite, norm > 0, rect.contains(a) else { continue }
                    if set.normalized { dx *= set.length / norm; dy *= set.length / norm }
                    Arrow.draw(from: a, to: Point(a.x + dx, a.y + dy), head: 0.35 * theme.fontSize, width: 0.6,
                               color: set.color, into: &list)
                }
            case .segments(let g):
                let stroke = StrokeStyle(color: g.color, width: g.width)
                for segment in g.segments {
                    let a = transform.page(segment.from.x, segment.from.y), b = transform.page(segment.to.x, segment.to.y)
                    if let (p, q) = LineClipping.clip(a, b, to: clipBox) {
                        list.append(.stroke(Path(polyline: [p, q]), stroke))
                        curves.append([p, q])
                    }
                }
            default: continue
            }
        }
        for (mark, style) in zip(panel.marks, styles) {
            guard let style else { continue }
            if case .scatter(let m) = mark {
                var points: [Point] = []
                for (x, y) in zip(m.x, m.y) {
                    let p = transform.page(x, y)
                    guard p.x.isFinite, p.y.isFinite, rect.contains(p) else { continue }
                    points.append(p)
                    let disc = Marker.circle(at: p, diameter: m.size)
                    if m.hollow {
                        list.append(.fill(disc, .white))
                        list.append(.stroke(disc, StrokeStyle(color: style.color, width: 0.8)))
                    } else {
                        list.append(.fill(disc, style.color))
                    }
                }
                curves += points.map { [$0] }
                continue
            }
            var points: [Point] = []
            switch mark {
            case .function(let c):
                let lo = max(c.domain?.lowerBound ?? xView.lowerBound, xView.lowerBound)
                let hi = min(c.domain?.upperBound ?? xView.upperBound, xView.upperBound)
                let (t0, t1) = (panel.x.scale.forward(lo), panel.x.scale.forward(hi))
                if t0.isFinite, t1.isFinite, t0 < t1 {
                    points = AdaptiveSampler().sample(c.values, from: t0, to: t1, transform: transform)
                }
            case .line(let l):
                points = zip(l.x, l.y).map { x, y in
                    panel.x.scale.contains(x) && panel.y.scale.contains(y) ? transform.page(x, y) : Point(.nan, .nan)
                }.map { Point($0.x, min(max($0.y, -1e9), 1e9)) }
            default: continue
            }
            let runs = LineClipping.clip(polyline: points, to: clipBox)
            if let path = simplifier.path(runs) { list.append(.stroke(path, style)) }
            curves += runs
        }
        list.append(.popClip)

        // Frame and ticks.
        let frame = StrokeStyle(color: .black, width: theme.frameWidth)
        list.append(.stroke(.rectangle(rect), frame))
        let tickStyle = StrokeStyle(color: .black, width: theme.frameWidth)
        let minorStyle = StrokeStyle(color: .black, width: 0.75 * theme.frameWidth)
        var xLabelBottom = rect.maxY + theme.tickLength
        for (value, label) in visible(xTicks, in: xView) {
            let x = transform.pageX(value)
            list.append(.stroke(Path(polyline: [Point(x, rect.maxY), Point(x, rect.maxY + theme.tickLength)]), tickStyle))
            if showsX {
                let box = painter.draw(label, font: theme.font, at: Point(x, rect.maxY + theme.tickLength + tickPad),
                                       anchor: Point(0.5, 1), into: &list)
                xLabelBottom = max(xLabelBottom, box.maxY)
            }
        }
        for value in xTicks.minor where xView.contains(value) {
            let x = transform.pageX(value)
            list.append(.stroke(Path(polyline: [Point(x, rect.maxY), Point(x, rect.maxY + theme.minorTickLength)]), minorStyle))
        }
        var yLabelLeft = rect.minX - theme.tickLength
        for (value, label) in visible(yTicks, in: yView) {
            let y = transform.pageY(value)
            list.append(.stroke(Path(polyline: [Point(rect.minX - theme.tickLength, y), Point(rect.minX, y)]), tickStyle))
            let box = painter.draw(label, font: theme.font, at: Point(rect.minX - theme.tickLength - tickPad, y),
                                   anchor: Point(1, 0.5), into: &list)
            yLabelLeft = min(yLabelLeft, box.minX)
        }
        for value in yTicks.minor where yView.contains(value) {
            let y = transform.pageY(value)
            list.append(.stroke(Path(polyline: [Point(rect.minX - theme.minorTickLength, y), Point(rect.minX, y)]), minorStyle))
        }

        // Axis labels, offset texts, title.
        if showsX, let label = panel.x.label {
            painter.draw(label, font: theme.font, at: Point(rect.midX, xLabelBottom + labelPad), anchor: Point(0.5, 1), into: &list)
        }
        if showsX, !xTicks.offsetText.isEmpty {
            painter.draw(xTicks.offsetText, font: theme.font, at: Point(rect.maxX, xLabelBottom + labelPad),
                         anchor: Point(1, 1), into: &list)
        }
        if let label = panel.y.label {
            painter.drawVertical(label, font: theme.font, rightEdge: yLabelLeft - labelPad, centerY: rect.midY, into: &list)
        }
        var titleBottom = rect.minY - 0.6 * fs
        if !yTicks.offsetText.isEmpty {
            let box = painter.draw(yTicks.offsetText, font: theme.font, at: Point(rect.minX, rect.minY - 0.2 * fs),
                                   anchor: Point(0, 0), into: &list)
            titleBottom = min(titleBottom, box.minY - 0.2 * fs)
        }
        if let title = panel.title {
            painter.draw(title, font: theme.titleFont, at: Point(rect.midX, titleBottom), anchor: Point(0.5, 0), into: &list)
        }

        // Annotations: text on a light box, with an arrow to the point they name. "\n" breaks lines.
        for mark in panel.marks {
            guard case .annotation(let a) = mark else { continue }
            var at = transform.fraction(a.position)
            let lines = a.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let layouts = lines.map { painter.layout($0, font: theme.font) }
            let lineHeight = (layouts.map(\.height).max() ?? fs) * 1.1
            let width = layouts.map(\.width).max() ?? 0
            let height = lineHeight * Double(lines.count)
            var box = Rect(x: at.x - a.anchor.x * width, y: at.y - (1 - a.anchor.y) * height, width: width, height: height)
            // Keep the text inside the axes: shift it in from any edge it would cross.
            let inner = rect.insetBy(0.5 * fs)
            let dx = box.minX < inner.minX ? inner.minX - box.minX : (box.maxX > inner.maxX ? inner.maxX - box.maxX : 0)
            let dy = box.minY < inner.minY ? inner.minY - box.minY : (box.maxY > inner.maxY ? inner.maxY - box.maxY : 0)
            box.x += dx; box.y += dy; at.x += dx; at.y += dy
            let padded = box.insetBy(-0.25 * fs)
            list.append(.fill(.rectangle(padded), Color.white.withAlpha(0.8)))
            if let target = a.arrowTo {
                let tip = transform.page(target.x, target.y)
                if tip.x.isFinite && tip.y.isFinite { Arrow.draw(from: padded, to: tip, color: a.color, theme: theme, into: &list) }
            }
            for (i, line) in lines.enumerated() {
                let lineTop = box.minY + Double(i) * lineHeight
                painter.draw(line, font: theme.font, at: Point(box.minX + a.anchor.x * width, lineTop),
                             anchor: Point(a.anchor.x, 1), color: a.color, into: &list)
            }
            obstacles.append(padded)
        }

        // Legend.
        var legendBox: Rect?
        if !legendEntries.isEmpty, panel.legend != .none, !sharedLegend {
            let legend = Legend(entries: legendEntries, font: theme.font, measurer: painter.measurer)
            let box: Rect
            switch panel.legend {
            case .fixed(let location): box = legend.box(at: location, in: rect)
            default: box = legend.bestBox(in: rect, polylines: curves, obstacles: obstacles)
            }
            legend.draw(in: box, painter: painter, theme: theme, into: &list)
            legendBox = box
        }
        return .init(axes: rect, transform: transform, curves: curves, legend: legendBox, xTicks: xTicks, yTicks: yTicks)
    }
}

/// Marker shapes as paths.
enum Marker {
    /// A circle as a 16-gon (small markers need no more).
    static func circle(at c: Point, diameter: Double) -> Path {
        let r = diameter / 2
        var path = Path(polyline: (0..<16).map { k in
            let a = Double(k) * Double.pi / 8
            return Point(c.x + r * cos(a), c.y + r * sin(a))
        })
        path.elements.append(.close)
        return path
    }
}

extension Rect {
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
}

/// Arrows: a line and a filled head.
enum Arrow {
    /// From the edge of a box (where the line from its centre to the tip leaves it) to a point.
    static func draw(from box: Rect, to tip: Point, color: Color, theme: Theme, into list: inout DisplayList) {
        let center = Point(box.midX, box.midY)
        let dx = tip.x - center.x, dy = tip.y - center.y
        guard (dx * dx + dy * dy).squareRoot() > 1 else { return }
        let tx = dx != 0 ? (box.width / 2) / abs(dx) : .infinity
        let ty = dy != 0 ? (box.height / 2) / abs(dy) : .infinity
        let t = min(tx, ty, 1)
        draw(from: Point(center.x + dx * t, center.y + dy * t), to: tip, head: 0.72 * theme.fontSize,
             width: theme.frameWidth, color: color, into: &list)
    }

    /// From one point to another, with a head `head` points long.
    static func draw(from start: Point, to tip: Point, head: Double, width: Double, color: Color,
                     into list: inout DisplayList) {
        let dx = tip.x - start.x, dy = tip.y - start.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0.5 else { return }
        let (ux, uy) = (dx / length, dy / length)
        let head = min(head, 0.6 * length)
        let base = Point(tip.x - ux * head, tip.y - uy * head)
        list.append(.stroke(Path(polyline: [start, base]), StrokeStyle(color: color, width: width)))
        var triangle = Path(polyline: [tip, Point(base.x - uy * head * 0.4, base.y + ux * head * 0.4),
                                       Point(base.x + uy * head * 0.4, base.y - ux * head * 0.4)])
        triangle.elements.append(.close)
        list.append(.fill(triangle, color))
    }
}
