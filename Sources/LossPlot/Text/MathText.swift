/// A small math markup for labels, in the spirit of matplotlib's mathtext: TeX's notation, set
/// as boxes (see docs/math-text.md for the full list, and ``TextLayout`` for the typesetting).
///
/// Outside `$…$` text is taken literally (`\$` is a dollar sign). Inside:
/// - letters are italic variables; digits and punctuation are upright; `-` is the minus sign
///   U+2212; `=`, `<`, `>`, binary `+` and `−`, relations (`\leq`, `\sim`, `\to`) and binary
///   operators (`\cdot`, `\times`) get spaces;
/// - Greek (`\alpha`… lower case italic, `\Gamma`… upright) and symbols (`\partial`, `\nabla`,
///   `\infty`, `\ell`, `\sum`, `\int`, `\langle`, `\mid`, `\circ`, …);
/// - upright operator names with their spacing: `\log`, `\exp`, `\max`, `\min`, `\sup`, `\inf`,
///   `\arg`, `\lim`, … and `\operatorname{…}`; `\max_D`, `\sum_{i=1}^m` and `\lim` take their
///   scripts below and above, as matplotlib sets them;
/// - fonts: `\mathrm{…}`, `\mathit`, `\mathbf`, `\mathbb{E}` (𝔼, ℝ, ℕ), `\mathcal{N}`, `\text{…}`;
/// - `x_i`, `x_{ij}`, `e^{-\ell}`, `x_i^2` are sub- and superscripts at 0.7× size; they nest;
/// - `\frac{a}{b}` (and `\tfrac`, `\dfrac`, `\binom`), `\sqrt{x}`, `\sqrt[n]{x}`,
///   `\left( … \right)` with `( ) [ ] | \| \{ \} \langle \rangle \lfloor …` and `.`, `\big(`…
///   `\Bigg)`, accents (`\hat`, `\tilde`, `\bar`, `\dot`, `\vec`, …), `\overline{…}`, and
///   `\begin{cases} … & … \\ … \end{cases}`;
/// - spaces `\,` `\:` `\;` `\!` `\ ` `~` `\quad` `\qquad`;
/// - `{…}` groups. Groups nest up to ``maximumGroupDepth`` levels and scripts up to
///   ``maximumScriptDepth``. Deeper markup is flattened, not refused: a brace beyond the group
///   limit groups nothing (and the command it carries is dropped, its text kept), and a script
///   beyond the script limit is set at the deepest level.
///
/// ``parse(_:)`` and ``TextLayout`` accept any input and never fail: an unknown command is set as
/// its name. ``validate(_:subject:)`` throws for what they would not set as TeX does (an unknown
/// command, a `\left` without `\right`, nesting beyond the limits), naming it.
///
/// `$\partial L_G / \partial \ell$` renders as ∂L_G/∂ℓ with italic L, ℓ and a subscript G.
public enum MathText {
    /// A run of text in one style.
    public struct Span: Hashable, Sendable {
        /// The characters of the run, commands already replaced by their Unicode symbols.
        public var text: String
        /// Whether the run is set in the oblique face (variables).
        public var italic: Bool
        /// One entry per script level, outermost first: +1 for a superscript, −1 for a subscript
        /// (empty on the baseline; at most ``MathText/maximumScriptDepth`` entries).
        public var shift: [Int]

        /// The script level: 0 on the baseline, else the number of entries of `shift`.
        public var depth: Int { shift.count }
    }

    /// The most brace groups honoured inside one another (the group of a script or an accent
    /// counts, and so do `\left … \right` and `\begin{cases}`); 32 is far more than any label needs.
    public static let maximumGroupDepth = 32
    /// The most sub- and superscript levels honoured inside one another: at 0.7× per level, the
    /// eighth is 6% of the base size, already too small to read.
    public static let maximumScriptDepth = 8

    /// The text of `markup` as spans in reading order, adjacent spans of one style merged: the
    /// plain-text view of the boxes (a fraction reads "a/b", a radical "√x", an accent is a
    /// combining mark after the first character of its argument). Any input is safe: the parser
    /// keeps an explicit stack, and time and memory grow linearly with the length of `markup`.
    public static func parse(_ markup: String) -> [Span] { spans(of: read(markup).tree) }

    /// Throws if `markup` is not set as written: it nests more groups or scripts than are honoured
    /// (``parse(_:)`` would flatten them), uses a command or environment that is not supported,
    /// or is malformed. The message names `subject` ("unsupported TeX command \foo in the title").
    public static func validate(_ markup: String, subject: String = "the text") throws(Problem) {
        let result = read(markup)
        if result.deepestGroup > maximumGroupDepth { throw Problem(subject: subject, kind: .groups(result.deepestGroup)) }
        if result.deepestScript > maximumScriptDepth { throw Problem(subject: subject, kind: .scripts(result.deepestScript)) }
        if let problem = result.problem { throw Problem(subject: subject, kind: problem) }
    }

