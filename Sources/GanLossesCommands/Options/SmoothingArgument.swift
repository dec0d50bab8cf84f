import ArgumentParser
import LossMath

/// `--smoothing`: one-sided label smoothing of the BCE discriminator, as the real target t or in
/// a library's own words (``LabelSmoothing``): `0.9`, `tfgan:0.25` (t = 1 − ls/2 = 0.875),
/// `torchgan:0.1` (t = 1 − ls = 0.9).
enum SmoothingArgument {
    static func parse(_ text: String) throws -> LabelSmoothing {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        let smoothing: LabelSmoothing
        switch parts.count == 2 ? parts[0].lowercased() : nil {
        case nil: smoothing = .target(try NumberList.parseOne(parts[0], name: "--smoothing"))
        case "tfgan": smoothing = .tfgan(try NumberList.parseOne(parts[1], name: "--smoothing tfgan:"))
        case "torchgan": smoothing = .torchgan(try NumberList.parseOne(parts[1], name: "--smoothing torchgan:"))
        case let library?:
            throw ValidationError("--smoothing \(InputText.shown(text)): unknown library '\(InputText.shown(library))'; write a target t such as 0.9, tfgan:0.25 or torchgan:0.1")
        }
        let amount: Double
        switch smoothing {
        case .target(let t): amount = t
        case .tfgan(let ls), .torchgan(let ls): amount = ls
        }
        guard amount >= 0 && amount <= 1 else {
            throw ValidationError("--smoothing \(InputText.shown(text)) is outside [0, 1]; a target t or a smoothing amount ls lies in [0, 1]")
        }
        return smoothing
    }
}
