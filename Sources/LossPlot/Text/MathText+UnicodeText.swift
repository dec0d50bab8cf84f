extension MathText {
    /// The markup as one line of Unicode that keeps its scripts readable, for terminals and tables:
    /// `$e^{\ell}$` → "e^ℓ", `$(D-1)^2/2$` → "(D − 1)²/2", `$x_{i}^{2}$` → "xᵢ²",
    /// `$\ell_r - \ell$` → "ℓ_r − ℓ". A script whose characters all have Unicode super- or
    /// subscript forms is written in them; any other is written after `^` or `_`, in parentheses
    /// when it is longer than one character (`e^(−ℓ)`). Thin spaces become spaces.
    ///
    /// Where ``plainText(_:)`` drops the scripts' marks (it is for messages and accessibility, where
    /// "LG" reads well enough), this view is for formulas a reader must not misread.
    public static func unicodeText(_ markup: String) -> String {
        // Runs of one script position, whatever their face: e^{-\ell} is "−" upright and "ℓ" italic.
        var runs: [(text: String, shift: [Int])] = []
        for span in parse(markup) {
            if let last = runs.last, last.shift == span.shift {
                runs[runs.count - 1].text += span.text
            } else {
                runs.append((span.text, span.shift))
            }
        }
        return unicode(runs)
    }

    /// The runs as text, each script (a run of its position with the deeper runs inside it) in
    /// Unicode scripts where it is one level of mappable characters, else after `^` or `_`.
    /// Recursion is bounded by ``maximumScriptDepth``.
    private static func unicode(_ runs: [(text: String, shift: [Int])]) -> String {
        var out = ""
        var i = 0
        while i < runs.count {
            guard let outer = runs[i].shift.first else {
                out += runs[i].text.replacing("\u{2009}", with: " ")
                i += 1
                continue
            }
            var end = i + 1
            while end < runs.count, runs[end].shift.count > 1, runs[end].shift.first == outer { end += 1 }
            let inner = runs[i..<end].map { (text: $0.text, shift: Array($0.shift.dropFirst())) }
            let text = unicode(inner)
            if end == i + 1, runs[i].shift.count == 1, let mapped = mapped(text, outer > 0 ? superscripts : subscripts) {
                out += mapped
            } else {
                out += (outer > 0 ? "^" : "_") + (text.count == 1 ? text : "(\(text))")
            }
            i = end
        }
        return out
    }

    /// `text` in the characters of `table`, or nil if one of them has none.
    private static func mapped(_ text: String, _ table: [Character: Character]) -> String? {
        var result = ""
        for c in text {
            guard let m = table[c] else { return nil }
            result.append(m)
        }
        return result
    }

    /// The characters with a Unicode superscript form that formulas use.
    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ", "′": "′",
    ]

    /// The characters with a Unicode subscript form that formulas use.
    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "−": "₋", "=": "₌", "(": "₍", ")": "₎", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "m": "ₘ", "n": "ₙ",
    ]
}
