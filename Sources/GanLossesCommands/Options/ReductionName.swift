import ArgumentParser
import LossMath

/// `--reduction mean|sum` (`eval --batch`, `penalty`): LossMath's ``Reduction`` by name.
enum ReductionName: String, NamedArgument {
    case mean, sum
    var reduction: Reduction { self == .mean ? .mean : .sum }
}
