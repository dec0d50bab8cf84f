/// What the typesetter knows of a font family beyond the widths the backend measures: where the
/// ink of each kind of character lies (the backend reports only the font's ascent and descent),
/// the math axis, the rule thickness, and which family draws the characters the family lacks.
///
/// The numbers are the fonts' own, in em, read from DejaVu Sans and Latin Modern Roman 10 (the
/// glyph bounds of x, b, p, H, 1, ( and the minus sign, the underline thickness). cairo's toy font
/// API draws every character of a run in one face with no fallback, so a character missing from
/// the family would be drawn as nothing or a box: runs are split by ``family(for:italic:)``.
struct MathFontProfile: Sendable {
    /// The top of x, of b and d, of capitals and of digits, and the bottom of p.
    var xHeight: Double
    var ascender: Double
    var capHeight: Double
    var digitHeight: Double
    var descender: Double
    /// The extent of a parenthesis: the height the text glyphs of delimiters cover.
    var delimiterTop: Double
    var delimiterBottom: Double
    /// The middle of the minus sign, where fraction rules sit.
    var axis: Double
    /// The thickness of fraction rules and radical bars.
    var rule: Double
    /// The stroke of a drawn delimiter: the width of `|`, and the thickest part of a parenthesis.
    var stem: Double
    var curveStroke: Double
    /// The ink of the spacing accents (ˆ ˜ ¯ ˙), designed to sit over an x-height letter.
    var accentBottom: Double
    var accentTop: Double
    /// The tangent of the italic face's slant, for accents over italic letters.
    var slant: Double
    /// The family of characters this one lacks; nil if it has every one the parser produces.
    var symbolFamily: String?
    /// The family of \mathcal's script capitals.
    var scriptFamily: String
    /// Whether italic letters (Latin and lower-case Greek) are drawn as the mathematical italic
    /// letters of `symbolFamily`: TeX's math italic, not the text italic (whose side bearings set
    /// "D(G(z))" loosely), and Latin Modern Roman has no Greek lower case.
    var mathItalic: Bool
    /// Whether the family itself has the character (for families with a `symbolFamily`).
    var covers: @Sendable (Unicode.Scalar) -> Bool

    /// DejaVu Sans, matplotlib's default: it has every symbol the parser produces, except the
    /// script capitals, which come from DejaVu Math TeX Gyre.
    static let dejaVuSans = MathFontProfile(
        xHeight: 0.547, ascender: 0.760, capHeight: 0.729, digitHeight: 0.729, descender: 0.208,
        delimiterTop: 0.759, delimiterBottom: 0.132, axis: 0.3135, rule: 0.0439, stem: 0.083, curveStroke: 0.095,
        accentBottom: 0.616, accentTop: 0.800,
        slant: 0.194, symbolFamily: nil, scriptFamily: "DejaVu Math TeX Gyre", mathItalic: false,
        covers: { _ in true })

    /// Latin Modern Roman, the serif of TeX: Latin, the upper-case Greek and a few symbols; the
    /// rest (lower-case Greek, ∂, ∇, ∑, ≤, 𝔼, …) comes from Latin Modern Math, which has them in
    /// the same design, and so do italic letters, as its mathematical italic ones.
    static let latinModern = MathFontProfile(
        xHeight: 0.431, ascender: 0.694, capHeight: 0.683, digitHeight: 0.666, descender: 0.194,
        delimiterTop: 0.750, delimiterBottom: 0.250, axis: 0.25, rule: 0.04, stem: 0.04, curveStroke: 0.06,
        accentBottom: 0.516, accentTop: 0.692,
        slant: 0.25, symbolFamily: "Latin Modern Math", scriptFamily: "Latin Modern Math", mathItalic: true,
        covers: { s in
            switch s.value {
            case 0x20...0x7E, 0xA0...0xB6, 0xB8...0x17F, 0x391...0x3A9, 0x2010...0x2014, 0x2016, 0x2018...0x201E,
                 0x2020...0x2022, 0x2026, 0x2190...0x2193, 0x2212, 0x221A, 0x221E: true
            default: false
            }
        })

    /// Any other family: its Latin and Latin-1 as they are, everything else from DejaVu Sans,
    /// which has all of it (a family chosen by name may lack ∂ or ℓ). A list of families
    /// ("CMU Serif, DejaVu Serif") is left to the backend, which draws each character in the
    /// first family of the list that has it.
    static func other(_ family: String) -> MathFontProfile {
        var profile = dejaVuSans
        if !family.contains(",") {
            profile.symbolFamily = Font.sansFamily
            profile.covers = { s in s.value < 0x180 }
        }
        return profile
    }

    /// The profile of `family`.
    static func profile(for family: String) -> MathFontProfile {
        let name = family.lowercased()
        if name.hasPrefix("dejavu") { return dejaVuSans }
        if name.hasPrefix("latin modern") || name.hasPrefix("lm roman") { return latinModern }
        return other(family)
    }

    /// Where `scalar` is drawn when the text asks for `family`, italic or not: the family (and
    /// slant) to use and the character to draw, nil for the family as asked.
    func family(for scalar: Unicode.Scalar, italic: Bool) -> (family: String, scalar: Unicode.Scalar, italic: Bool)? {
        let v = scalar.value
        if (0x1D49C...0x1D4CF).contains(v) || "ℬℰℱℋℐℒℳℛℯℊℴ".unicodeScalars.contains(scalar) {
            return (scriptFamily, scalar, false)
        }
        guard let symbolFamily else { return nil }
        if mathItalic && italic, let mapped = Self.mathItalic(v) { return (symbolFamily, mapped, false) }
        return covers(scalar) ? nil : (symbolFamily, scalar, false)
    }

