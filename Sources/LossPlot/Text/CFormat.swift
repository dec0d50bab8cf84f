#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// printf-style formatting through the C library, `String(cFormat:_:)`.
extension String {
    /// printf-style formatting through the C library: `String(cFormat: "%.3f", x)`.
    ///
    /// Foundation's `String(format:)` does the same (it hands `%e`/`%f` to the C library), but
    /// importing Foundation for it loads Foundation and ICU into every run of the tool: 6 of the
    /// 30 MiB a `plot` used to take. The process never calls `setlocale`, so the C locale applies
    /// and the decimal separator is always a point.
    public init(cFormat format: String, _ arguments: CVarArg...) {
        var buffer = [CChar](repeating: 0, count: 64)
        while true {
            let needed = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
            if needed < 0 { self = ""; return }
            if Int(needed) < buffer.count { break }
            buffer = [CChar](repeating: 0, count: Int(needed) + 1)
        }
        self = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
