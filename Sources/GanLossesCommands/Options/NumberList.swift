import FoundationEssentials
import Glibc
import ArgumentParser

/// Parsing of comma-separated number lists such as `--logit -745,-40,0,40`.
enum NumberList {
    /// The numbers of `text` in order. Accepts what Swift's `Double(_:)` accepts — decimal and
    /// scientific notation, `inf`, `-inf`, `nan` — independent of the locale; rejects empty
    /// items and anything else with a message naming the offending item.
    /// The most numbers one list may hold.
    static let maximumCount = 10_000

    static func parse(_ text: String, name: String) throws -> [Double] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard items.count <= maximumCount else {
            throw ValidationError("\(name) has \(items.count) numbers, more than the limit of \(maximumCount); split the work into several runs")
        }
        guard !(items.count == 1 && items[0].trimmingSpaces.isEmpty) else {
            throw ValidationError("\(name) needs at least one number, such as \(name) -2,0,2")
        }
        return try items.map { item in
            let trimmed = item.trimmingSpaces
            guard !trimmed.isEmpty else {
                throw ValidationError("\(name) has an empty item in '\(InputText.shown(text))'; separate numbers by single commas")
            }
            guard let value = Double(trimmed) else {
                throw ValidationError("'\(InputText.shown(trimmed))' in \(name) is not a number; write numbers like -3.5, 1e-300, inf")
            }
            return value
        }
    }

    /// One number, for options that take a single value.
    static func parseOne(_ text: String, name: String) throws -> Double {
        let trimmed = text.trimmingSpaces
        guard let value = Double(trimmed) else {
            throw ValidationError("'\(InputText.shown(text))' is not a number for \(name); write numbers like -3.5, 1e-300, inf")
        }
        return value
    }
}
