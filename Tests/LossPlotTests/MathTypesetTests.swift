import Foundation
import LossPlot
import LossPlotCairo
import LossPlotTesting
import Testing

/// The boxes of math text: where fractions, radicals, delimiters, scripts and spaces put things,
/// measured with cairo (DejaVu Sans unless said).
@Suite("Math typesetting")
struct MathTypesetTests {
    static let font = Font(size: 10)
    /// A backend of the test's own: one is not shared between threads.
    static var backend: CairoBackend { CairoBackend() }

    static func layout(_ markup: String, font: Font = font, measurer: CairoBackend = backend) -> TextLayout {
        TextLayout(markup, font: font, measurer: measurer)
    }

    /// The run whose text is `text`.
    static func run(_ text: String, in layout: TextLayout) -> TextLayout.Run? { layout.runs.first { $0.text == text } }

    @Test("\\frac: numerator above the rule above the denominator, both at 0.7×, centred, the rule on the axis")
    func fraction() throws {
        let t = Self.layout(#"$\frac{1}{2}$"#)
        let num = try #require(Self.run("1", in: t)), den = try #require(Self.run("2", in: t))
        #expect(t.rules.count == 1 && t.shapes.isEmpty)
        let rule = try #require(t.rules.first)
        #expect(num.font.size == 7 && den.font.size == 7)
        #expect(num.rise - num.descent >= rule.rise + rule.height, "numerator clear of the rule")
        #expect(den.rise + den.ascent <= rule.rise, "denominator clear of the rule")
        #expect(abs(rule.rise + rule.height / 2 - 0.3135 * 10) < 0.01, "the rule sits on the minus sign's middle")
        #expect(abs((num.dx + num.width / 2) - (rule.dx + rule.width / 2)) < 1e-9)
        #expect(abs((den.dx + den.width / 2) - (rule.dx + rule.width / 2)) < 1e-9)
        #expect(rule.width >= max(num.width, den.width))
        #expect(t.ascent >= num.rise + num.ascent && t.descent >= den.descent - den.rise, "the layout holds both")
        #expect(MathText.plainText(#"$\frac{1}{2}$"#) == "1/2")
        #expect(MathText.plainText(#"$\frac{1}{1 + e^{-\ell}}$"#) == "1/(1+e−ℓ)")
    }

    @Test("\\dfrac keeps the size, \\tfrac12 reads one-character arguments, \\binom has no rule but parentheses")
    func fractionKinds() throws {
        #expect(Self.layout(#"$\dfrac{a}{b}$"#).runs.allSatisfy { $0.font.size == 10 })
        let t = Self.layout(#"$\tfrac12$"#)
        #expect(t.runs.map(\.text).sorted() == ["1", "2"] && t.runs.allSatisfy { $0.font.size == 7 })
        let binom = Self.layout(#"$\binom{n}{k}$"#)
        #expect(binom.rules.isEmpty)
        #expect(binom.shapes.count == 2, "parentheses as tall as the stack")
        let n = try #require(Self.run("n", in: binom)), k = try #require(Self.run("k", in: binom))
        #expect(n.rise > 0 && k.rise < 0)
    }

    @Test("\\sqrt: the bar covers the content, the sign reaches from below the baseline to the bar")
    func radical() throws {
        let t = Self.layout(#"$\sqrt{x + 1}$"#)
        let bar = try #require(t.rules.first), sign = try #require(t.shapes.first)
        #expect(t.rules.count == 1 && t.shapes.count == 1)
        let content = t.runs
        let left = content.map(\.dx).min()!, right = content.map { $0.dx + $0.width }.max()!
        #expect(bar.dx <= left && bar.dx + bar.width >= right, "the bar spans the content")
        #expect(bar.rise >= 0.547 * 10, "the bar is above the x-height")
        #expect(sign.points.map(\.dx).max()! <= left + 1e-9, "the sign is left of the content")
        #expect(sign.points.map(\.rise).min()! < 0)
        #expect(abs(sign.points.map(\.rise).max()! - (bar.rise + bar.height)) < 0.5, "the sign meets the bar")
        #expect(t.ascent >= bar.rise + bar.height)
        // A root's index: smaller, up and to the left.
        let root = Self.layout(#"$\sqrt[3]{x}$"#)
        let index = try #require(Self.run("3", in: root)), x = try #require(Self.run("x", in: root))
        #expect(index.font.size == 5 && index.rise > 0 && index.dx < x.dx)
        #expect(MathText.plainText(#"$\sqrt{x}$"#) == "√x" && MathText.plainText(#"$\sqrt{1+h}$"#) == "√(1 + h)")
    }

    @Test("\\left … \\right: delimiters as tall as the content, drawn when their glyph is too short")
    func delimiters() throws {
        let frac = #"\frac{\frac{a}{b}}{c}"#
        for (open, close, rules, shapes) in [("(", ")", 0, 2), ("[", "]", 6, 0), ("|", "|", 2, 0), (#"\|"#, #"\|"#, 4, 0),
                                             (#"\{"#, #"\}"#, 0, 2), (#"\langle"#, #"\rangle"#, 0, 2), (".", "|", 1, 0)] {
            let t = Self.layout(#"$\left\#(open) \#(frac) \right\#(close)$"#)
            let inner = Self.layout("$" + frac + "$")
            #expect(t.rules.count == rules + 2, "\(open): \(t.rules.count - 2) rules")  // + the two fraction rules
            #expect(t.shapes.count == shapes, "\(open): \(t.shapes.count) shapes")
            let tops = t.rules.dropFirst(0).map { $0.rise + $0.height } + t.shapes.flatMap { $0.points.map(\.rise) }
            let bottoms = t.rules.map(\.rise) + t.shapes.flatMap { $0.points.map(\.rise) }
            #expect(tops.max()! >= inner.runs.map { $0.rise + $0.ascent }.max()! - 0.5, "\(open) reaches the top")
            #expect(bottoms.min()! <= inner.runs.map { $0.rise - $0.descent }.min()! + 0.5, "\(open) reaches the bottom")
            #expect(t.ascent >= tops.max()! && t.descent >= -bottoms.min()!)
        }
        // Short content keeps the glyphs.
        let short = Self.layout(#"$\left( x \right)$"#)
        #expect(short.shapes.isEmpty && short.rules.isEmpty && short.runs.map(\.text).joined() == "(x)")
        #expect(MathText.plainText(#"$\left\langle x \right\rangle$"#) == "⟨x⟩")
        // \big and its kin: taller in turn, centred on the axis.
        let heights = ["big", "Big", "bigg", "Bigg"].map { name in
            let t = Self.layout("$\\\(name)( x \\\(name))$")
            let rises = t.shapes.flatMap { $0.points.map(\.rise) }
            return rises.max()! - rises.min()!
        }
        #expect(heights == heights.sorted() && abs(heights[3] - 30) < 0.5, "\(heights)")
    }

    @Test("scripts nest, shrinking 0.7× a level; a sub- and superscript pair stack, apart")
    func scripts() throws {
        let t = Self.layout("$x^{a^{b}}$")
        let x = try #require(Self.run("x", in: t)), a = try #require(Self.run("a", in: t)), b = try #require(Self.run("b", in: t))
        #expect(x.font.size == 10 && a.font.size == 7 && abs(b.font.size - 4.9) < 1e-9)
        #expect(b.rise > a.rise && a.rise > x.rise)
        let pair = Self.layout("$x_i^2$")
        let i = try #require(Self.run("i", in: pair)), two = try #require(Self.run("2", in: pair))
        #expect(i.dx == two.dx, "stacked, not side by side")
        #expect(two.rise - two.descent >= i.rise + i.ascent, "the superscript clear of the subscript")
        #expect(MathText.parse("$x_i^2$").map(\.shift) == [[], [-1], [1]])
    }

    @Test("operators are upright and spaced; \\max_D and \\sum take their scripts below and above")
    func operators() throws {
        let t = Self.layout(#"$t \log x + \exp(y) \operatorname{softplus}(z) \mathrm{KL} \text{ if } \arg\min$"#)
        for word in ["log", "exp", "softplus", "KL", " if ", "arg", "min"] {
            #expect(t.runs.contains { $0.text.contains(word) && !$0.font.italic }, "\(word) upright")
        }
        #expect(t.runs.filter(\.font.italic).map(\.text).joined() == "txyz")
        #expect(MathText.plainText(#"$t\log x$"#) == "t\u{2009}log\u{2009}x")
        let max = Self.layout(#"$\max_D V$"#)
        let name = try #require(Self.run("max", in: max)), d = try #require(Self.run("D", in: max))
        #expect(d.rise + d.ascent <= name.rise - name.descent, "D below max")
        #expect(abs((d.dx + d.width / 2) - (name.dx + name.width / 2)) < 1e-9, "centred")
        let sum = Self.layout(#"$\sum_{i=1}^m x_i$"#)
        let sigma = try #require(Self.run("∑", in: sum)), m = try #require(Self.run("m", in: sum))
        #expect(sigma.font.size == 14, "a display-size ∑")
        #expect(m.rise > sigma.rise + 0.5 * sigma.font.size)
        // \mathbb and \mathcal letters, \nabla and norms.
        let bb = Self.layout(#"$\mathbb{E}_{x\sim p}\mathbb{R}\mathbb N\mathbb{Z}\nabla\|x\|\lVert y\rVert\mathcal{N}$"#)
        #expect(bb.runs.contains { $0.text.hasPrefix("𝔼") && !$0.font.italic })
        #expect(bb.runs.contains { $0.text.contains("ℝℕℤ∇‖") })
        #expect(bb.runs.contains { $0.text == "𝒩" && $0.font.family == "DejaVu Math TeX Gyre" })
    }

    @Test("spacing commands: \\, 3/18 em, \\: 4/18, \\; 5/18, \\! −3/18, ~ and \\  1/3, \\quad 1 em, \\qquad 2 em")
    func spaces() {
        let plain = Self.layout("$ab$").width
        let spacings: [(String, Double)] = [(#"\,"#, 3.0 / 18), (#"\:"#, 4.0 / 18), (#"\;"#, 5.0 / 18), (#"\!"#, -3.0 / 18),
                                            ("~", 1.0 / 3), (#"\ "#, 1.0 / 3), (#"\quad"#, 1), (#"\qquad"#, 2)]
        for (command, em) in spacings {
            let width = Self.layout("$a\(command) b$").width
            #expect(abs(width - plain - 10 * em) < 1e-9, "\(command): \(width - plain)")
        }
        // Binary operators and relations: TeX's medium and thick spaces, none in scripts.
        let minus = Self.measure("−"), equals = Self.measure("=")
        #expect(abs(Self.layout("$a-b$").width - plain - minus - 2 * 10 * 4.0 / 18) < 1e-9)
        #expect(abs(Self.layout("$a=b$").width - plain - equals - 2 * 10 * 5.0 / 18) < 1e-9)
        #expect(MathText.plainText("$x_{a-b}$") == "xa−b")
        let script = Self.layout("$x_{a-b}$").runs.dropFirst()
        #expect(abs(script.map(\.width).reduce(0, +) - script.last!.dx - script.last!.width + script.first!.dx) < 1e-9)
        #expect(MathText.plainText("$a-b$") == "a − b")
    }

    static func measure(_ text: String) -> Double { backend.measure(text, font: font).width }

    @Test("accents sit over their letter, raised over a tall one, shifted with an italic's slant")
    func accents() throws {
        for markup in [#"$\hat x$"#, #"$\tilde{X}$"#, #"$\bar{\theta}$"#, #"$\dot\psi$"#, #"$\hat{\mathbb{E}}$"#] {
            let t = Self.layout(markup)
            let accent = try #require(t.runs.first { $0.width == 0 }, "\(markup)")
            let base = try #require(t.runs.first { $0.width > 0 })
            let centre = accent.dx + Self.backend.measure(accent.text, font: accent.font).width / 2
            #expect(centre > base.dx && centre < base.dx + base.width + 0.15 * 10, "\(markup) over its letter")
            #expect(t.ascent >= accent.rise + 0.8 * 10 - 0.01, "\(markup) has room")
        }
        let low = Self.layout(#"$\hat x$"#).runs.first { $0.width == 0 }!, high = Self.layout(#"$\hat X$"#).runs.first { $0.width == 0 }!
        #expect(high.rise > low.rise, "raised over a capital")
        let over = Self.layout(#"$\overline{xy}$"#)
        #expect(over.rules.count == 1 && over.rules[0].width == over.width)
    }

    @Test("\\begin{cases}: rows stacked, columns aligned, a brace as tall as the rows")
    func cases() throws {
        let t = Self.layout(#"$f = \begin{cases} a & x \ge 0 \\ bb & x < 0 \end{cases}$"#)
        let a = try #require(Self.run("a", in: t)), bb = try #require(Self.run("bb", in: t))
        #expect(a.dx == bb.dx && a.rise > bb.rise + 10)
        #expect(t.shapes.count == 1, "the brace")
        let brace = t.shapes[0].points.map(\.rise)
        #expect(brace.max()! >= a.rise + 5 && brace.min()! <= bb.rise)
        #expect(MathText.plainText(#"$\begin{cases} a & b \\ c & d \end{cases}$"#) == "{a, b; c, d")
    }

    @Test("Latin Modern Roman: what it lacks is drawn from Latin Modern Math, italics as math italic")
    func serifRouting() throws {
        let serif = Font(size: 10, family: "Latin Modern Roman")
        let t = Self.layout(#"$\alpha x + \nabla \mathbb{E} \leq 2\,\mathrm{KL}$"#, font: serif)
        #expect(t.runs.contains { $0.text.contains("𝛼") && $0.font.family == "Latin Modern Math" && !$0.font.italic })
        #expect(t.runs.contains { $0.text.contains("𝑥") && $0.font.family == "Latin Modern Math" })
        #expect(t.runs.contains { $0.text.contains("∇") && $0.font.family == "Latin Modern Math" })
        #expect(t.runs.contains { $0.text.contains("≤") && $0.font.family == "Latin Modern Math" })
        #expect(t.runs.contains { $0.text.contains("KL") && $0.font.family == "Latin Modern Roman" })
        #expect(t.runs.contains { $0.text.contains("2") && $0.font.family == "Latin Modern Roman" })
        // The list `--font serif` gives: Latin Modern's routing, the list for what Latin Modern Roman has.
        let list = "Latin Modern Roman, Latin Modern Math, DejaVu Serif, serif"
        let listed = Self.layout(#"$2\alpha x$"#, font: Font(size: 10, family: list))
        #expect(listed.runs.contains { $0.text == "2" && $0.font.family == list })
        #expect(listed.runs.contains { $0.text == "𝛼𝑥" && $0.font.family == "Latin Modern Math" })
        // Any other family: its own Latin, DejaVu Sans for the rest.
        let other = Self.layout(#"$\partial x$"#, font: Font(size: 10, family: "Liberation Serif"))
        #expect(other.runs.contains { $0.text == "∂" && $0.font.family == "DejaVu Sans" })
        #expect(other.runs.contains { $0.text == "x" && $0.font.family == "Liberation Serif" && $0.font.italic })
    }

    @Test("the runs of stacked boxes do not overlap: fractions, limits, script pairs, cases")
    func noOverlap() {
        for markup in [#"$\frac{\partial L_G}{\partial D} = -\frac{1}{(1 - D)^2}$"#, #"$\max_D \min_G \sum_{i=1}^{m} x_i^2$"#,
                       #"$\sup_{\|f\|_L \leq 1} \mathbb{E}_{x\sim P_r}[f(x)]$"#, #"$\begin{cases} 1 & x \\ 0 & y \end{cases}$"#,
                       #"$e^{-\frac{x^2}{2\sigma^2}}$"#] {
            for size in [9.0, 22] {
                var list = DisplayList(width: 400, height: 100)
                list.items = Self.layout(markup, font: Font(size: size)).displayItems(at: Point(10, 50))
                let overlaps = list.overlappingTexts(slack: 0.01)
                #expect(overlaps.isEmpty, "\(markup) at \(size) pt: \(overlaps.map { ($0.0.string, $0.1.string) })")
            }
        }
    }

    @Test("unknown commands: parse sets the name, validate names it with the subject")
    func unsupported() {
        #expect(MathText.plainText(#"$\foo x$"#) == #"\foox"#)
        #expect(Self.layout(#"$\foo$"#).runs.contains { $0.text == #"\foo"# })
        #expect(throws: MathText.Problem(subject: "the title", kind: .unsupportedCommand("foo"))) {
            try MathText.validate(#"$a + \foo{b}$"#, subject: "the title")
        }
        #expect(MathText.Problem(subject: "the title", kind: .unsupportedCommand("foo")).description
                == #"unsupported TeX command \foo in the title"#)
        let cases: [(String, String)] = [
            (#"$\begin{matrix} a \end{matrix}$"#, "unsupported TeX environment {matrix} in the x label; only {cases} is supported"),
            (#"$\left( x$"#, #"\left( without a matching \right in the x label"#),
            (#"$x \right)$"#, #"\right) without a matching \left in the x label"#),
            (#"$\frac{a}$"#, #"\frac without its argument in the x label"#),
            (#"$x^$"#, "^ without a superscript in the x label"),
            (#"$x^a^b$"#, "a double superscript in the x label"),
            (#"$a & b$"#, #"& outside \begin{cases} in the x label"#),
            (#"$\left\foo x \right)$"#, #"\left must be followed by a delimiter such as ( [ | \{ \langle or ., not \foo in the x label"#),
            ("$a}$", "a } without a matching { in the x label"),
            ("$\\$", #"unsupported TeX command \ in the x label"#),
        ]
        for (markup, message) in cases {
            do {
                try MathText.validate(markup, subject: "the x label")
                Issue.record("\(markup) validated")
            } catch {
                #expect(error.description == message)
                #expect(!error.description.contains("\n"))
            }
        }
        // Everything parse and layout accept stays accepted by both (they never fail).
        for (markup, _) in cases { _ = Self.layout(markup) }
    }

    @Test("the limits still hold with boxes: any nesting parses and lays out in linear time, without recursion")
    func limits() throws {
        let n = 20_000
        let deep = [
            "$" + String(repeating: #"\sqrt"#, count: n) + " x$",  // arguments without braces nest freely
            "$" + String(repeating: #"\frac{"#, count: n) + "a" + String(repeating: "}{b}", count: n) + "$",
            "$" + String(repeating: #"\left("#, count: n) + "x" + String(repeating: #"\right)"#, count: n) + "$",
            "$" + String(repeating: #"\hat"#, count: n) + " x$",
            "$" + String(repeating: "x_", count: n) + "y$",
            #"$\begin{cases}"# + String(repeating: #"a & b \\"#, count: n) + #"\end{cases}$"#,
            "$" + String(repeating: #"\frac"#, count: n) + "$",
        ]
        for markup in deep {
            let start = ContinuousClock.now
            let t = Self.layout(markup)
            let spans = MathText.parse(markup)
            let elapsed = ContinuousClock.now - start
            #expect(t.width.isFinite && t.ascent.isFinite && t.descent.isFinite)
            #expect(spans.allSatisfy { $0.shift.count <= MathText.maximumScriptDepth })
            #expect(elapsed < .seconds(10), "\(markup.prefix(20))…: \(elapsed)")
        }
        // Brace groups beyond the limit are flattened and reported, as before.
        let braces = "$" + String(repeating: #"\frac{"#, count: 40) + "a" + String(repeating: "}{b}", count: 40) + "$"
        #expect(throws: MathText.Problem(subject: "the text", kind: .groups(40))) { try MathText.validate(braces) }
    }

    @Test("a label is laid out in microseconds")
    func speed() {
        let markup = #"$\frac{\partial L_G}{\partial \ell} = -\sigma(-\ell)\,\left(1 - \mathbb{E}_{x\sim p}[D(x)]\right)^2$"#
        let backend = CairoBackend()
        _ = Self.layout(markup, measurer: backend)
        let count = 200
        let start = ContinuousClock.now
        for _ in 0..<count { _ = Self.layout(markup, measurer: backend) }
        let each = (ContinuousClock.now - start) / count
        print("MATHTEXT layout of a GAN formula: \(each)")
        #expect(each < .milliseconds(2), "\(each) per layout")
    }
}

/// What a figure does with math text: validates every string, draws rules in both directions.
@Suite("Math text in figures")
struct MathFigureTests {
    static func figure(title: String? = nil, x: String? = nil, y: String? = nil, legend: String? = nil,
                       annotation: String? = nil, panels: Int = 1) -> Figure {
        var marks: [Mark] = [.function(FunctionCurve(label: legend, domain: 0...1) { $0 * $0 })]
        if let annotation { marks.append(.annotation(Annotation(annotation, at: Point(0.3, 0.7)))) }
        let panel = Panel(x: Axis(label: x), y: Axis(label: y), marks: marks)
        return Figure(width: 6.4, height: 4.8, title: title, panels: Array(repeating: panel, count: panels))
    }

    @Test("render throws FigureError.markup naming the text and the command", arguments: [
        (figure(title: #"$\foo$"#), #"unsupported TeX command \foo in the title"#),
        (figure(x: #"$\alpha \bar$"#), #"\bar without its argument in the x label"#),
        (figure(y: #"$\mathbf{W}\hbox{x}$"#), #"unsupported TeX command \hbox in the y label"#),
        (figure(legend: #"$\xyz$"#, panels: 2), #"unsupported TeX command \xyz in a legend label of panel 1"#),
        (figure(annotation: "fine\n" + #"$\left( x$"#), #"\left( without a matching \right in an annotation"#),
    ])
    func validates(figure: Figure, message: String) {
        do {
            _ = try FigureRenderer(measurer: CairoBackend()).render(figure)
            Issue.record("drawn")
        } catch let error as FigureError {
            #expect(error.description == message)
            guard case .markup = error else { Issue.record("\(error)"); return }
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("fraction rules are drawn flat in an x label and upright in the rotated y label, inside the text's box")
    func rotatedRules() throws {
        let figure = Self.figure(title: #"$\sqrt{\frac{a}{b}}$"#, x: #"$\frac{\partial L}{\partial D}$"#,
                                 y: #"$\frac{\partial L}{\partial \ell}$"#, legend: #"$\left(\frac{1}{2}\right)^2$"#)
        let list = try FigureRenderer(measurer: CairoBackend()).render(figure)
        let fills: [[Point]] = list.items.compactMap { if case .fill(let path, _) = $0 { path.points } else { nil } }
        let rects = fills.map { points in
            (minX: points.map(\.x).min()!, maxX: points.map(\.x).max()!, minY: points.map(\.y).min()!, maxY: points.map(\.y).max()!)
        }
        let axesLeft = list.texts.filter { $0.angle == 0 }.map(\.bounds.minX).min()!
        // The y label's rule: thin across, long down the page, left of everything else.
        #expect(rects.contains { $0.maxX - $0.minX < 1 && $0.maxY - $0.minY > 3 && $0.maxX <= axesLeft + 1 })
        // The x label's rule: long across, thin down, below the plot.
        #expect(rects.contains { $0.maxX - $0.minX > 3 && $0.maxY - $0.minY < 1 && $0.minY > list.height / 2 })
        // The radical of the title and the legend's parentheses: polygons.
        #expect(fills.contains { $0.count > 8 && $0.map(\.y).max()! < list.height / 4 })
        // The y label's rule lies within the label's rotated runs.
        let yTexts = list.texts.filter { $0.angle != 0 }
        let rule = try #require(rects.first { $0.maxX - $0.minX < 1 && $0.maxY - $0.minY > 3 })
        #expect(yTexts.contains { $0.bounds.minY <= rule.maxY && $0.bounds.maxY >= rule.minY })
        #expect(list.overlappingTexts().isEmpty)
    }
}
