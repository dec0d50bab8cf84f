import ArgumentParser
import Glibc

/// A CSV file read line by line in 1 MiB blocks and never held whole: memory does not grow with
/// its length. Lines may end in "\r\n"; blank lines are skipped; a line may hold at most 1 MiB.
/// Cells are split at commas (quotes are not supported) and numbers are read with `strtod` in the
/// C locale (what `Double("…")` accepts: 1e-3, -inf, nan).
///
/// A file that cannot be opened or read is ``Unreadable`` (exit 1); what is wrong with its
/// contents is a `ValidationError` naming the option, the file and the line (exit 64).
struct CSVFile {
    let path: String
    /// The option that named the file, for messages.
    let option: String

    /// A file that could not be read: exit 1.
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads the file in 1 MiB blocks and calls `body` with each: its bytes (which may be changed
    /// in place), their count, and whether it is the last. `body` uses the whole lines from the
    /// start and returns how many bytes it used; the rest, an unfinished line, is carried to the
    /// front of the next block. `linesRead` numbers the line too long to fit a block, for the error.
    func forEachBlock(linesRead: () -> Int,
                      _ body: (_ bytes: UnsafeMutablePointer<UInt8>, _ count: Int, _ isLast: Bool) throws -> Int) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw unreadable() }
        defer { close(fd) }
        let blockSize = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize + 1)
        defer { buffer.deallocate() }
        var carried = 0          // bytes of an unfinished line at the start of the buffer
        var finished = false
        while !finished {
            let room = blockSize - carried
            guard room > 0 else {
                throw ValidationError("\(option): line \(linesRead() + 1) of \(InputText.shown(path)) is longer than 1 MiB; is this a CSV file?")
            }
            let got = read(fd, buffer + carried, room)
            guard got >= 0 else { throw unreadable() }
            finished = got == 0
            let end = carried + got
            let used = try body(buffer, end, finished)
            // Move the unfinished line to the front.
            let rest = max(0, end - used)
            if rest > 0 && used > 0 { buffer.update(from: buffer + used, count: rest) }
            carried = finished ? 0 : rest
        }
    }

    /// Calls `body` with each line that is not blank: its bytes (without the line end; the buffer
    /// may be changed in place, as long as it is restored) and its number, counting from 1.
    func forEachLine(_ body: (_ line: UnsafeMutablePointer<UInt8>, _ count: Int, _ number: Int) throws -> Void) throws {
        var lineNumber = 0
        try forEachBlock(linesRead: { lineNumber }) { base, end, finished in
            var start = 0
            while start < end {
                var stop = start
                while stop < end && base[stop] != 0x0A { stop += 1 }
                if stop == end && !(finished && stop > start) { break }  // an unfinished line: read on
                lineNumber += 1
                var lineEnd = stop
                if lineEnd > start && base[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                defer { start = stop + 1 }
                if lineEnd == start { continue }  // a blank line
                try body(base + start, lineEnd - start, lineNumber)
            }
            return min(start, end)
        }
    }

    /// The error of a file that cannot be opened or read, from `errno`.
    private func unreadable() -> Unreadable {
        Unreadable(description: "\(option): cannot read \(InputText.shown(path)): \(String(cString: strerror(errno)))")
    }

    /// The cells of a line as text, split at commas and trimmed (for a header).
    static func cells(_ line: UnsafeMutablePointer<UInt8>, count: Int) -> [String] {
        String(decoding: UnsafeBufferPointer(start: line, count: count), as: UTF8.self)
            .split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
    }

    /// The end of the cell that starts at `start`: the next comma, or the end of the line.
    static func cellEnd(_ line: UnsafeMutablePointer<UInt8>, count: Int, from start: Int) -> Int {
        var stop = start
        while stop < count && line[stop] != 0x2C { stop += 1 }
        return stop
    }

    /// The number in `line[start..<stop]`, spaces and tabs around it ignored, parsed in place; or
    /// the cell's text when it is not a number.
    static func number(_ line: UnsafeMutablePointer<UInt8>, from start: Int, to stop: Int) -> Result<Double, NotANumber> {
        var start = start
        while start < stop && (line[start] == 0x20 || line[start] == 0x09) { start += 1 }
        var trimmed = stop
        while trimmed > start && (line[trimmed - 1] == 0x20 || line[trimmed - 1] == 0x09) { trimmed -= 1 }
        // strtod reads up to the first byte it cannot use: put a NUL there and check it stopped at it.
        let saved = line[trimmed]
        line[trimmed] = 0
        defer { line[trimmed] = saved }
        var endPointer: UnsafeMutablePointer<CChar>? = nil
        let value = line.withMemoryRebound(to: CChar.self, capacity: trimmed + 1) { chars in
            let x = strtod(chars + start, &endPointer)
            return (x, endPointer == chars + trimmed)
        }
        guard trimmed > start, value.1 else {
            return .failure(NotANumber(text: String(decoding: UnsafeBufferPointer(start: line + start, count: trimmed - start), as: UTF8.self)))
        }
        return .success(value.0)
    }

    /// Where `column` (a header name, or nil for a file of one column) is, from the first line's
    /// cells, and whether that line is a header: with a name it must be in the line; without one
    /// the line must have one cell, a header when it is not a number.
    func locate(line: UnsafeMutablePointer<UInt8>, count: Int, column: String?) throws -> (index: Int, isHeader: Bool) {
        let names = Self.cells(line, count: count)
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

    /// The number in cell `index` of line `number`, parsed in place: by `parser` when it can
    /// (spaces and tabs around the cell trimmed first), else by ``number(_:from:to:)``.
    func cell(_ line: UnsafeMutablePointer<UInt8>, count: Int, index: Int, line number: Int,
              parser: DecimalParser? = nil) throws -> Double {
        var start = 0, k = 0
        while k < index {
            start = Self.cellEnd(line, count: count, from: start)
            guard start < count else {
                throw ValidationError("\(option): line \(number) of \(InputText.shown(path)) has no cell \(index + 1)")
            }
            start += 1; k += 1
        }
        let stop = Self.cellEnd(line, count: count, from: start)
        if let parser {
            var first = start, last = stop
            while first < last && (line[first] == 0x20 || line[first] == 0x09) { first += 1 }
            while last > first && (line[last - 1] == 0x20 || line[last - 1] == 0x09) { last -= 1 }
            if let x = parser.parse(line + first, count: last - first) { return x }
        }
        switch Self.number(line, from: start, to: stop) {
        case .success(let x): return x
        case .failure(let cell): throw notANumber(cell, line: number)
        }
    }

    /// A cell that does not hold a number, and its text.
    struct NotANumber: Error {
        var text: String
    }

    /// "line 7 of scores.csv: 'x' is not a number", for a cell of line `number`.
    func notANumber(_ cell: NotANumber, line number: Int) -> ValidationError {
        ValidationError("\(option): line \(number) of \(InputText.shown(path)): '\(InputText.shown(cell.text))' is not a number")
    }
}
