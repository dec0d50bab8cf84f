/// What the math parser knows of each command: the symbols it sets, the operator names, the
/// accents, the spaces and the delimiters. A command in none of these tables is unsupported:
/// ``MathText/validate(_:subject:)`` names it, and ``MathText/parse(_:)`` sets its name as text.
enum MathSymbols {
    /// How a symbol takes part in the formula.
    enum Role: Equatable {
        /// A letter-like symbol, italic or upright: ∂, ∇, ∞, α.
        case ordinary
        /// A relation, set with a space on each side: ≤, ∼, →.
        case relation
        /// A binary operator, spaced after an operand and unspaced as a sign: ×, ±, ⋅.
        case binary
        /// A large operator; `limits` puts its scripts above and below, as matplotlib does for ∑.
        case largeOperator(limits: Bool)
        /// An opening delimiter: a minus after it is a sign.
        case opening
        /// A closing delimiter.
        case closing
    }

    /// A symbol command: its character(s), whether it is italic, and its role.
    struct Symbol {
        var text: String
        var italic: Bool
        var role: Role
    }

    static let symbols: [String: Symbol] = {
        var table: [String: Symbol] = [:]
        func add(_ role: Role, italic: Bool = false, _ pairs: KeyValuePairs<String, String>) {
            for (name, text) in pairs { table[name] = Symbol(text: text, italic: italic, role: role) }
        }
        // Lower-case Greek is italic (as in TeX and matplotlib), upper-case upright.
        add(.ordinary, italic: true, [
            "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
            "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
            "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ",
            "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
            "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "ell": "ℓ",
        ])
        add(.ordinary, [
            "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
            "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
            "partial": "∂", "nabla": "∇", "infty": "∞", "hbar": "ℏ", "emptyset": "∅", "varnothing": "∅",
            "forall": "∀", "exists": "∃", "neg": "¬", "lnot": "¬", "prime": "′", "dagger": "†",
            "top": "⊤", "bot": "⊥", "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ", "wp": "℘",
            "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
            "%": "%", "#": "#", "&": "&", "_": "_", "$": "$", "backslash": "\\",
        ])
        add(.relation, [
            "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
            "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝", "cong": "≅", "doteq": "≐",
            "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃",
            "supseteq": "⊇", "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←",
            "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "leftrightarrow": "↔",
            "implies": "⇒", "iff": "⇔", "mapsto": "↦", "longrightarrow": "⟶", "uparrow": "↑",
            "downarrow": "↓", "mid": "∣", "parallel": "∥", "perp": "⊥", "ll": "≪", "gg": "≫",
            "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰",
        ])
        add(.binary, [
            "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "circ": "∘", "ast": "∗",
            "star": "⋆", "bullet": "∙", "cup": "∪", "cap": "∩", "setminus": "∖", "oplus": "⊕",
            "otimes": "⊗", "odot": "⊙", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨",
        ])
        add(.largeOperator(limits: true), [
            "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂",
        ])
        add(.largeOperator(limits: false), ["int": "∫", "oint": "∮", "iint": "∬"])
        add(.opening, [
            "langle": "⟨", "lbrace": "{", "{": "{", "lvert": "|", "lVert": "‖", "lfloor": "⌊", "lceil": "⌈",
        ])
        add(.closing, [
            "rangle": "⟩", "rbrace": "}", "}": "}", "rvert": "|", "rVert": "‖", "rfloor": "⌋", "rceil": "⌉",
        ])
        // |, \vert, \| and \Vert are set as ordinary symbols (a norm opens and closes with the same one).
        add(.ordinary, ["|": "‖", "Vert": "‖", "vert": "|"])
        return table
    }()

    /// Operator names set upright and apart from the variables around them, as in "t log x";
    /// `true` for those whose scripts go above and below (as matplotlib sets \max_D).
    static let operatorNames: [String: Bool] = [
        "log": false, "exp": false, "ln": false, "lg": false, "sin": false, "cos": false, "tan": false,
        "sinh": false, "cosh": false, "tanh": false, "arg": false, "det": false, "dim": false, "ker": false,
        "sign": false, "deg": false, "gcd": false,
        "max": true, "min": true, "sup": true, "inf": true, "lim": true, "liminf": true, "limsup": true,
        "Pr": true,
    ]

    /// The printed form of the operator names that differ from their command: "lim inf".
    static let operatorText: [String: String] = ["liminf": "lim inf", "limsup": "lim sup"]

