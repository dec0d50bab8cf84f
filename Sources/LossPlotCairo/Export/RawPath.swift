import Glibc

/// A file path as bytes, the way the kernel takes it: a path given on a command line reaches
/// `open(2)` exactly as typed, even when it is not UTF-8.
public struct RawPath: Hashable, Sendable, CustomStringConvertible {
    /// The bytes of the path, as the kernel takes them.
    public var bytes: [UInt8]

    /// The path `text` spells in UTF-8.
    public init(_ text: String) { bytes = Array(text.utf8) }

    /// The path with exactly these bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// The most characters of a path shown in a message.
    static let shownLimit = 60

    /// The path for messages, on one line: bytes that are not UTF-8 as `\xE9`, control
    /// characters as `\n`, `\x1B`, cut after `shownLimit` characters, saying how long it was.
    public var description: String {
        var out = "", count = 0, i = 0
        while i < bytes.count {
            if count == Self.shownLimit { return out + "… (\(bytes.count) bytes)" }
            var length = 1
            while length <= 4, i + length <= bytes.count, String(validating: bytes[i..<i + length], as: UTF8.self) == nil { length += 1 }
            if i + length <= bytes.count, length <= 4, let text = String(validating: bytes[i..<i + length], as: UTF8.self),
               let scalar = text.unicodeScalars.first {
                switch scalar {
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case _ where scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format:
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                default: out.unicodeScalars.append(scalar)
                }
                i += length
            } else {
                let hex = String(bytes[i], radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" : "") + hex
                i += 1
            }
            count += 1
        }
        return out
    }

    /// Whether the path has no bytes.
    public var isEmpty: Bool { bytes.isEmpty }

    /// The last component (after the last `/`).
    public var fileName: [UInt8] {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return bytes }
        return Array(bytes[(slash + 1)...])
    }

    /// The folder holding this path: `.` for a bare name, `/` for a name at the root.
    public var folder: RawPath {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return RawPath(bytes: Array(".".utf8)) }
        return slash == 0 ? RawPath(bytes: [UInt8(ascii: "/")]) : RawPath(bytes: Array(bytes[..<slash]))
    }

    /// The text after the last dot of the file name (not counting a leading dot), as UTF-8 text.
    public var pathExtension: String {
        let name = fileName
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > name.startIndex else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self)
    }

    /// `self/name`.
    public func appending(_ name: [UInt8]) -> RawPath {
        RawPath(bytes: bytes.last == UInt8(ascii: "/") ? bytes + name : bytes + [UInt8(ascii: "/")] + name)
    }

    /// Calls `body` with the path as a C string.
    public func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes.map(CChar.init(bitPattern:)) + [0]).withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// What is at a path: nothing, a folder, or something else.
    public enum Kind {
        /// Nothing is at the path.
        case missing
        /// A folder (or a link to one).
        case folder
        /// A file or anything else that is not a folder.
        case other
    }

    /// What is at the path (following symbolic links).
    public var kind: Kind {
        var info = stat()
        guard withCString({ stat($0, &info) }) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .other
    }

    /// Whether new files can be made in this folder.
    public var isWritableFolder: Bool { withCString { access($0, W_OK | X_OK) } == 0 }
}
