import ArgumentParser
import LossMath

/// `penalty --gradients @file.csv`: per-sample input gradients, one sample a row and one input
/// dimension a column (an image's gradient flattened into one row), streamed (``CSVFile``): each
/// row's norm is accumulated cell by cell (``GradientNorm``) and no row is kept.
///
/// The first line is a header when its first cell is text that is not a number; every row has as
/// many cells as the first line. What is wrong with the file is one line naming it and the line
/// (exit 64): a cell that is not a number or not finite, a row of another length, no rows; a
/// file that cannot be read is exit 1.
struct GradientRows: Sendable {
    let path: String
    /// The option that named the file, for messages.
    let option: String

    /// Reads `--gradients @file.csv`.
    static func parse(_ text: String, name: String) throws -> GradientRows {
        guard text.hasPrefix("@") else {
            throw ValidationError("\(name) takes a CSV file, one row per sample: write \(name) @file.csv (for norms as numbers use --norms)")
        }
        guard text.count > 1 else { throw ValidationError("\(name) @: no file; write \(name) @file.csv") }
        return GradientRows(path: String(text.dropFirst()), option: name)
    }

    /// The shape of the rows read: how many samples, of how many input dimensions.
    struct Shape {
        var rows: Int
        var columns: Int
    }

    /// Calls `body` with each row's gradient, as its norm accumulated, and the row's line number;
    /// returns the shape read.
    @discardableResult
    func forEach(_ body: (_ gradient: GradientNorm, _ line: Int) throws -> Void) throws -> Shape {
        let file = CSVFile(path: path, option: option)
        var first: (line: Int, columns: Int, isHeader: Bool)? = nil
        var rows = 0
        try file.forEachLine { line, count, number in
            if first == nil {
                let end = CSVFile.cellEnd(line, count: count, from: 0)
                if case .failure(let cell) = CSVFile.number(line, from: 0, to: end), !cell.text.isEmpty {
                    first = (number, CSVFile.cells(line, count: count).count, true)
                    return
                }
            }
            var gradient = GradientNorm()
            var start = 0, cells = 0
            while true {
                let stop = CSVFile.cellEnd(line, count: count, from: start)
                cells += 1
                switch CSVFile.number(line, from: start, to: stop) {
                case .success(let x):
                    guard x.isFinite else {
                        throw ValidationError("\(option): line \(number) of \(InputText.shown(path)), cell \(cells), is \(NumberText.compact(x)); a gradient's components are finite numbers")
                    }
                    gradient.add(x)
                case .failure(let cell):
                    throw file.notANumber(cell, line: number)
                }
                guard stop < count else { break }
                start = stop + 1
            }
            if let first, cells != first.columns {
                let other = first.isHeader ? "its header (line \(first.line))" : "line \(first.line)"
                throw ValidationError("\(option): line \(number) of \(InputText.shown(path)) has \(cells) cell\(cells == 1 ? "" : "s") where \(other) has \(first.columns); every row is one sample's gradient, a cell per input dimension")
            }
            if first == nil { first = (number, cells, false) }
            rows += 1
            try body(gradient, number)
        }
        guard rows > 0, let first else {
            throw ValidationError("\(option): \(InputText.shown(path)) has no gradients; give one row of numbers per sample")
        }
        return Shape(rows: rows, columns: first.columns)
    }
}
