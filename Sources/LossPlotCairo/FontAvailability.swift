import LossPlot
import Glibc
import Synchronization

/// A font a display list names that cairo cannot draw: asked for a family that is not installed
/// (or for an italic or bold face the family does not have), cairo's toy font API silently draws
/// with whatever fontconfig matches instead. ``CairoBackend`` refuses such a list rather than
/// draw it, and the layout measured, in the wrong font.
public enum FontError: Error, CustomStringConvertible, Equatable {
    /// No face of `family` in `style` ("regular", "italic", "bold" or "bold italic") is
    /// installed; fontconfig would give `substitute` (its family and style) instead.
    case notInstalled(family: String, style: String, substitute: String)

    /// The problem in one line: the font asked for and the one that would be drawn instead.
    public var description: String {
        switch self {
        case .notInstalled(let family, let style, let substitute):
            "the font \(family) (\(style)) is not installed: cairo would draw it in \(substitute) instead"
        }
    }
}

/// Which face cairo's toy font API will draw a `Font` with, asked of fontconfig the way cairo
/// asks it (`_cairo_ft_font_face_create_for_toy`): the family, a slant (roman or italic) and a
/// weight (medium or bold), the configuration's substitutions, then the best match.
///
/// fontconfig is reached through the functions already loaded with cairo (looked up by name with
/// `dlsym`), so the package links no library beyond cairo; where cairo was built without
/// fontconfig (its Quartz or Win32 fonts), the check is skipped and every font passes. Answers
/// are cached for the life of the process: fonts installed while it runs are not seen.
enum FontAvailability {
    /// A face as the display list asks for it.
    struct Face: Hashable {
        var family: String
        var italic: Bool
        var bold: Bool

        /// "regular", "italic", "bold" or "bold italic".
        var style: String {
            switch (bold, italic) {
            case (false, false): "regular"
            case (false, true): "italic"
            case (true, false): "bold"
            case (true, true): "bold italic"
            }
        }
    }

    /// What fontconfig matched: the face's families (all its names, in every language) and style.
    struct Match: Sendable {
        var families: [String]
        var style: String
        var slant: Int32
        var weight: Int32
        /// Whether fontconfig makes the face oblique or bold by transforming an upright or regular
        /// one (its 90-synthetic.conf), for want of a real italic or bold face.
        var synthetic: Bool
    }

    /// fontconfig's answers, asked once per face and character in a process, never by two
    /// threads at once.
    private static let matches = Mutex<[Face: Match?]>([:])
    private static let fallbacks = Mutex<[Fallback: String?]>([:])

    /// The face fontconfig matches for `face`; nil without fontconfig.
    static func match(_ face: Face) -> Match? {
        matches.withLock { cache in
            if let known = cache[face] { return known }
            let found = Fontconfig.shared?.match(face)
            cache[face] = found
            return found
        }
    }

    /// The shear fontconfig gives a face it slants for want of an italic (90-synthetic.conf),
    /// which pango (and so rsvg-convert) applies too.
    static let syntheticSlant = 0.2

    /// Whether `family`'s italic is its upright face slanted by fontconfig (it has no italic
    /// face). cairo's toy font API ignores that slant and draws such "italic" text upright, where
    /// an SVG viewer slants it; the backend slants it itself.
    static func hasSyntheticItalic(_ family: String) -> Bool {
        match(Face(family: family, italic: true, bold: false))?.synthetic ?? false
    }

    private struct Fallback: Hashable {
        var face: Face
        var scalar: Unicode.Scalar
    }

    /// The family fontconfig would draw `scalar` with when none of a font's families has it: the
    /// installed family nearest to `face` that has the character, as a browser's last resort for
    /// a glyph its font list lacks; nil without fontconfig or when no installed font has it.
    static func fallbackFamily(for scalar: Unicode.Scalar, near face: Face) -> String? {
        fallbacks.withLock { cache in
            let key = Fallback(face: face, scalar: scalar)
            if let known = cache[key] { return known }
            let found = Fontconfig.shared?.match(face, covering: scalar)?.families.first
            cache[key] = found
            return found
        }
    }

    /// Throws ``FontError`` unless every family of `font`'s list (``FontFamilies``) is installed:
    /// the first in the font's style, the others (which only fill in characters the first lacks)
    /// upright.
    static func check(_ font: Font) throws {
        for (index, family) in FontFamilies.split(font.family).enumerated() {
            try check(Face(family: family, italic: index == 0 && font.italic, bold: index == 0 && font.bold))
        }
    }

    /// Throws ``FontError`` unless the face fontconfig matches for `face` is of its family, and
    /// italic (or oblique) or bold where asked.
    static func check(_ face: Face) throws {
        if let problem = problem(with: face) { throw problem }
    }

