import Glibc

/// The command line as the kernel gave it: bytes, which need not be UTF-8.
///
/// Swift's `CommandLine.arguments` replaces bytes that are not UTF-8 by U+FFFD, so
/// `-o $'caf\xe9.png'` would write `caf\xEF\xBF\xBD.png`. Here each such byte b is kept as the
/// private-use scalar U+10FF00 + b instead (the idea of Python's "surrogateescape", PEP 383), which
/// ``bytes(_:)`` turns back into b: a path given on the command line reaches the file system
/// exactly as typed, and messages show the byte as `\xE9` (``InputText``). Valid UTF-8 is decoded
/// as usual; only a literal U+10FF80…U+10FFFF typed by the user would be read as a raw byte.
enum RawArguments {
    /// The first scalar of the escape range: U+10FF00 + b for a byte b in 0x80…0xFF.
    static let escapeBase: UInt32 = 0x10_FF00

    /// The process's arguments after the program name, decoded with escapes.
    static func decoded() -> [String] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return "" }
            return decode(Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map(UInt8.init(bitPattern:)))
        }
    }

    /// `bytes` as a string: UTF-8 where it is valid, escaped bytes where it is not.
    static func decode(_ bytes: [UInt8]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            if let (scalar, length) = scalar(in: bytes, at: i) {
                scalars.append(scalar)
                i += length
            } else {
                scalars.append(Unicode.Scalar(escapeBase + UInt32(bytes[i]))!)
                i += 1
            }
        }
        return String(scalars)
    }

    /// The bytes `text` stands for: escaped bytes as themselves, everything else as UTF-8.
    static func bytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let byte = escapedByte(scalar) { out.append(byte) } else { out += Array(String(scalar).utf8) }
        }
        return out
    }

    /// The raw byte an escape scalar stands for, or nil.
    static func escapedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        (escapeBase + 0x80...escapeBase + 0xFF).contains(scalar.value) ? UInt8(scalar.value - escapeBase) : nil
    }

    /// The well-formed UTF-8 sequence starting at `start`, if there is one.
    private static func scalar(in bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
        for length in 1...4 where start + length <= bytes.count {
            if let text = String(validating: bytes[start..<start + length], as: UTF8.self),
               let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 {
                return (scalar, length)
            }
        }
        return nil
    }
}
