import ArgumentParser
import Glibc

/// Columns of numbers from one CSV file, streamed: the file is read once, in 1 MiB blocks, however
/// many of its columns are wanted, and never held whole.
///
/// The first line is a header for a column when its cell there is not a number: a named column is
/// found by name; without a name only a file of one column can be read (`@file.csv`). Cells are
/// read as `strtod` reads them in the C locale (what `Double("…")` accepts: 1e-3, -inf, nan), the
/// common decimal forms by ``DecimalParser`` with the same bits; quotes are not supported. Lines
/// may end in "\r\n"; blank lines are skipped.
///
/// What is wrong is reported as if each column were read in a pass of its own, in the order given:
/// the first column's first problem, else the second's, and so on. An error in the first column
/// (or in the file: unreadable, a line over 1 MiB) stops the reading; one in a later column is
/// kept, and the reading goes on only to look for an earlier column's, which would have come first.
struct CSVColumnsReader {
    /// A column to read: its name in the header (nil: the file's only column) and the option
    /// that named it, for messages.
    struct Column {
        var name: String?
        var option: String
    }

    let path: String
    /// The columns to read, at least one; the first one's option names the file in its messages.
    let columns: [Column]

    /// The most numbers of a column handed over at a time.
    static let blockCount = 4096

    /// What is known of a column as the lines go by.
    private struct State {
        /// The column's index, once the first line is read.
        var index: Int?
        var rows = 0
        /// A problem found in a later column, reported once the earlier ones are read through.
        var error: (any Error)?
    }

    /// Calls `body` with the numbers of every column in file order, a block at a time: one buffer
    /// per column, in the order of ``columns``, each of at most ``blockCount`` numbers. The
    /// columns have the same numbers of rows, except when the first line is a header for one
    /// column and a number for another. Once a later column has a problem no more blocks come.
    func forEachBlock(_ body: ([UnsafeBufferPointer<Double>]) throws -> Void) throws {
        let option = columns[0].option
        let parser = DecimalParser()
        // Each column's messages name its own option.
        let files = columns.map { CSVFile(path: path, option: $0.option) }
        var states = [State](repeating: State(), count: columns.count)
        let block = Block(columns: columns.count)
        defer { block.deallocate() }
        var delivering = true
        // The wanted cells in the order they come in a line, for ``fastRow``; the row it reads.
        var plan: [(index: Int, column: Int)]? = nil
        let row = UnsafeMutablePointer<Double>.allocate(capacity: columns.count)
        defer { row.deallocate() }

        var lineNumber = 0
        try CSVFile(path: path, option: option).forEachBlock(linesRead: { lineNumber }) { buffer, end, finished in
            var start = 0
            while start < end {
                if let plan, let length = fastRow(buffer + start, available: end - start, plan: plan, parser: parser, into: row) {
                    lineNumber += 1
                    start += length + 1
                    for c in columns.indices {
                        states[c].rows += 1
                        block.append(row[c], column: c)
                    }
                    if block.isFull { try block.flush(body, delivering: delivering) }
                    continue
                }
                let newline = memchr(buffer + start, 0x0A, end - start)
                let stop = newline.map { $0.assumingMemoryBound(to: UInt8.self) - buffer } ?? end
                if stop == end && !(finished && stop > start) { break }  // an unfinished line: read on
                lineNumber += 1
                var lineEnd = stop
                if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = buffer + start, count = lineEnd - start
                start = stop + 1
                if count == 0 { continue }  // a blank line
                for c in columns.indices where states[c].error == nil {
                    do {
                        if states[c].index == nil {
                            let located = try files[c].locate(line: line, count: count, column: columns[c].name)
                            states[c].index = located.index
                            if located.isHeader { continue }
                        }
                        let x = try files[c].cell(line, count: count, index: states[c].index!, line: lineNumber, parser: parser)
                        states[c].rows += 1
                        block.append(x, column: c)
                    } catch {
                        if c == 0 { throw error }
                        states[c].error = error
                        delivering = false
                    }
                }
                // Once every column has its index, lines take the fast path, until a column has a
                // problem (the first column's are thrown; a later one's stops the delivering).
                if !delivering {
                    plan = nil
                } else if plan == nil && states.allSatisfy({ $0.index != nil }) {
                    plan = columns.indices.map { (index: states[$0].index!, column: $0) }.sorted { $0.index < $1.index }
                }
                if block.isFull { try block.flush(body, delivering: delivering) }
            }
            return min(start, end)
        }
        try block.flush(body, delivering: delivering)
        for (column, state) in zip(columns, states) {
            if let error = state.error { throw error }
            guard state.rows > 0 else {
                throw ValidationError("\(column.option): \(InputText.shown(path)) has no numbers\(column.name.map { " in column '\(InputText.shown($0))'" } ?? "")")
            }
        }
    }

