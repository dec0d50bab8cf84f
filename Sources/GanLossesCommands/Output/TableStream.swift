/// A ``Table`` written row by row, for outputs too long to hold (one row per sample of a file of
/// millions): memory stays at one 64 KiB buffer. CSV and JSON are as ``Table`` writes them; the
/// text table has fixed column widths (24 characters for a number, enough for any shortest
/// double, unless given) since the rows to come are not known.
struct TableStream {
    let columns: [String]
    let titles: [String]
    let format: OutputFormat
    /// The width of every column in the text table.
    private let widths: [Int]
    private var buffer = ""
    private var rows = 0

    /// `widths`: the text table's column widths (at least each title's), 24 where not given.
    init(columns: [String], titles: [String]? = nil, widths: [Int]? = nil, format: OutputFormat) {
        self.columns = columns
        self.titles = titles ?? columns
        self.format = format
        self.widths = zip(self.titles, widths ?? Array(repeating: 24, count: columns.count)).map { max($0.count, $1) }
    }

    /// Adds a row; writes when the buffer is full.
    mutating func append(_ row: [Table.Cell]) throws {
        if rows == 0 { buffer += header }
        switch format {
        case .csv:
            buffer += row.map(\.plain).joined(separator: ",") + "\n"
        case .json:
            buffer += (rows == 0 ? "" : ",\n") + "  {" + zip(columns, row).map { "\(JSONText.string($0)): \(JSONText.value($1))" }
                .joined(separator: ", ") + "}"
        case .table:
            buffer += zip(row, widths).map { cell, width in
                let text: String
                if case .absent = cell { text = "—" } else { text = cell.plain }
                let pad = String(repeating: " ", count: max(0, width - text.count))
                if case .number = cell { return pad + text }
                return text + pad
            }.joined(separator: "  ") + "\n"
        }
        rows += 1
        if buffer.utf8.count >= 1 << 16 {
            try Output.write(buffer)
            buffer = ""
        }
    }

    /// Writes what is left, closing the JSON array.
    mutating func finish() throws {
        if rows == 0 { buffer += header }
        if format == .json { buffer += rows == 0 ? "]\n" : "\n]\n" }
        try Output.write(buffer)
        buffer = ""
    }

    private var header: String {
        switch format {
        case .csv: columns.joined(separator: ",") + "\n"
        case .json: "[\n"
        case .table:
            zip(titles, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ") + "\n"
                + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        }
    }
}