    private static func problem(with face: Face) -> FontError? {
        guard !FontFamilies.isGeneric(face.family), let match = match(face) else { return nil }
        let wanted = normalized(face.family)
        let familyFound = match.families.contains { normalized($0) == wanted }
        // fontconfig's slants: roman 0, italic 100, oblique 110; weights: medium 100, bold 200.
        let styleFound = (!face.italic || match.slant > 0) && (!face.bold || match.weight >= 180) && !match.synthetic
        guard !(familyFound && styleFound) else { return nil }
        let substitute = [match.families.first ?? "an unnamed font", match.style].filter { !$0.isEmpty }.joined(separator: " ")
        return .notInstalled(family: face.family, style: face.style, substitute: substitute)
    }

    /// A family name as fontconfig compares them: case and spaces ignored.
    static func normalized(_ family: String) -> String {
        String(family.lowercased().unicodeScalars.filter { $0 != " " })
    }
}

/// A font's `family` read as a list of families, first choice first, separated by commas as
/// fontconfig and CSS separate them ("Latin Modern Roman, Latin Modern Math, serif"); quotes
/// around a name are dropped.
enum FontFamilies {
    /// The names in `family`, in order; `family` itself if it names none.
    static func split(_ family: String) -> [String] {
        let names = family.split(separator: ",").map { name -> String in
            var name = name.trimmingCharacters(" \t")
            if name.count >= 2, let first = name.first, first == "'" || first == "\"", name.last == first {
                name = String(name.dropFirst().dropLast())
            }
            return name
        }.filter { !$0.isEmpty }
        return names.isEmpty ? [family] : names
    }

    /// fontconfig's and CSS's generic names, which stand for whatever family the system prefers.
    static let generic: Set<String> = ["serif", "sans-serif", "sans", "monospace", "mono", "cursive", "fantasy",
                                       "system-ui", "emoji", "math"]