    /// The boxes of `markup`, the deepest group and script nesting it asks for, and its first problem.
    static func read(_ markup: String)
        -> (tree: MathTree, deepestGroup: Int, deepestScript: Int, problem: Problem.Kind?) {
        var parser = MathParser()
        var plain = ""
        let chars = Array(markup)
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == "$" {
                plain.append("$"); i += 2; continue
            }
            if chars[i] == "$", let close = chars[(i + 1)...].firstIndex(of: "$") {
                parser.appendLiteral(plain)
                plain = ""
                parser.appendMath(Array(chars[(i + 1)..<close]))
                i = close + 1
                continue
            }
            plain.append(chars[i])
            i += 1
        }
        parser.appendLiteral(plain)
        let (deepestGroup, deepestScript, problem) = (parser.deepestGroup, parser.deepestScript, parser.problem)
        return (parser.finish(), deepestGroup, deepestScript, problem)
    }

    /// The text without markup, for accessibility, messages and tests.
    public static func plainText(_ markup: String) -> String { parse(markup).map(\.text).joined() }

    /// Appends `span`, merged into the last one if they share a style.
    static func append(_ spans: inout [Span], _ span: Span) {
        guard !span.text.isEmpty else { return }
        if let last = spans.last, last.italic == span.italic, last.shift == span.shift {
            spans[spans.count - 1].text += span.text
        } else {
            spans.append(span)
        }
    }

    /// The plain-text view of `tree`, in reading order, walked with an explicit stack.
    static func spans(of tree: MathTree) -> [Span] {
        enum Task {
            case node(Int)
            case text(String, [Int])
            case accent(Character)
            case dropAccents
        }
        var spans: [Span] = []
        var marks: [Character] = []
        var stack: [Task] = [.node(tree.root)]
        func emit(_ text: String, italic: Bool, shift: [Int]) {
            var text = text
            if !marks.isEmpty, let first = text.first {
                text = String(first) + String(marks) + text.dropFirst()
                marks = []
            }
            append(&spans, Span(text: text, italic: italic, shift: shift))
        }
        /// A part of a fraction or radical in parentheses unless it is one character.
        func part(_ n: Int, _ shift: [Int]) -> [Task] {
            guard n >= 0 else { return [] }
            if case .text(let text) = tree.nodes[n].kind, text.count == 1 { return [.node(n)] }
            return [.text("(", shift), .node(n), .text(")", shift)]
        }
        while let task = stack.popLast() {
            switch task {
            case .text(let text, let shift):
                emit(text, italic: false, shift: shift)
            case .accent(let mark):
                marks.append(mark)
            case .dropAccents:
                marks = []
            case .node(let n):
                guard n >= 0 else { continue }
                let node = tree.nodes[n]
                var tasks: [Task] = []
                switch node.kind {
                case .text(let text):
                    emit(text, italic: node.italic, shift: node.shift)
                case .kern(let em):
                    emit(em >= 1 ? String(repeating: "\u{2003}", count: Int(em)) : em >= 0.25 ? " " : em > 0 ? "\u{2009}" : "",
                         italic: false, shift: node.shift)
                case .list:
                    tasks = node.children.map(Task.node)
                case .scripts:
                    tasks = node.children.map(Task.node)
                case .fraction(let rule):
                    tasks = part(node.children[0], node.shift) + [.text(rule ? "/" : " ", node.shift)]
                        + part(node.children[1], node.shift)
                case .radical:
                    tasks = [.text("√", node.shift)] + part(node.children[0], node.shift)
                case .delimited(let left, let right):
                    tasks = [.text(left, node.shift), .node(node.children[0]), .text(right, node.shift)]
                case .bigDelimiter(let delimiter, _):
                    emit(delimiter, italic: false, shift: node.shift)
                case .accent(let mark, _):
                    tasks = [.accent(mark), .node(node.children[0]), .dropAccents]
                case .overline:
                    tasks = [.accent("\u{0305}"), .node(node.children[0]), .dropAccents]
                case .table(let columns):
                    for (k, cell) in node.children.enumerated() {
                        if k > 0 { tasks.append(.text(k % columns == 0 ? "; " : ", ", node.shift)) }
                        tasks.append(.node(cell))
                    }
                }
                stack.append(contentsOf: tasks.reversed())
            }
        }
        return spans
    }
}
