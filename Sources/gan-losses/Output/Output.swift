import Foundation

/// Standard output and standard error.
enum Output {
    /// Writes `text` to standard output unbuffered by Swift, so that output and exit status agree.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
