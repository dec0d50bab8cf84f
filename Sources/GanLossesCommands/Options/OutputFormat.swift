import ArgumentParser

/// `--format`: how a command prints its results.
enum OutputFormat: String, NamedArgument {
    /// Aligned columns for people.
    case table
    /// Comma-separated values with a header row, numbers in shortest round-trip form.
    case csv
    /// A JSON array of objects; non-finite numbers as the strings "inf", "-inf", "nan".
    case json
}
