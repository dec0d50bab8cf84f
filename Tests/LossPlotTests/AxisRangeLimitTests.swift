import LossPlot
import LossPlotCairo
import Testing

@Suite("Axis ranges the transform cannot represent")
struct AxisRangeLimitTests {
    static func figure(x: Axis = Axis(), y: Axis) -> Figure {
        Figure(title: "Range", panels: [Panel(x: x, y: y, marks: [
            .function(FunctionCurve(label: "$f$") { $0 * $0 }),
        ])])
    }

    @Test("a range reaching the largest Double is refused, naming axis and range, with one that works")
    func nearOverflow() throws {
        let renderer = FigureRenderer(measurer: CairoBackend())
        let hi = Double.greatestFiniteMagnitude
        #expect(throws: FigureError.rangeNearOverflow(axis: "y", lo: 0, hi: hi)) {
            try renderer.render(Self.figure(y: Axis(range: 0...hi)))
        }
        let message = FigureError.rangeNearOverflow(axis: "y", lo: 0, hi: hi).description
        #expect(message.hasPrefix("the y range 0.0:1.7976931348623157e+308 comes too close"))
        #expect(message.hasSuffix("such as 0:8.1e+307"))
        // The suggestion is accepted, and draws with every number finite.
        let list = try renderer.render(Self.figure(y: Axis(range: 0...8.1e307)))
        #expect(list.firstNonFinite == nil)
        #expect(list.texts.contains { $0.string.contains("10") })  // the ×10³⁰⁷ multiplier
    }

    @Test("a range too narrow for its magnitude is refused with the width it needs", arguments: [
        (Scale.linear, 1.0, 1.000000000000001), (.linear, 1e300, 1.0000000000001e300), (.log, 1e300, 1.0000000001e300),
        (.logit, 0.5, 0.5000000000000001), (.linear, 0, 20 * Double.leastNonzeroMagnitude),
    ])
    func tooNarrow(scale: Scale, lo: Double, hi: Double) throws {
        let renderer = FigureRenderer(measurer: CairoBackend())
        do {
            _ = try renderer.render(Self.figure(x: Axis(scale: scale, range: lo...hi), y: Axis(range: 0...1)))
            Issue.record("\(scale) \(lo):\(hi) was drawn")
        } catch let FigureError.rangeTooNarrow(axis, rangeLo, rangeHi, width) {
            #expect(axis == "x" && rangeLo == lo && rangeHi == hi)
            #expect(width > hi - lo)
            // The width asked for is enough.
            if scale == .linear {
                _ = try renderer.render(Self.figure(x: Axis(scale: scale, range: lo...(lo + width)), y: Axis(range: 0...1)))
            }
        }
    }

    @Test("the ranges the CLI's fuzz test counts as valid still draw, every number finite", arguments: [
        (Scale.linear, -5.0, 5.0), (.linear, -1e300, 1e300), (.linear, 0, 1), (.linear, 1e-12, 1), (.log, 1e-300, 1e300),
        (.linear, 1e-300, 2e-300), (.logit, 0.999, 0.9999999), (.linear, 700, 800), (.linear, -800, -700),
        (.linear, -5.9e307, 5.9e307),
    ])
    func validRanges(scale: Scale, lo: Double, hi: Double) throws {
        let renderer = FigureRenderer(measurer: CairoBackend())
        for figure in [Self.figure(y: Axis(scale: scale, range: lo...hi)),
                       Self.figure(x: Axis(scale: scale, range: lo...hi), y: Axis(range: -1...1))] {
            let list = try renderer.render(figure)
            #expect(list.firstNonFinite == nil)
            _ = try CairoBackend().render(list, format: .png, dpi: 50)
        }
    }

    @Test("data reaching ±1.8e308 is shown up to ±5e307, and draws")
    func extremeData() throws {
        let line = DataLine(label: nil, x: [0, 1, 2], y: [-Double.greatestFiniteMagnitude, 0, 1.7e308])
        let list = try FigureRenderer(measurer: CairoBackend()).render(Figure(panels: [Panel(marks: [.line(line)])]))
        #expect(list.firstNonFinite == nil)
        _ = try CairoBackend().render(list, format: .png, dpi: 50)
    }
}