    /// Accents: the combining mark of the plain-text form, and the spacing character drawn over
    /// the argument.
    static let accents: [String: (combining: Character, spacing: String)] = [
        "hat": ("\u{0302}", "ˆ"), "widehat": ("\u{0302}", "ˆ"), "tilde": ("\u{0303}", "˜"),
        "widetilde": ("\u{0303}", "˜"), "bar": ("\u{0304}", "¯"), "dot": ("\u{0307}", "˙"),
        "ddot": ("\u{0308}", "¨"), "check": ("\u{030C}", "ˇ"), "breve": ("\u{0306}", "˘"),
        "acute": ("\u{0301}", "´"), "grave": ("\u{0300}", "`"), "vec": ("\u{20D7}", "→"),
    ]

    /// Spaces, in em of the current size (TeX's widths: \, is 3/18 em, \quad 1 em).
    static let spaces: [String: Double] = [
        ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, "medspace": 4.0 / 18,
        ";": 5.0 / 18, "thickspace": 5.0 / 18, "!": -3.0 / 18, "negthinspace": -3.0 / 18,
        " ": 1.0 / 3, "enspace": 0.5, "quad": 1, "qquad": 2,
    ]

    /// The width of `~`, a space that does not break: TeX's interword space.
    static let tieWidth = 1.0 / 3

    /// The thin space an operator name keeps from a variable next to it, in em.
    static let operatorSpace = 3.0 / 18

    /// What may follow \left, \right and \big: the command or character and the delimiter it
    /// draws ("" for `.`, no delimiter).
    static let delimiters: [String: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", ".": "", "/": "/",
        "\\{": "{", "\\}": "}", "\\lbrace": "{", "\\rbrace": "}", "\\|": "‖", "\\Vert": "‖", "\\vert": "|",
        "\\lVert": "‖", "\\rVert": "‖", "\\lvert": "|", "\\rvert": "|", "\\langle": "⟨", "\\rangle": "⟩",
        "\\lfloor": "⌊", "\\rfloor": "⌋", "\\lceil": "⌈", "\\rceil": "⌉", "\\backslash": "\\",
    ]

    /// \big and its kin: the height of the delimiter, in em (TeX's 1.2, 1.8, 2.4 and 3 em).
    static let bigSizes: [String: Double] = {
        var table: [String: Double] = [:]
        for (name, size) in [("big", 1.2), ("Big", 1.8), ("bigg", 2.4), ("Bigg", 3.0)] {
            for suffix in ["", "l", "r", "m"] { table[name + suffix] = size }
        }
        return table
    }()

    /// The font commands: how letters and digits in their argument are set.
    enum FontStyle: Equatable {
        /// \mathrm: upright.
        case roman
        /// \mathit: italic.
        case italic
        /// \mathbf: upright bold.
        case bold
        /// \boldsymbol: bold, letters still italic.
        case boldItalic
        /// \mathbb: double-struck letters and digits (𝔼, ℝ).
        case doubleStruck
        /// \mathcal: script capitals (𝒩, ℒ).
        case calligraphic
    }

    static let fontCommands: [String: FontStyle] = [
        "mathrm": .roman, "mathit": .italic, "mathbf": .bold, "boldsymbol": .boldItalic,
        "mathbb": .doubleStruck, "mathcal": .calligraphic,
    ]

    /// The double-struck form of a letter or digit (𝔼, ℝ, 𝟙), or the character itself.
    static func doubleStruck(_ c: Character) -> Character {
        guard let a = c.asciiValue else { return c }
        let special: [UInt8: Unicode.Scalar] = [67: "ℂ", 72: "ℍ", 78: "ℕ", 80: "ℙ", 81: "ℚ", 82: "ℝ", 90: "ℤ"]
        if let s = special[a] { return Character(s) }
        let scalar: UInt32? = switch a {
        case 65...90: 0x1D538 + UInt32(a - 65)
        case 97...122: 0x1D552 + UInt32(a - 97)
        case 48...57: 0x1D7D8 + UInt32(a - 48)
        default: nil
        }
        return scalar.flatMap(Unicode.Scalar.init).map(Character.init) ?? c
    }

    /// The script (calligraphic) form of a letter (𝒩, ℒ), or the character itself.
    static func calligraphic(_ c: Character) -> Character {
        guard let a = c.asciiValue else { return c }
        let special: [UInt8: Unicode.Scalar] = [
            66: "ℬ", 69: "ℰ", 70: "ℱ", 72: "ℋ", 73: "ℐ", 76: "ℒ", 77: "ℳ", 82: "ℛ", 101: "ℯ", 103: "ℊ", 111: "ℴ",
        ]
        if let s = special[a] { return Character(s) }
        let scalar: UInt32? = switch a {
        case 65...90: 0x1D49C + UInt32(a - 65)
        case 97...122: 0x1D4B6 + UInt32(a - 97)
        default: nil
        }
        return scalar.flatMap(Unicode.Scalar.init).map(Character.init) ?? c
    }
}