    /// The numbers read but not yet handed over, up to ``blockCount`` per column.
    private struct Block {
        /// Column c's numbers at values[c * blockCount ..< c * blockCount + counts[c]].
        let values: UnsafeMutablePointer<Double>
        let counts: UnsafeMutableBufferPointer<Int>

        init(columns: Int) {
            values = .allocate(capacity: columns * CSVColumnsReader.blockCount)
            counts = .allocate(capacity: columns)
            counts.initialize(repeating: 0)
        }

        func deallocate() {
            values.deallocate()
            counts.deallocate()
        }

        func append(_ x: Double, column c: Int) {
            values[c * CSVColumnsReader.blockCount + counts[c]] = x
            counts[c] += 1
        }

        var isFull: Bool { counts.contains(CSVColumnsReader.blockCount) }

        /// Hands the numbers to `body` (if any, and if `delivering`) and empties the block.
        func flush(_ body: ([UnsafeBufferPointer<Double>]) throws -> Void, delivering: Bool) throws {
            if delivering && counts.contains(where: { $0 > 0 }) {
                try body(counts.indices.map { c in UnsafeBufferPointer(start: values + c * CSVColumnsReader.blockCount, count: counts[c]) })
            }
            counts.update(repeating: 0)
        }
    }

    /// The numbers of the wanted cells (`plan`: cell indices, ascending, and their columns) of the
    /// line at `text` into `row[column]`, and the line's length (to its "\n"), in the common case:
    /// each of those cells is a decimal that ``DecimalParser/parsePrefix(_:count:)`` reads, between
    /// optional spaces or tabs, and the line's "\n" is among the `available` bytes. nil in any
    /// other case (a blank line, a cell strtod must read or reject, the end of the buffer), and the
    /// caller reads the line as before, cell by cell with ``CSVFile/cell(_:count:index:line:parser:)``.
    ///
    /// When it returns the numbers, they are what `cell` returns: the cell starts after `index`
    /// commas of the line, its blanks are skipped on both sides, and it ends at a comma, at the
    /// "\n" or at a "\r" just before it (which ends the line `cell` sees); since a decimal holds no
    /// comma, blank or line break, the number parsed is the whole trimmed cell, which `cell` parses
    /// with the same parser.
    private func fastRow(_ text: UnsafeMutablePointer<UInt8>, available: Int, plan: [(index: Int, column: Int)],
                         parser: DecimalParser, into row: UnsafeMutablePointer<Double>) -> Int? {
        var p = 0, cell = 0           // p: where cell `cell` starts, or the byte after it once read
        var last: (index: Int, value: Double)? = nil
        for (index, column) in plan {
            if let last, last.index == index {   // two options naming the same column
                row[column] = last.value
                continue
            }
            while cell < index {              // past the next comma of this line
                while p < available && text[p] != 0x2C {
                    if text[p] == 0x0A { return nil }
                    p += 1
                }
                guard p < available else { return nil }
                p += 1
                cell += 1
            }
            while p < available && (text[p] == 0x20 || text[p] == 0x09) { p += 1 }
            guard let number = parser.parsePrefix(text + p, count: available - p) else { return nil }
            p += number.length
            while p < available && (text[p] == 0x20 || text[p] == 0x09) { p += 1 }
            guard p < available else { return nil }
            if text[p] == 0x0D {
                guard p + 1 < available && text[p + 1] == 0x0A else { return nil }
                p += 1
            } else if text[p] != 0x2C && text[p] != 0x0A {
                return nil
            }
            row[column] = number.value
            last = (index, number.value)
        }
        // The line's end: here, or further on past cells not wanted.
        if text[p] == 0x0A { return p }
        guard let newline = memchr(text + p, 0x0A, available - p) else { return nil }
        return newline.assumingMemoryBound(to: UInt8.self) - text
    }
}
