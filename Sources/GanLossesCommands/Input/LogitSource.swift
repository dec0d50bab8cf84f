import ArgumentParser
import Glibc
import LossMath

/// `--real-logits` and `--fake-logits`: numbers typed inline (`-1.5,0,2`) or a column of a CSV
/// file (`@scores.csv` for a file of one column, `@scores.csv:real_logit` for the column of
/// that name in the header row).
///
/// A file is read in 1 MiB blocks and never held whole: memory does not grow with its length.
/// `eval` reads blocks of numbers, both columns of one file in one pass (``CSVColumnsReader``);
/// `penalty` reads number by number with each one's line (``CSVColumnReader`` on ``CSVFile``).
/// What is wrong with a file is one line naming the file and the line: an empty file, a missing
/// column, a cell that is not a number (exit 64); a file that cannot be read (exit 1).
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

    /// Calls `body` with the numbers in order, a block at a time; throws for what is wrong with
    /// the input.
    func forEachBlock(name: String, _ body: (UnsafeBufferPointer<Double>) throws -> Void) throws {
        switch self {
        case .list(let numbers):
            try numbers.withUnsafeBufferPointer { all in
                for start in stride(from: 0, to: all.count, by: CSVColumnsReader.blockCount) {
                    try body(UnsafeBufferPointer(rebasing: all[start ..< min(start + CSVColumnsReader.blockCount, all.count)]))
                }
            }
        case .file(let path, let column):
            try CSVColumnsReader(path: path, columns: [.init(name: column, option: name)]).forEachBlock { try body($0[0]) }
        }
    }

    /// Calls `body` with each number in order; throws for what is wrong with the input.
    func forEach(name: String, _ body: (Double) throws -> Void) throws {
        try forEachBlock(name: name) { block in for x in block { try body(x) } }
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

    /// Calls `body` with the numbers of each source in order, a block at a time, as
    /// `body(blocks)` with one block per source (empty for a source with none this time).
    ///
    /// Sources that are all columns of the same file are read in one pass over it; otherwise
    /// each source is read through in turn. Either way the same numbers reach `body` in the same
    /// order for each source, and what is wrong is reported as if each source were read in turn
    /// (``CSVColumnsReader``).
    static func forEachBlock(_ sources: [(source: LogitSource, name: String)],
                             _ body: ([UnsafeBufferPointer<Double>]) throws -> Void) throws {
        let files = sources.compactMap { s -> (path: String, column: CSVColumnsReader.Column)? in
            guard case .file(let path, let column) = s.source else { return nil }
            return (path, .init(name: column, option: s.name))
        }
        if files.count == sources.count, files.count > 1, files.allSatisfy({ $0.path == files[0].path }) {
            return try CSVColumnsReader(path: files[0].path, columns: files.map(\.column)).forEachBlock(body)
        }
        let empty = UnsafeBufferPointer<Double>(start: nil, count: 0)
        for (k, s) in sources.enumerated() {
            try s.source.forEachBlock(name: s.name) { block in
                try body(sources.indices.map { $0 == k ? block : empty })
            }
        }
    }

    /// The mean of each source's numbers (a first pass, for the relativistic game), read as
    /// ``forEachBlock(_:_:)`` reads them.
    static func means(_ sources: [(source: LogitSource, name: String)]) throws -> [Double] {
        var sums = [CompensatedSum](repeating: CompensatedSum(), count: sources.count)
        try forEachBlock(sources) { blocks in
            for (k, block) in blocks.enumerated() { sums[k].add(contentsOf: block) }
        }
        return sums.map(\.mean)
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
                let headerIndex = try file.locate(line: line, count: count, column: column)
                index = headerIndex.index
                if headerIndex.isHeader { return }
            }
            let x = try file.cell(line, count: count, index: index!, line: number)
            rows += 1
            try body(x, number)
        }
        guard rows > 0 else {
            throw ValidationError("\(option): \(InputText.shown(path)) has no numbers\(column.map { " in column '\(InputText.shown($0))'" } ?? "")")
        }
    }
}
