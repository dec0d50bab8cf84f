/// A small math markup for labels, in the spirit of matplotlib's mathtext.
///
/// Outside `$…$` text is taken literally. Inside:
/// - letters are italic variables (the Oblique face); digits and punctuation are upright;
/// - `\sigma`, `\ell`, `\partial`, `\nabla`, `\theta`, … give the Unicode symbol (lower-case Greek
///   italic), `\log`, `\exp`, `\max`, `\min`, `\mathrm{…}` and `\text{…}` give upright text;
/// - `x_i`, `x_{ij}`, `e^{-\ell}` are sub- and superscripts at 0.7× size; they nest;
/// - `-` is the minus sign U+2212; `=`, `+`, `−` (binary), `\to`, `\leq`, `\approx` get spaces.
///
/// `$\partial L_G / \partial \ell$` renders as ∂L_G/∂ℓ with italic L, ℓ and a subscript G.
public enum MathText {
    /// A run of text in one style.
    public struct Span: Hashable, Sendable {
        public var text: String
        public var italic: Bool
        /// 0 on the baseline, +1 per superscript level, −1 per subscript level (nesting adds).
        public var shift: [Int]

        public var depth: Int { shift.count }
    }

    /// The spans of `markup`, adjacent spans of one style merged.
    public static func parse(_ markup: String) -> [Span] {
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
                for span in parser.parse(shift: []) { append(&spans, span) }
                i = close + 1
                continue
            }
            plain.append(chars[i])
            i += 1
        }
        chars = []
        flushPlain()
        return spans
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

/// A recursive-descent reader of the math between two `$`.
struct MathParser {
    var chars: [Character]
    var i = 0

    init(chars: [Character]) { self.chars = chars }

    mutating func parse(shift: [Int], until terminator: Character? = nil) -> [MathText.Span] {
        var spans: [MathText.Span] = []
        func add(_ text: String, italic: Bool) { MathText.append(&spans, .init(text: text, italic: italic, shift: shift)) }
        while i < chars.count {
            let c = chars[i]
            if let terminator, c == terminator { i += 1; break }
            switch c {
            case "{":
                i += 1
                for s in parse(shift: shift, until: "}") { MathText.append(&spans, s) }
            case "_", "^":
                i += 1
                let inner = shift + [c == "^" ? 1 : -1]
                for s in parseArgument(shift: inner) { MathText.append(&spans, s) }
            case "\\":
                let (name, symbol) = readCommand()
                if let accent = MathText.accents[name] {
                    // The argument, with the combining mark after its first character.
                    for var span in parseArgument(shift: shift) {
                        if let first = span.text.first {
                            span.text = String(first) + String(accent) + span.text.dropFirst()
                        }
                        MathText.append(&spans, span)
                    }
                } else if name == "mathrm" || name == "text" || name == "operatorname" {
                    if i < chars.count, chars[i] == "{" {
                        i += 1
                        var text = ""
                        while i < chars.count, chars[i] != "}" { text.append(chars[i]); i += 1 }
                        i += 1
                        add(text.replacing("-", with: "−"), italic: false)
                    }
                } else if let (text, italic) = symbol {
                    let isOperator = MathText.operatorNames.contains(name)
                    // "t log x": an operator name is set apart from a variable or number before it.
                    if isOperator, let last = spans.last?.text.last, last.isLetter || last.isNumber || last == ")" {
                        add("\u{2009}", italic: false)
                    }
                    add(text, italic: italic)
                    // Operator names are set apart from what follows, as in "log D", but not from "(".
                    if isOperator, i < chars.count,
                       !"(^_{".contains(chars[i]) { add("\u{2009}", italic: false) }
                } else {
                    add("\\" + name, italic: false)
                }
            case "-":
                i += 1
                add(isBinary(spans) ? " − " : "−", italic: false)
            case "+":
                i += 1
                add(isBinary(spans) ? " + " : "+", italic: false)
            case "=", "<", ">":
                i += 1
                add(" \(c) ", italic: false)
            case " ":
                i += 1
            case "'":
                i += 1
                add("′", italic: false)  // a prime, not an apostrophe
            default:
                i += 1
                add(String(c), italic: c.isLetter && c.isASCII)
            }
        }
        return spans
    }

    /// A binary operator follows an operand: anything but an opening bracket or another operator.
    func isBinary(_ spans: [MathText.Span]) -> Bool {
        guard let last = spans.last?.text.last else { return false }
        return !"([{=,−+ ".contains(last)
    }

    /// The argument of `_` or `^`: a braced group, a command, or one character.
    mutating func parseArgument(shift: [Int]) -> [MathText.Span] {
        while i < chars.count, chars[i] == " " { i += 1 }
        guard i < chars.count else { return [] }
        if chars[i] == "{" {
            i += 1
            return parse(shift: shift, until: "}")
        }
        var sub = MathParser(chars: [])
        if chars[i] == "\\" {
            let start = i
            _ = readCommand()
            sub.chars = Array(chars[start..<i])
        } else {
            sub.chars = [chars[i]]
            i += 1
        }
        return sub.parse(shift: shift)
    }

    /// Reads `\name` (letters) or `\c` (one symbol) and looks it up.
    mutating func readCommand() -> (String, (String, Bool)?) {
        i += 1
        var name = ""
        while i < chars.count, chars[i].isLetter { name.append(chars[i]); i += 1 }
        if name.isEmpty, i < chars.count { name = String(chars[i]); i += 1 }
        return (name, MathText.symbols[name])
    }
}
