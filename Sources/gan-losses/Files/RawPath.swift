import Glibc

/// A file path as bytes, the way the kernel takes it: given on the command line, it reaches
/// `open(2)` exactly as typed, even when it is not UTF-8 (see ``RawArguments``).
struct RawPath: Hashable, CustomStringConvertible {
    var bytes: [UInt8]

    /// The path an argument names.
    init(_ argument: String) { bytes = RawArguments.bytes(argument) }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The path for messages: escaped and bounded (``InputText``).
    var description: String { InputText.shown(RawArguments.decode(bytes)) }

    var isEmpty: Bool { bytes.isEmpty }

    /// The last component (after the last `/`).
    var fileName: [UInt8] {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return bytes }
        return Array(bytes[(slash + 1)...])
    }

    /// The folder holding this path: `.` for a bare name, `/` for a name at the root.
    var folder: RawPath {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return RawPath(bytes: Array(".".utf8)) }
        return slash == 0 ? RawPath(bytes: [UInt8(ascii: "/")]) : RawPath(bytes: Array(bytes[..<slash]))
    }

    /// The text after the last dot of the file name (not counting a leading dot), as UTF-8 text.
    var pathExtension: String {
        let name = fileName
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > name.startIndex else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self)
    }

    /// `self/name`.
    func appending(_ name: [UInt8]) -> RawPath {
        RawPath(bytes: bytes.last == UInt8(ascii: "/") ? bytes + name : bytes + [UInt8(ascii: "/")] + name)
    }

    /// Calls `body` with the path as a C string.
    func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes.map(CChar.init(bitPattern:)) + [0]).withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    enum Kind { case missing, folder, other }

    /// What is at the path (following symbolic links).
    var kind: Kind {
        var info = stat()
        guard withCString({ stat($0, &info) }) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .other
    }

    /// Whether new files can be made in this folder.
    var isWritableFolder: Bool { withCString { access($0, W_OK | X_OK) } == 0 }
}
