import ArgumentParser
import Glibc
import LossMath

/// `--real-logits` and `--fake-logits`: numbers typed inline (`-1.5,0,2`) or a column of a CSV
/// file (`@scores.csv` for a file of one column, `@scores.csv:real_logit` for the column of
/// that name in the header row).
///
/// A file is read in 1 MiB blocks and never held whole: memory does not grow with its length
/// (``CSVColumnsReader``). What is wrong with it is one line naming the file and the line: an
/// empty file, a missing column, a cell that is not a number (exit 64); a file that cannot be read
/// (exit 1).
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
