import ArgumentParser
import Glibc
import LossMath

/// `--real-logits` and `--fake-logits`: numbers typed inline (`-1.5,0,2`) or a column of a CSV
/// file (`@scores.csv` for a file of one column, `@scores.csv:real_logit` for the column of
/// that name in the header row).
///
/// A file is read in 1 MiB blocks and never held whole (``CSVFile``): memory does not grow with
/// its length. What is wrong with it is one line naming the file and the line: an empty file, a
/// missing column, a cell that is not a number (exit 64); a file that cannot be read (exit 1).
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
        try forEach(name: name) { x, _ in try body(x) }
    }

    /// Calls `body` with each number in order and its position: the item's number in a list, the
    /// line's in a file, from 1 (``place(_:)`` says it in words).
    func forEach(name: String, _ body: (_ value: Double, _ position: Int) throws -> Void) throws {
        switch self {
        case .list(let numbers): for (i, x) in numbers.enumerated() { try body(x, i + 1) }
        case .file(let path, let column): try CSVColumnReader(path: path, column: column, option: name).forEach(body)
        }
    }

    /// Where the number at `position` (of ``forEach(name:_:)-(_,(Double,Int)->Void)``) is:
    /// "item 3" of a list, "line 3 of scores.csv" of a file.
    func place(_ position: Int) -> String {
        switch self {
        case .list: "item \(position)"
        case .file(let path, _): "line \(position) of \(InputText.shown(path))"
        }
    }

    /// The mean of the numbers (a first pass, for the relativistic game) and how many there are.
    func mean(name: String) throws -> (mean: Double, count: Int) {
        var sum = CompensatedSum()
        try forEach(name: name) { sum.add($0) }
        return (sum.mean, sum.count)
    }
}

/// One column of numbers from a CSV file, streamed (``CSVFile``).
///
/// The first line is a header when its cell in the column is not a number: the column is then
/// found by name; without a header only a file of one column can be read (`@file.csv`).
struct CSVColumnReader {
    let path: String
    let column: String?
    /// The option that named the file, for messages.
    let option: String

    /// Calls `body` with each number and the number of its line.
    func forEach(_ body: (_ value: Double, _ line: Int) throws -> Void) throws {
        let file = CSVFile(path: path, option: option)
        var index: Int? = nil    // the column's index, once the first line is read
        var rows = 0
        try file.forEachLine { line, count, number in
            if index == nil {
                let headerIndex = try locate(line: line, count: count)
                index = headerIndex.index
                if headerIndex.isHeader { return }
            }
            let x = try cell(line, count: count, index: index!, line: number, file: file)
            rows += 1
            try body(x, number)
        }
        guard rows > 0 else {
            throw ValidationError("\(option): \(InputText.shown(path)) has no numbers\(column.map { " in column '\(InputText.shown($0))'" } ?? "")")
        }
    }

    /// The column's index from the first line, and whether that line is a header.
    private func locate(line: UnsafeMutablePointer<UInt8>, count: Int) throws -> (index: Int, isHeader: Bool) {
        let names = CSVFile.cells(line, count: count)
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
    private func cell(_ line: UnsafeMutablePointer<UInt8>, count: Int, index: Int, line number: Int, file: CSVFile) throws -> Double {
        var start = 0, k = 0
        while k < index {
            start = CSVFile.cellEnd(line, count: count, from: start)
            guard start < count else {
                throw ValidationError("\(option): line \(number) of \(InputText.shown(path)) has no cell \(index + 1)")
            }
            start += 1; k += 1
        }
        switch CSVFile.number(line, from: start, to: CSVFile.cellEnd(line, count: count, from: start)) {
        case .success(let x): return x
        case .failure(let cell): throw file.notANumber(cell, line: number)
        }
    }
}