    /// Whether `family` is a generic name rather than a family.
    static func isGeneric(_ family: String) -> Bool { generic.contains(family.lowercased()) }
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set`.
    fileprivate func trimmingCharacters(_ set: String) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// The few fontconfig functions the check needs, from the fontconfig that cairo loaded.
private final class Fontconfig: @unchecked Sendable {  // immutable: function pointers
    typealias PatternCreate = @convention(c) () -> OpaquePointer?
    typealias PatternAddString = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<UInt8>?) -> Int32
    typealias PatternAddInteger = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32
    typealias ConfigSubstitute = @convention(c) (OpaquePointer?, OpaquePointer?, Int32) -> Int32
    typealias DefaultSubstitute = @convention(c) (OpaquePointer?) -> Void
    typealias FontMatch = @convention(c) (OpaquePointer?, OpaquePointer?, UnsafeMutablePointer<Int32>?) -> OpaquePointer?
    typealias PatternGetString = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32,
                                                 UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32
    typealias PatternGetInteger = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<Int32>?) -> Int32
    typealias PatternGetBool = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<Int32>?) -> Int32
    typealias PatternGetMatrix = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32,
                                                 UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> Int32
    typealias PatternDestroy = @convention(c) (OpaquePointer?) -> Void
    typealias CharSetCreate = @convention(c) () -> OpaquePointer?
    typealias CharSetAddChar = @convention(c) (OpaquePointer?, UInt32) -> Int32
    typealias PatternAddCharSet = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, OpaquePointer?) -> Int32
    typealias CharSetDestroy = @convention(c) (OpaquePointer?) -> Void

    let patternCreate: PatternCreate
    let patternAddString: PatternAddString
    let patternAddInteger: PatternAddInteger
    let configSubstitute: ConfigSubstitute
    let defaultSubstitute: DefaultSubstitute
    let fontMatch: FontMatch
    let patternGetString: PatternGetString
    let patternGetInteger: PatternGetInteger
    let patternGetBool: PatternGetBool
    let patternGetMatrix: PatternGetMatrix
    let patternDestroy: PatternDestroy
    let charSetCreate: CharSetCreate
    let charSetAddChar: CharSetAddChar
    let patternAddCharSet: PatternAddCharSet
    let charSetDestroy: CharSetDestroy

    /// fontconfig's functions, or nil where cairo did not load fontconfig.
    static let shared: Fontconfig? = Fontconfig()

    private init?() {
        // The process's global symbols (cairo's libfontconfig is among them), else the library
        // by name if it is loaded.
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            if let address = dlsym(nil, name) { return unsafeBitCast(address, to: type) }  // nil: RTLD_DEFAULT
            guard let library = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_NOLOAD), let address = dlsym(library, name) else {
                return nil
            }
            return unsafeBitCast(address, to: type)
        }
        guard let patternCreate = symbol("FcPatternCreate", as: PatternCreate.self),
              let patternAddString = symbol("FcPatternAddString", as: PatternAddString.self),
              let patternAddInteger = symbol("FcPatternAddInteger", as: PatternAddInteger.self),
              let configSubstitute = symbol("FcConfigSubstitute", as: ConfigSubstitute.self),
              let defaultSubstitute = symbol("FcDefaultSubstitute", as: DefaultSubstitute.self),
              let fontMatch = symbol("FcFontMatch", as: FontMatch.self),
              let patternGetString = symbol("FcPatternGetString", as: PatternGetString.self),
              let patternGetInteger = symbol("FcPatternGetInteger", as: PatternGetInteger.self),
              let patternGetBool = symbol("FcPatternGetBool", as: PatternGetBool.self),
              let patternGetMatrix = symbol("FcPatternGetMatrix", as: PatternGetMatrix.self),
              let patternDestroy = symbol("FcPatternDestroy", as: PatternDestroy.self),
              let charSetCreate = symbol("FcCharSetCreate", as: CharSetCreate.self),
              let charSetAddChar = symbol("FcCharSetAddChar", as: CharSetAddChar.self),
              let patternAddCharSet = symbol("FcPatternAddCharSet", as: PatternAddCharSet.self),
              let charSetDestroy = symbol("FcCharSetDestroy", as: CharSetDestroy.self) else { return nil }
        (self.patternCreate, self.patternAddString, self.patternAddInteger, self.configSubstitute, self.defaultSubstitute,
         self.fontMatch, self.patternGetString, self.patternGetInteger, self.patternGetBool, self.patternGetMatrix,
         self.patternDestroy) =
            (patternCreate, patternAddString, patternAddInteger, configSubstitute, defaultSubstitute, fontMatch,
             patternGetString, patternGetInteger, patternGetBool, patternGetMatrix, patternDestroy)
        (self.charSetCreate, self.charSetAddChar, self.patternAddCharSet, self.charSetDestroy) =
            (charSetCreate, charSetAddChar, patternAddCharSet, charSetDestroy)
    }

    /// The face fontconfig matches for `face`, asked as cairo's toy font face asks; nil if
    /// fontconfig matches nothing. With `scalar`, the nearest face that has that character
    /// (fontconfig ranks coverage above the family), or nil if none has it.
    func match(_ face: FontAvailability.Face, covering scalar: Unicode.Scalar? = nil) -> FontAvailability.Match? {
        guard let pattern = patternCreate() else { return nil }
        defer { patternDestroy(pattern) }
        _ = face.family.withCString { family in
            family.withMemoryRebound(to: UInt8.self, capacity: face.family.utf8.count + 1) { patternAddString(pattern, "family", $0) }
        }
        _ = patternAddInteger(pattern, "slant", face.italic ? 100 : 0)  // FC_SLANT_ITALIC, FC_SLANT_ROMAN
        _ = patternAddInteger(pattern, "weight", face.bold ? 200 : 100)  // FC_WEIGHT_BOLD, FC_WEIGHT_MEDIUM
        if let scalar {
            guard let characters = charSetCreate() else { return nil }
            defer { charSetDestroy(characters) }
            _ = charSetAddChar(characters, scalar.value)
            _ = patternAddCharSet(pattern, "charset", characters)  // copied into the pattern
        }
        _ = configSubstitute(nil, pattern, 0)  // FcMatchPattern
        defaultSubstitute(pattern)
        var result: Int32 = 0
        guard let matched = fontMatch(nil, pattern, &result) else { return nil }
        defer { patternDestroy(matched) }
        func string(_ object: String, _ index: Int32) -> String? {
            var value: UnsafeMutablePointer<UInt8>?
            guard patternGetString(matched, object, index, &value) == 0, let value else { return nil }  // FcResultMatch
            return String(cString: value)
        }
        func integer(_ object: String) -> Int32 {
            var value: Int32 = 0
            return patternGetInteger(matched, object, 0, &value) == 0 ? value : 0
        }
        var families: [String] = []
        while let family = string("family", Int32(families.count)) { families.append(family) }
        // The marks of 90-synthetic.conf: a shear matrix for oblique, the embolden flag for bold.
        var matrix: UnsafeMutableRawPointer?
        var embolden: Int32 = 0
        let sheared = patternGetMatrix(matched, "matrix", 0, &matrix) == 0 && matrix != nil
        let emboldened = patternGetBool(matched, "embolden", 0, &embolden) == 0 && embolden != 0
        return FontAvailability.Match(families: families, style: string("style", 0) ?? "", slant: integer("slant"),
                                      weight: integer("weight"), synthetic: sheared || emboldened)
    }
}
