public import ArgumentParser

/// An option whose value is one of a few names (`--x logit`, `--format csv`, `--theme slides`).
/// One rule for all of them, as for loss and figure names: case is ignored (`--x LOGIT`).
public protocol NamedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedArgument {
    public init?(argument: String) {
        guard let value = Self.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else { return nil }
        self = value
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
