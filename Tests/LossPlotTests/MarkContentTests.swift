import Foundation
@testable import LossPlot
import LossPlotCairo
import Testing

/// Every kind of mark answers the renderer's questions (``MarkContent``): its data extent, its
/// legend entry, and a drawing.
@Suite("Marks: one type per kind, each extent, legend entry and drawing")
struct MarkContentTests {
    /// The kind of a mark. Exhaustive: a new case of `Mark` stops this from compiling until it has
    /// a sample below.
    static func kind(_ mark: Mark) -> String {
        switch mark {
        case .function: "function"
        case .line: "line"
        case .verticalSpan: "verticalSpan"
        case .horizontalLine: "horizontalLine"
        case .verticalLine: "verticalLine"
        case .annotation: "annotation"
        case .histogram: "histogram"
        case .scatter: "scatter"
        case .segments: "segments"
        case .area: "area"
        case .polygon: "polygon"
        case .arrows: "arrows"
        }
    }

    /// One labelled sample of every kind, inside the view 0…4 × 0…4, with whether it reports an
    /// x and a y extent.
    static let samples: [(mark: Mark, x: Bool, y: Bool)] = [
        (.function(FunctionCurve(label: "f", domain: 0...4) { $0 / 2 }), true, true),
        (.line(DataLine(label: "line", x: [0, 1, 2], y: [1, 2, 1])), true, true),
        (.verticalSpan(VerticalSpan(from: 1, to: 2, label: "span")), false, false),
        (.horizontalLine(ReferenceLine(at: 1)), false, true),
        (.verticalLine(ReferenceLine(at: 1)), true, false),
        (.annotation(Annotation("note", at: Point(0.5, 0.5), arrowTo: Point(1, 1))), false, false),
        (.histogram(Histogram(label: "bars", edges: [0, 1, 2], heights: [1, 2])), true, true),
        (.scatter(Scatter(label: "dots", x: [1, 2], y: [2, 1])), true, true),
        (.segments(SegmentSet(label: "segments", segments: [(Point(0, 0), Point(2, 3))])), true, true),
        (.area(FilledArea(label: "area", domain: 1...3) { $0 }), true, true),
        (.polygon(DataPolygon(label: "polygon", points: [Point(1, 1), Point(2, 1), Point(1, 2)], color: .black)), true, true),
        (.arrows(ArrowSet(label: "arrows", points: [Point(1, 1)], vectors: [Point(1, 0)])), true, true),
    ]

    @Test("the samples cover every case of Mark")
    func coverage() {
        #expect(Set(Self.samples.map { Self.kind($0.mark) }).count == 12)
    }

    @Test("each mark reports its data extent, as documented", arguments: Self.samples.indices)
    func extent(index: Int) {
        let (mark, x, y) = Self.samples[index]
        let content = mark.content
        #expect(!content.xExtent().isEmpty == x, "\(Self.kind(mark)) x")
        #expect(!content.yExtent(xView: 0...4, xScale: .linear).isEmpty == y, "\(Self.kind(mark)) y")
    }

    @Test("each mark draws something of its own", arguments: Self.samples.indices)
    func draws(index: Int) throws {
        func items(_ marks: [Mark]) throws -> Int {
            let panel = Panel(x: Axis(range: 0...4), y: Axis(range: 0...4), marks: marks, legend: .none)
            return try FigureRenderer(measurer: CairoBackend()).render(Figure(panels: [panel])).items.count
        }
        #expect(try items([Self.samples[index].mark]) > items([]), "\(Self.kind(Self.samples[index].mark))")
    }

    @Test("labelled marks have a legend entry, but for arrows; unlabelled kinds have none")
    func legend() throws {
        let panel = Panel(x: Axis(range: 0...4), y: Axis(range: 0...4), marks: Self.samples.map(\.mark))
        let plan = try PanelPlan(panel: panel, theme: .paper)
        #expect(plan.legendEntries().map(\.label)
                == ["f", "line", "span", "bars", "dots", "segments", "area", "polygon"])
    }

    @Test("series take the theme's cycle in mark order; other marks take no style")
    func seriesStyles() throws {
        let panel = Panel(marks: Self.samples.map(\.mark))
        let plan = try PanelPlan(panel: panel, theme: .paper)
        let series = ["function", "line", "histogram", "scatter", "area"]
        #expect(zip(Self.samples, plan.styles).filter { $1 != nil }.map { Self.kind($0.0.mark) } == series)
        let colors = plan.styles.compactMap { $0?.color }
        #expect(colors == Array(Theme.paper.palette.prefix(series.count)))
    }
}
