import ArgumentParser
import LossPlot

/// `--legend`: where a figure's legend goes, in matplotlib's words with hyphens.
struct LegendArgument: ExpressibleByArgument, Equatable {
    var placement: LegendPlacement

    /// best, none, outside, or a position: upper-right, upper-left, lower-left, lower-right,
    /// right, center-left, center-right, lower-center, upper-center, center.
    init?(argument: String) {
        switch argument.lowercased() {
        case "best": placement = .best
        case "none": placement = .none
        case "outside": placement = .outside
        default:
            guard let location = LegendLocation.allCases.first(where: { $0.rawValue.hyphenated == argument.lowercased() }) else {
                return nil
            }
            placement = .fixed(location)
        }
    }

    init(_ placement: LegendPlacement) { self.placement = placement }

    /// `--legend`'s value, or a usage error listing the values on one line.
    static func parse(_ text: String) throws -> LegendArgument {
        guard let argument = LegendArgument(argument: text.trimmingSpaces) else {
            throw ValidationError("--legend \(InputText.shown(text)) is not a place; give \(allValueStrings.joined(separator: ", "))")
        }
        return argument
    }


    static var allValueStrings: [String] { ["best", "none", "outside"] + LegendLocation.allCases.map(\.rawValue.hyphenated) }

    var defaultValueDescription: String {
        switch placement {
        case .best: "best"
        case .none: "none"
        case .outside: "outside"
        case .fixed(let location): location.rawValue.hyphenated
        }
    }
}
