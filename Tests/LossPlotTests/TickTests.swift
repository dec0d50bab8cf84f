import Foundation
import LossPlot
import Testing

/// One row of matplotlib's own output (tools/make_tick_table.py).
struct MatplotlibTickCase: Decodable, CustomTestStringConvertible {
    var lo: Double
    var hi: Double
    var nbins: Int
    var ticks: [Double]
    var labels: [String]
    var order_of_magnitude: Int
    var offset: Double

    var testDescription: String { "[\(lo), \(hi)] in at most \(nbins) intervals" }

    static let all: [MatplotlibTickCase] = {
        struct Table: Decodable { var cases: [MatplotlibTickCase] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Resources/matplotlib-ticks.json")
        guard let data = try? Data(contentsOf: url), let table = try? JSONDecoder().decode(Table.self, from: data) else {
            return []
        }
        return table.cases
    }()
}

@Suite("Ticks and labels as matplotlib makes them")
struct TickTests {
    @Test("the table of matplotlib's ticks is there")
    func tableLoaded() {
        #expect(MatplotlibTickCase.all.count >= 200)
    }

    @Test("linear ticks, labels, offset and order of magnitude match matplotlib", arguments: MatplotlibTickCase.all)
    func matchesMatplotlib(c: MatplotlibTickCase) {
        let major = LinearTickLocator(maxIntervals: c.nbins).ticks(lo: c.lo, hi: c.hi)
        #expect(major.count == c.ticks.count, "ticks \(major) vs matplotlib \(c.ticks)")
        for (a, b) in zip(major, c.ticks) {
            #expect(abs(a - b) <= 1e-9 * max(abs(c.hi - c.lo), abs(b)), "tick \(a) vs \(b)")
        }
        let ticks = ScalarTickFormatter.format(major, viewLo: c.lo, viewHi: c.hi)
        #expect(ticks.labels == c.labels)
        #expect(ticks.orderOfMagnitude == c.order_of_magnitude)
        #expect(ticks.offset == c.offset)
    }

    @Test("negative labels use U+2212, never the hyphen")
    func unicodeMinus() {
        let ticks = AxisTicks.make(scale: .linear, lo: -1.05, hi: 0.05, maxIntervals: 9)
        #expect(ticks.labels.contains("−1.0"))
        #expect(!ticks.labels.joined().contains("-"))
    }

    @Test("scientific notation beyond 1e−5 … 1e6 shows a shared ×10ⁿ")
    func scientific() {
        let small = AxisTicks.make(scale: .linear, lo: 1e-7, hi: 5e-7, maxIntervals: 5)
        #expect(small.offsetText == "$\\times10^{−7}$")
        let large = AxisTicks.make(scale: .linear, lo: 0, hi: 3e7, maxIntervals: 5)
        #expect(large.orderOfMagnitude == 7)
    }

    @Test("log axes tick at powers of ten, thinned over many decades, with minor ticks when not thinned")
    func logTicks() {
        let few = LogTicks.make(lo: 1e-3, hi: 10, maxTicks: 10)
        #expect(few.major == [1e-3, 1e-2, 1e-1, 1, 10])
        #expect(few.labels == ["$10^{−3}$", "$10^{−2}$", "$10^{−1}$", "$10^{0}$", "$10^{1}$"])
        #expect(few.minor.contains(2e-3) && few.minor.contains(9))
        let many = LogTicks.make(lo: 1e-13, hi: 2, maxTicks: 8)
        #expect(many.major.count <= 8 && many.major.count >= 4)
        #expect(many.major.contains(1))
    }

    @Test("logit axes tick at 0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999")
    func logitTicks() {
        let t = LogitTicks.make(lo: 0.0005, hi: 0.9995, maxTicks: 10)
        let expected: [Double] = [0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999]
        #expect(t.major.count == expected.count)
        for (a, b) in zip(t.major, expected) { #expect(abs(a - b) < 1e-15) }
        #expect(t.labels == ["0.001", "0.01", "0.1", "0.5", "0.9", "0.99", "0.999"])
        let deep = LogitTicks.make(lo: 1e-12, hi: 0.5, maxTicks: 8)
        #expect(deep.labels.contains("$10^{−12}$") || deep.labels.contains("$10^{−6}$"))
        #expect(deep.major.count <= 8)
    }

    @Test("scales round-trip", arguments: Scale.allCases)
    func scales(scale: Scale) {
        for v in [1e-9, 0.001, 0.3, 0.5, 0.77, 0.999] {
            #expect(abs(scale.inverse(scale.forward(v)) - v) <= 1e-12 * max(v, 1e-3))
        }
        // Linear and symlog take every real number; log and logit not −1.
        #expect(scale.forward(scale == .linear || scale == .symlog ? .nan : -1).isNaN)
    }
}
