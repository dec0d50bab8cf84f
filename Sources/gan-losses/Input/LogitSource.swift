import ArgumentParser
import Glibc
import LossMath

/// `--real-logits` and `--fake-logits`: numbers typed inline (`-1.5,0,2`) or a column of a CSV
/// file (`@scores.csv` for a file of one column, `@scores.csv:real_logit` for the column of
/// that name in the header row).
///
/// A file is read in 1 MiB blocks and never held whole: memory does not grow with its length.
/// What is wrong with it is one line naming the file and the line: an empty file, a missing column,
/// a cell that is not a number (exit 64); a file that cannot be read (exit 1).
enum LogitSource: Sendable {
    case list([Double])
    case file(path: String, column: String?)

    /// Reads `--name <text>`.
    static func parse(_ text: String, name: String) throws -> LogitSource {
        guard text.hasPrefix("@") else { return .list(try NumberList.parse(text, name: name)) }
        let spec = text.dropFirst()
        // The column follows the last colon, unless that leaves no file name.
        if let colon = spec.lastIndex(of: ":"), colon != spec.startIndex {
            let column = String(spec[spec.index(after: colon)...])
            guard !column.isEmpty else {
                throw ValidationError("\(name) \(InputText.shown(text)): no column after ':'; write @file.csv:column")
            }
            return .file(path: String(spec[..<colon]), column: column)
        }
        guard !spec.isEmpty else { throw ValidationError("\(name) @: no file; write @file.csv or @file.csv:column") }
        return .file(path: String(spec), column: nil)
    }

    /// Calls `body` with each number in order; throws for what is wrong with the input.
    func forEach(name: String, _ body: (Double) throws -> Void) throws {
        switch self {
        case .list(let numbers): for x in numbers { try body(x) }
        case .file(let path, let column): try CSVColumnReader(path: path, column: column, option: name).forEach(body)
        }
    }

    /// The mean of the numbers (a first pass, for the relativistic game) and how many there are.
    func mean(name: String) throws -> (mean: Double, count: Int) {
        var sum = CompensatedSum()
        try forEach(name: name) { sum.add($0) }
        return (sum.mean, sum.count)
    }
}

/// One column of numbers from a CSV file, streamed.
///
/// The first line is a header when its cell in the column is not a number: the column is then
/// found by name; without a header only a file of one column can be read (`@file.csv`). Cells are
/// read with `strtod` in the C locale (what `Double("…")` accepts: 1e-3, -inf, nan); quotes are
/// not supported. Lines may end in "\r\n"; blank lines at the end are ignored.
struct CSVColumnReader {
    let path: String
    let column: String?
    /// The option that named the file, for messages.
    let option: String

