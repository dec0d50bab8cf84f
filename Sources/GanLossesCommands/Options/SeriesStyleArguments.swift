import ArgumentParser
import LossPlot

/// `--color` and `--dash`: the look of each series, in the order of `--loss`.
struct SeriesStyleArguments: ParsableArguments {
    @Option(name: .customLong("color"), help: ArgumentHelp(
        "Comma-separated colours, one per series in the order of --loss: #RRGGBB or a name (\(SeriesStyleArguments.colorNames.map(\.0).joined(separator: ", "))); an empty item keeps the theme's, such as --color black,#CC3311.",
        valueName: "colors"), transform: SeriesStyleArguments.parseColors)
    var colors: [Color?] = []

    @Option(name: .customLong("dash"), help: ArgumentHelp(
        "Comma-separated line styles, one per series: \(Dash.allCases.map { $0.rawValue.hyphenated }.joined(separator: ", ")); an empty item keeps the theme's, such as --dash solid,dotted.",
        valueName: "styles"), transform: SeriesStyleArguments.parseDashes)
    var dashes: [Dash?] = []

    /// The named colours: the theme's ten, and black and white.
    static let colorNames: [(String, Color)] = zip(["blue", "red", "green", "purple", "orange", "cyan", "ochre", "black",
                                                    "teal", "grey"], Theme.tenColors).map { ($0, $1) }
        + [("white", Color(hex: 0xFFFFFF))]

    /// The styles of `count` series: those given, the theme's for the rest.
    func styles(count: Int) -> [SeriesStyle] {
        (0..<count).map { i in
            SeriesStyle(color: i < colors.count ? colors[i] : nil, dash: i < dashes.count ? dashes[i] : nil)
        }
    }

    /// Throws if more styles are given than there are series.
    func check(seriesCount: Int) throws {
        if colors.count > seriesCount {
            throw ValidationError("--color gives \(colors.count) colours for \(seriesCount) series; give at most one per loss")
        }
        if dashes.count > seriesCount {
            throw ValidationError("--dash gives \(dashes.count) line styles for \(seriesCount) series; give at most one per loss")
        }
    }

    static func parseColors(_ text: String) throws -> [Color?] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
            let item = item.trimmingSpaces.lowercased()
            if item.isEmpty { return nil }
            if let named = colorNames.first(where: { $0.0 == item }) { return named.1 }
            if item.hasPrefix("#"), item.count == 7, let hex = UInt32(item.dropFirst(), radix: 16) { return Color(hex: hex) }
            throw ValidationError("--color: '\(InputText.shown(item))' is not a colour; give #RRGGBB or one of \(colorNames.map(\.0).joined(separator: ", "))")
        }
    }

    static func parseDashes(_ text: String) throws -> [Dash?] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
            let item = item.trimmingSpaces.lowercased()
            if item.isEmpty { return nil }
            guard let dash = Dash.allCases.first(where: { $0.rawValue.hyphenated == item }) else {
                throw ValidationError("--dash: unknown line style '\(InputText.shown(item))'; give one of \(Dash.allCases.map { $0.rawValue.hyphenated }.joined(separator: ", "))")
            }
            return dash
        }
    }

}
