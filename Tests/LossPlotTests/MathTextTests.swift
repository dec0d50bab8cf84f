import LossPlot
import LossPlotCairo
import Testing

@Suite("Math markup")
struct MathTextTests {
    @Test("variables are italic, operators upright, subscripts shifted")
    func partialDerivative() {
        let spans = MathText.parse(#"$\partial L_G / \partial \ell$"#)
        #expect(MathText.plainText(#"$\partial L_G / \partial \ell$"#) == "∂LG/∂ℓ")
        #expect(spans.contains { $0.text == "L" && $0.italic && $0.shift.isEmpty })
        #expect(spans.contains { $0.text == "G" && $0.italic && $0.shift == [-1] })
        #expect(spans.contains { $0.text == "ℓ" && $0.italic })
        #expect(spans.contains { $0.text.hasPrefix("∂") && !$0.italic })
    }

    @Test("D(G(z)): letters italic, parentheses upright")
    func dOfGOfZ() {
        let spans = MathText.parse("$D(G(z))$")
        #expect(spans.map(\.text).joined() == "D(G(z))")
        #expect(spans.filter(\.italic).map(\.text).joined() == "DGz")
    }

    @Test("−log D: a real minus sign, an upright log, a thin space")
    func minusLog() {
        #expect(MathText.plainText(#"$-\log D$"#) == "−log\u{2009}D")
        #expect(MathText.plainText("$a-b$") == "a − b")
        #expect(MathText.plainText("$e^{-\\ell}$") == "e−ℓ")
        #expect(MathText.parse("$e^{-\\ell}$").last?.shift == [1])
    }

    @Test("Unicode text keeps the scripts: superscript digits, ^ and _ for the rest")
    func unicodeText() {
        #expect(MathText.unicodeText("$(D-1)^2/2$") == "(D − 1)²/2")
        #expect(MathText.unicodeText(#"$-e^{\ell}/2$"#) == "−e^ℓ/2")
        #expect(MathText.unicodeText(#"$e^{-\ell}$"#) == "e^(−ℓ)")
        #expect(MathText.unicodeText(#"$\ell_r-\ell$"#) == "ℓ_r − ℓ")
        #expect(MathText.unicodeText("$x_{i}^{2}$") == "xᵢ²")
        #expect(MathText.unicodeText(#"$-\log D$"#) == "−log D")
        #expect(MathText.unicodeText("$x^{2^{n}}$") == "x^(2ⁿ)")
        #expect(MathText.unicodeText("$x^{2^{ab}}$") == "x^(2^(ab))")
    }

    @Test("text outside $…$ is literal; \\$ is a dollar")
    func literal() {
        #expect(MathText.plainText(#"cost \$5 for $x$"#) == "cost $5 for x")
        #expect(MathText.parse("plain -1").first?.italic == false)
        #expect(MathText.plainText("plain -1") == "plain -1")
    }

    @Test("an apostrophe in math is a prime")
    func prime() {
        #expect(MathText.plainText("$\\sigma'(x)$") == "σ′(x)")
    }

    @Test("nested scripts shrink twice")
    func nested() {
        let spans = MathText.parse("$x^{a_{b}}$")
        #expect(spans.last?.shift == [1, -1])
    }
}

@Suite("Accents")
struct AccentTests {
    @Test("\\hat and \\tilde put an accent over their argument")
    func accents() {
        #expect(MathText.plainText(#"$\hat{x}$"#) == "x\u{0302}")
        #expect(MathText.plainText(#"$\tilde x$"#) == "x\u{0303}")
        let layout = TextLayout(#"$\hat x = \epsilon x$"#, font: Font(size: 10), measurer: CairoBackend())
        #expect(layout.runs.contains { $0.text == "ˆ" && $0.width == 0 }, "\(layout.runs.map(\.text))")
        #expect(layout.runs.contains { $0.text == "x" })
    }
}