    /// A file that could not be read: exit 1.
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    func forEach(_ body: (Double) throws -> Void) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Unreadable(description: "\(option): cannot read \(InputText.shown(path)): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let blockSize = 1 << 20
        var buffer = [UInt8](repeating: 0, count: blockSize + 1)
        var carried = 0          // bytes of an unfinished line at the start of the buffer
        var lineNumber = 0
        var index: Int? = nil    // the column's index, once the first line is read
        var rows = 0
        var finished = false
        while !finished {
            let room = blockSize - carried
            guard room > 0 else {
                throw ValidationError("\(option): line \(lineNumber + 1) of \(InputText.shown(path)) is longer than 1 MiB; is this a CSV file?")
            }
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + carried, room) }
            guard got >= 0 else {
                throw Unreadable(description: "\(option): cannot read \(InputText.shown(path)): \(String(cString: strerror(errno)))")
            }
            finished = got == 0
            let end = carried + got
            var start = 0
            try buffer.withUnsafeMutableBufferPointer { bytes in
                let base = bytes.baseAddress!
                while start < end {
                    var stop = start
                    while stop < end && base[stop] != 0x0A { stop += 1 }
                    if stop == end && !(finished && stop > start) { break }  // an unfinished line: read on
                    lineNumber += 1
                    var lineEnd = stop
                    if lineEnd > start && base[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    defer { start = stop + 1 }
                    if lineEnd == start { continue }  // a blank line
                    if index == nil {
                        let headerIndex = try locate(line: base + start, count: lineEnd - start, line: lineNumber)
                        index = headerIndex.index
                        if headerIndex.isHeader { continue }
                    }
                    let x = try cell(base + start, count: lineEnd - start, index: index!, line: lineNumber)
                    rows += 1
                    try body(x)
                }
            }
            // Move the unfinished line to the front.
            let rest = max(0, end - start)
            if rest > 0 && start > 0 {
                buffer.withUnsafeMutableBufferPointer { b in
                    let base = b.baseAddress!
                    base.update(from: base + start, count: rest)
                }
            }
            carried = finished ? 0 : rest
        }
        guard rows > 0 else {
            throw ValidationError("\(option): \(InputText.shown(path)) has no numbers\(column.map { " in column '\(InputText.shown($0))'" } ?? "")")
        }
    }

    /// The cells of a line, split at commas.
    private func cells(_ line: UnsafeMutablePointer<UInt8>, count: Int) -> [String] {
        String(decoding: UnsafeBufferPointer(start: line, count: count), as: UTF8.self)
            .split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
    }

    /// The column's index from the first line, and whether that line is a header.
    private func locate(line: UnsafeMutablePointer<UInt8>, count: Int, line number: Int) throws -> (index: Int, isHeader: Bool) {
        let names = cells(line, count: count)
        if let column {
            if let i = names.firstIndex(of: column) { return (i, true) }
            let listed = names.map { "'\(InputText.shown($0))'" }.joined(separator: ", ")
            throw ValidationError("\(option): \(InputText.shown(path)) has no column '\(InputText.shown(column))'; its first line has \(listed)")
        }
        guard names.count == 1 else {
            let listed = names.map { "'\(InputText.shown($0))'" }.joined(separator: ", ")
            throw ValidationError("\(option): \(InputText.shown(path)) has \(names.count) columns (\(listed)); name one, as @\(InputText.shown(path)):\(InputText.shown(names[0]))")
        }
        return (0, Double(names[0]) == nil)
    }

    /// The number in cell `index` of a line, parsed in place.
    private func cell(_ line: UnsafeMutablePointer<UInt8>, count: Int, index: Int, line number: Int) throws -> Double {
        var start = 0, k = 0
        while k < index {
            while start < count && line[start] != 0x2C { start += 1 }
            guard start < count else {
                throw ValidationError("\(option): line \(number) of \(InputText.shown(path)) has no cell \(index + 1)")
            }
            start += 1; k += 1
        }
        var stop = start
        while stop < count && line[stop] != 0x2C { stop += 1 }
        while start < stop && (line[start] == 0x20 || line[start] == 0x09) { start += 1 }
        var trimmed = stop
        while trimmed > start && (line[trimmed - 1] == 0x20 || line[trimmed - 1] == 0x09) { trimmed -= 1 }
        // strtod reads up to the first byte it cannot use: put a NUL there and check it stopped at it.
        let saved = line[trimmed]
        line[trimmed] = 0
        defer { line[trimmed] = saved }
        var endPointer: UnsafeMutablePointer<CChar>? = nil
        let value = line.withMemoryRebound(to: CChar.self, capacity: count + 1) { chars in
            let x = strtod(chars + start, &endPointer)
            return (x, endPointer == chars + trimmed)
        }
        guard trimmed > start, value.1 else {
            let text = String(decoding: UnsafeBufferPointer(start: line + start, count: trimmed - start), as: UTF8.self)
            throw ValidationError("\(option): line \(number) of \(InputText.shown(path)): '\(InputText.shown(text))' is not a number")
        }
        return value.0
    }
}
