import FoundationEssentials
import Glibc

/// Rows of text cells, written as aligned columns, CSV or JSON.
///
/// A cell is text or a number; numbers are right-aligned in tables and unquoted in JSON (non-finite
/// numbers, which JSON cannot hold, become the strings "inf", "-inf" and "nan"). An absent value
/// is empty in CSV, null in JSON and "—" in tables.
struct Table {
    enum Cell {
        case text(String)
        /// A number and its text (so Float and Double keep their own shortest forms).
        case number(Double, String)
        case absent

        static func double(_ x: Double) -> Cell { .number(x, NumberText.shortest(x)) }
        static func float(_ x: Float) -> Cell { .number(Double(x), NumberText.shortest(x)) }

        var plain: String {
            switch self {
            case .text(let s): s
            case .number(_, let s): s
            case .absent: ""
            }
        }
    }

    var columns: [String]
    /// Headers for people, when they differ from the machine-readable column names.
    var titles: [String]? = nil
    var rows: [[Cell]] = []

    /// Aligned columns separated by two spaces, a rule under the header.
    func renderText() -> String {
        let header = titles ?? columns
        var widths = header.map(\.count)
        let shown = rows.map { row in row.map { cell -> String in
            if case .absent = cell { return "—" }
            return cell.plain
        } }
        for row in shown { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                let last = i == cells.count - 1
                parts.append(numeric[i] ? pad + cell : (last ? cell : cell + pad))
            }
            return parts.joined(separator: "  ")
        }
        let numericColumns = columns.indices.map { i in
            rows.contains { if case .number = $0[i] { true } else { false } }
        }
        var out = [line(header, numeric: numericColumns),
                   line(widths.map { String(repeating: "─", count: $0) }, numeric: numericColumns)]
        out += shown.map { line($0, numeric: numericColumns) }
        return out.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV: a header of the column names, fields quoted when they hold `,`, `"` or a newline.
    func renderCSV() -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
        }
        var out = columns.map(field).joined(separator: ",") + "\n"
        for row in rows { out += row.map { field($0.plain) }.joined(separator: ",") + "\n" }
        return out
    }

    /// A JSON array with one object per row, keys in column order.
    func renderJSON() -> String {
        let objects = rows.map { row in
            "  {" + zip(columns, row).map { key, cell in "\(JSONText.string(key)): \(JSONText.value(cell))" }
                .joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: renderText()
        case .csv: renderCSV()
        case .json: renderJSON()
        }
    }
}

/// JSON literals.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func value(_ cell: Table.Cell) -> String {
        switch cell {
        case .text(let s): string(s)
        case .number(let x, let s): x.isFinite ? s : string(s)
        case .absent: "null"
        }
    }
}
