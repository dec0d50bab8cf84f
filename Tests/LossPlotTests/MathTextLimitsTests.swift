import LossPlot
import Testing

@Suite("Math markup nested too deep")
struct MathTextLimitsTests {
    /// `depth` superscripts inside one another: x^{x^{…^{y}}}.
    static func scripts(_ depth: Int, closed: Bool = true) -> String {
        "$" + String(repeating: "x^{", count: depth) + "y" + (closed ? String(repeating: "}", count: depth) : "") + "$"
    }

    @Test("scripts beyond the limit are set at the deepest level: shifts stay short, the text stays whole")
    func scriptsFlattened() {
        let spans = MathText.parse(Self.scripts(12))
        #expect(spans.map(\.text).joined() == String(repeating: "x", count: 12) + "y")
        #expect(spans.map(\.depth).max() == MathText.maximumScriptDepth)
        #expect(spans.last?.shift == Array(repeating: 1, count: MathText.maximumScriptDepth))
    }

    @Test("5000 nested scripts: memory linear in the input (no span carries more than 8 shifts)")
    func deepScriptsLinear() {
        let spans = MathText.parse(Self.scripts(5000))
        #expect(spans.map(\.text).joined().count == 5001)
        // Before: one span per level, the last carrying 5000 shifts (12.5 million in all).
        #expect(spans.map(\.shift.count).reduce(0, +) <= MathText.maximumScriptDepth * spans.count)
        #expect(spans.count <= MathText.maximumScriptDepth + 1)
    }

    @Test("100 000 unclosed braces parse without recursion, to the text inside")
    func deepBraces() {
        let markup = "$" + String(repeating: "{", count: 100_000) + "x-y$"
        #expect(MathText.plainText(markup) == "x − y")
    }

    @Test("a brace group beyond the limit groups nothing; the groups within it still nest")
    func bracesFlattened() {
        let depth = MathText.maximumGroupDepth + 8
        let markup = "$" + String(repeating: "{", count: depth) + "a_b" + String(repeating: "}", count: depth) + "c$"
        let spans = MathText.parse(markup)
        #expect(spans.map(\.text).joined() == "abc")
        #expect(spans.first { $0.text == "b" }?.shift == [-1])
        #expect(spans.last?.shift == [])
    }

    @Test("validate names the subject and the depth, with the limit")
    func validate() throws {
        let braces = "$" + String(repeating: "{", count: 27_000) + "x$"
        #expect(throws: MathText.Problem(subject: "the title", kind: .groups(27_000))) {
            try MathText.validate(braces, subject: "the title")
        }
        let message = MathText.Problem(subject: "the title", kind: .groups(27_000)).description
        #expect(message == "the title nests 27000 brace groups; at most 32 are supported, so remove the extra braces")
        #expect(throws: MathText.Problem(subject: "the text", kind: .scripts(9))) { try MathText.validate(Self.scripts(9)) }
        try MathText.validate(Self.scripts(MathText.maximumScriptDepth))
        try MathText.validate(#"$\partial L_G / \partial \ell$ and $e^{-\ell}$ cost \$5"#)
        try MathText.validate("{{{{ literal braces outside math }}}}")
    }
}
