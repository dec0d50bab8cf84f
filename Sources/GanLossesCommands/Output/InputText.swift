/// User input as it appears in messages: one line, bounded, unambiguous.
///
/// A message that echoes what the user typed must stay one line and readable whatever was typed:
/// control characters are shown as escapes (`\n`, `\t`, `\x1B`), bytes that are not UTF-8 as
/// `\xE9` (see ``RawArguments``), direction overrides as `\u{202E}`, and input longer than
/// ``limit`` characters is cut, saying how long it was.
enum InputText {
    /// The most characters of one input shown in a message.
    static let limit = 60

    /// `text` escaped and cut to ``limit`` characters.
    static func shown(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                return out + "… (\(text.unicodeScalars.count) characters)"
            }
            out += escaped(scalar)
            count += 1
        }
        return out
    }

    /// Whether `text` would be shown differently from itself.
    static func needsEscaping(_ text: String) -> Bool {
        text.unicodeScalars.count > limit || text.unicodeScalars.contains { escaped($0) != String($0) }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        if let byte = RawArguments.escapedByte(scalar) { return "\\x" + hex(UInt32(byte), digits: 2) }
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control: return scalar.value < 0x100 ? "\\x" + hex(scalar.value, digits: 2) : "\\u{\(hex(scalar.value, digits: 4))}"
        case .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
            return "\\u{\(hex(scalar.value, digits: 4))}"
        default: return String(scalar)
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