    /// Whether `text`, set upright, is drawn by the family itself, character for character.
    func drawsAsIs(_ text: String) -> Bool {
        symbolFamily == nil || text.unicodeScalars.allSatisfy { family(for: $0, italic: false) == nil }
    }

    /// The mathematical italic form of a Latin letter or a lower-case Greek letter (𝑥 for x, 𝛼 for α).
    static func mathItalic(_ v: UInt32) -> Unicode.Scalar? {
        let mapped: UInt32? = switch v {
        case 0x68: 0x210E  // ℎ, the Planck constant, stands in the block's gap
        case 0x41...0x5A: 0x1D434 + (v - 0x41)
        case 0x61...0x7A: 0x1D44E + (v - 0x61)
        case 0x3B1...0x3C9: 0x1D6FC + (v - 0x3B1)
        case 0x3F5: 0x1D716  // ϵ
        case 0x3D1: 0x1D717  // ϑ
        case 0x3D5: 0x1D719  // ϕ
        case 0x3F1: 0x1D71A  // ϱ
        case 0x3D6: 0x1D71B  // ϖ
        default: nil
        }
        return mapped.flatMap(Unicode.Scalar.init)
    }

    /// The ink of `scalar` above and below the baseline, in em: from its kind (x-height letter,
    /// ascender, descender, capital, digit, delimiter, operator on the axis).
    func ink(_ scalar: Unicode.Scalar) -> (top: Double, bottom: Double) {
        let v = scalar.value
        switch v {
        case 0x20, 0xA0, 0x2000...0x200B: return (0, 0)
        case 0x61...0x7A:  // a–z: b d f h k l t rise to the ascender, i j nearly; g j p q y descend
            let top = switch v {
            case 0x62, 0x64, 0x66, 0x68, 0x6B, 0x6C, 0x74: ascender
            case 0x69, 0x6A: ascender * 0.98
            default: xHeight
            }
            return (top, [0x67, 0x6A, 0x70, 0x71, 0x79].contains(v) ? descender : 0)
        case 0x41...0x5A: return (capHeight, scalar == "Q" ? descender * 0.5 : 0)
        case 0x30...0x39: return (digitHeight, 0)
        case 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x7C, 0x2016, 0x27E8, 0x27E9, 0x2308...0x230B, 0x2223, 0x2225:
            return (delimiterTop, delimiterBottom)
        case 0x2B, 0x3D, 0x2212, 0x3C, 0x3E, 0xB1, 0xD7, 0x2213, 0x22C5, 0xB7, 0x2218, 0x2217, 0x223C, 0x2248, 0x2243,
             0x2261, 0x2260, 0x2264, 0x2265, 0x2190...0x21FF, 0x27F6, 0x221D, 0x2245, 0x2250, 0x226A, 0x226B:
            // On the axis: + ± ≤ ≥ reach 0.3 em above it, = − ∼ and arrows about half that.
            return (axis + ([0x2B, 0xB1, 0x2213, 0x2264, 0x2265, 0xD7].contains(v) ? 0.3 : 0.16), 0)
        case 0x2C, 0x3B: return (xHeight * 0.23, descender * 0.6)
        case 0x2E, 0x3A: return (v == 0x3A ? xHeight : xHeight * 0.23, 0)
        case 0x2211, 0x220F, 0x2210, 0x22C3, 0x22C2: return (capHeight, descender * 0.92)
        case 0x222B, 0x222E, 0x222C: return (ascender, descender)
        case 0x2032, 0x27, 0x22, 0x5E, 0x60, 0x7E: return (capHeight, 0)
        case 0x3B1...0x3C9, 0x1D6FC...0x1D71B, 0x3D1, 0x3D5, 0x3D6, 0x3F1, 0x3F5:
            let base = Self.mathItalicBase(v)
            // ψ rises to the ascender in Latin Modern, to the x-height in DejaVu.
            let tall: Set<UInt32> = mathItalic ? [0x3B2, 0x3B4, 0x3B6, 0x3B8, 0x3BB, 0x3BE, 0x3C8, 0x3D1, 0x3D5]
                                               : [0x3B2, 0x3B4, 0x3B6, 0x3B8, 0x3BB, 0x3BE, 0x3D1, 0x3D5]
            let deep: Set<UInt32> = [0x3B2, 0x3B3, 0x3B6, 0x3B7, 0x3BC, 0x3BE, 0x3C1, 0x3C2, 0x3C6, 0x3C7, 0x3C8, 0x3D5, 0x3F1]
            return (tall.contains(base) ? ascender : xHeight, deep.contains(base) ? descender : 0)
        case 0x2113, 0x2202: return (ascender, 0)
        case 0x221A: return (ascender * 1.07, 0)
        default:
            return (capHeight, 0)
        }
    }

    /// The Greek letter a mathematical italic one stands for.
    static func mathItalicBase(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x1D6FC...0x1D714: 0x3B1 + (v - 0x1D6FC)
        case 0x1D717: 0x3D1
        case 0x1D719: 0x3D5
        default: v
        }
    }

    /// The ink of `text` above and below the baseline, in em (0, 0 for spaces only).
    func ink(of text: String) -> (top: Double, bottom: Double) {
        var top = 0.0, bottom = 0.0
        for scalar in text.unicodeScalars {
            let (t, b) = ink(scalar)
            top = max(top, t)
            bottom = max(bottom, b)
        }
        return (top, bottom)
    }
}
