/// A small math markup for labels, in the spirit of matplotlib's mathtext.
///
/// Outside `$…$` text is taken literally. Inside:
/// - letters are italic variables (the Oblique face); digits and punctuation are upright;
/// - `\sigma`, `\ell`, `\partial`, `\nabla`, `\theta`, … give the Unicode symbol (lower-case Greek
///   italic), `\log`, `\exp`, `\max`, `\min`, `\mathrm{…}` and `\text{…}` give upright text;
/// - `x_i`, `x_{ij}`, `e^{-\ell}` are sub- and superscripts at 0.7× size; they nest;
/// - `{…}` groups; groups and scripts nest up to ``maximumGroupDepth`` and ``maximumScriptDepth``
///   levels. Deeper markup is flattened, not refused: a brace beyond the group limit groups
///   nothing (and the script or accent it carries is dropped, its text kept), and a script beyond
///   the script limit is set at the deepest level. ``validate(_:subject:)`` rejects such markup up
///   front for callers that prefer to tell the user;
/// - `-` is the minus sign U+2212; `=`, `+`, `−` (binary), `\to`, `\leq`, `\approx` get spaces.
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
    /// counts); 32 is far more than any label needs.
    public static let maximumGroupDepth = 32
    /// The most sub- and superscript levels honoured inside one another: at 0.7× per level, the
    /// eighth is 6% of the base size, already too small to read.
    public static let maximumScriptDepth = 8

    /// The spans of `markup`, adjacent spans of one style merged. Any input is safe: the parser
    /// keeps an explicit stack of at most ``maximumGroupDepth`` open groups, and time and memory
    /// grow linearly with the length of `markup`.
    public static func parse(_ markup: String) -> [Span] { read(markup).spans }

    /// Throws if `markup` nests more groups or scripts than are honoured (``parse(_:)`` would
    /// flatten them), naming it as `subject` in the message ("the title nests 27000 brace groups;
    /// at most 32 are supported, so remove the extra braces").
    public static func validate(_ markup: String, subject: String = "the text") throws(Problem) {
        let result = read(markup)
        if result.deepestGroup > maximumGroupDepth { throw Problem(subject: subject, kind: .groups(result.deepestGroup)) }
        if result.deepestScript > maximumScriptDepth { throw Problem(subject: subject, kind: .scripts(result.deepestScript)) }
    }

    /// The spans, and the deepest group and script nesting the markup asks for.
    static func read(_ markup: String) -> (spans: [Span], deepestGroup: Int, deepestScript: Int) {
        var deepestGroup = 0, deepestScript = 0
        var spans: [Span] = []
        var plain = ""
        var chars = Array(markup)
        var i = 0
        func flushPlain() {
            if !plain.isEmpty { append(&spans, Span(text: plain, italic: false, shift: [])); plain = "" }
        }
        while i < chars.count {
            if chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == "$" {
                plain.append("$"); i += 2; continue
            }
            if chars[i] == "$", let close = chars[(i + 1)...].firstIndex(of: "$") {
                flushPlain()
                var parser = MathParser(chars: Array(chars[(i + 1)..<close]))
                for span in parser.parse() { append(&spans, span) }
                deepestGroup = max(deepestGroup, parser.deepestGroup)
                deepestScript = max(deepestScript, parser.deepestScript)
                i = close + 1
                continue
            }
            plain.append(chars[i])
            i += 1
        }
        chars = []
        flushPlain()
        return (spans, deepestGroup, deepestScript)
    }

    /// The text without markup, for accessibility and for tests.
    public static func plainText(_ markup: String) -> String { parse(markup).map(\.text).joined() }

    /// Commands set upright and apart from a variable before or after them, as in "t log x".
    static let operatorNames: Set<String> = ["log", "exp", "max", "min", "sin", "cos", "tan", "sign"]

    /// Accents, as Unicode combining marks placed after the accented character: \hat{x} is x̂.
    static let accents: [String: Character] = ["hat": "\u{0302}", "tilde": "\u{0303}", "bar": "\u{0304}", "dot": "\u{0307}"]

    static func append(_ spans: inout [Span], _ span: Span) {
        guard !span.text.isEmpty else { return }
        if let last = spans.last, last.italic == span.italic, last.shift == span.shift {
            spans[spans.count - 1].text += span.text
        } else {
            spans.append(span)
        }
    }

    static let symbols: [String: (String, Bool)] = [
        "alpha": ("α", true), "beta": ("β", true), "gamma": ("γ", true), "delta": ("δ", true),
        "epsilon": ("ε", true), "varepsilon": ("ε", true), "eta": ("η", true), "theta": ("θ", true),
        "kappa": ("κ", true), "lambda": ("λ", true), "mu": ("μ", true), "nu": ("ν", true), "xi": ("ξ", true),
        "pi": ("π", true), "rho": ("ρ", true), "sigma": ("σ", true), "tau": ("τ", true), "phi": ("φ", true),
        "chi": ("χ", true), "psi": ("ψ", true), "omega": ("ω", true), "ell": ("ℓ", true),
        "Gamma": ("Γ", false), "Delta": ("Δ", false), "Theta": ("Θ", false), "Lambda": ("Λ", false),
        "Sigma": ("Σ", false), "Phi": ("Φ", false), "Psi": ("Ψ", false), "Omega": ("Ω", false),
        "partial": ("∂", false), "nabla": ("∇", false), "infty": ("∞", false), "cdot": ("·", false),
        "times": ("×", false), "pm": ("±", false), "approx": (" ≈ ", false), "leq": (" ≤ ", false),
        "le": (" ≤ ", false), "geq": (" ≥ ", false), "ge": (" ≥ ", false),
        "to": (" → ", false), "rightarrow": (" → ", false), "in": (" ∈ ", false), "sim": (" ∼ ", false),
        "log": ("log", false), "exp": ("exp", false), "max": ("max", false), "min": ("min", false),
        "sin": ("sin", false), "cos": ("cos", false), "tan": ("tan", false), "sign": ("sign", false),
        "neq": (" ≠ ", false), "ne": (" ≠ ", false),
        "sqrt": ("√", false), ",": ("\u{2009}", false), " ": (" ", false), ";": (" ", false),
        "|": ("‖", false), "{": ("{", false), "}": ("}", false),
    ]
}
