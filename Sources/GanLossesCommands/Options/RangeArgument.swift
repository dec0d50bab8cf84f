import ArgumentParser
import FoundationEssentials
import Glibc

/// `lo:hi`, as in `--x-range -10:10` or `--y-range 1e-12:1`.
enum RangeArgument {
    static func parse(_ text: String, name: String) throws -> ClosedRange<Double> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw ValidationError("\(name) takes lo:hi, such as \(name) -10:10")
        }
        let lo = try NumberList.parseOne(String(parts[0]), name: name)
        let hi = try NumberList.parseOne(String(parts[1]), name: name)
        guard lo.isFinite, hi.isFinite else {
            throw ValidationError("\(name) \(InputText.shown(text)) must have finite ends, such as \(name) -10:10")
        }
        guard lo < hi else {
            throw ValidationError("\(name) \(InputText.shown(text)) is empty or reversed; give lo < hi, such as \(name) -10:10")
        }
        return lo...hi
    }
}
