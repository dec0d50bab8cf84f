import FoundationEssentials
import Glibc
import ArgumentParser
import LossMath

/// `--loss <ids>`: a comma-separated list of generator losses, by id or alias.
struct LossSelection: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Comma-separated loss ids or aliases, or all (every game once): \(GeneratorLoss.allCases.map(\.id).joined(separator: ", ")).",
            discussion: "Aliases such as mm, ns, modified, ls, wasserstein are accepted; case is ignored.",
            valueName: "ids"),
        transform: LossSelection.parse)
    var loss: [GeneratorLoss]

    /// Parses `minimax,NS,ls` into losses in the order given (duplicates dropped).
    static func parse(_ text: String) throws -> [GeneratorLoss] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !names.allSatisfy({ $0.trimmingSpaces.isEmpty }) else {
            throw ValidationError("the loss list is empty; give one or more of: \(validIDs), or all")
        }
        var losses: [GeneratorLoss] = []
        for name in names {
            if name.trimmingSpaces.lowercased() == "all" {
                // Every game once: ragan is rasgan under its first id.
                losses += GeneratorLoss.allCases.filter { $0 != .ragan && !losses.contains($0) }
                continue
            }
            guard let loss = GeneratorLoss(id: name) else {
                let shown = name.isEmpty ? "an empty name" : "'\(InputText.shown(name))'"
                throw ValidationError("unknown loss \(shown); valid ids: \(validIDs) (see `gan-losses list` for aliases)")
            }
            if !losses.contains(loss) { losses.append(loss) }
        }
        return losses
    }

    static var validIDs: String { GeneratorLoss.allCases.map(\.id).joined(separator: ", ") }
}
