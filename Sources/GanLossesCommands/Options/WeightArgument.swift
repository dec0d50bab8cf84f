import ArgumentParser
import LossMath

/// `--weight`: the weights of the real and generated halves of the batch objectives
/// (``SideWeights``, TF-GAN's `real_weights` and `generated_weights`): `0.5` weights both sides,
/// `real:2`, `fake:0.5` or `real:2,fake:0.5` one or each. Weights are finite and at least 0.
enum WeightArgument {
    static func parse(_ text: String) throws -> SideWeights {
        let example = "write w (both sides), real:w, fake:w or real:w,fake:w, such as real:1,fake:0.5"
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        var weights = SideWeights()
        var named: Set<String> = []
        for part in parts {
            let pair = part.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            let side = pair.count == 2 ? pair[0].lowercased() : nil
            let w = try NumberList.parseOne(pair.last ?? "", name: "--weight")
            guard w.isFinite, w >= 0 else {
                throw ValidationError("--weight \(InputText.shown(text)): \(NumberText.shortest(w)) is not a weight; weights are finite and at least 0")
            }
            switch side {
            case nil where parts.count == 1: weights = SideWeights(real: w, fake: w)
            case "real"? where !named.contains("real"): weights.real = w
            case "fake"? where !named.contains("fake"): weights.fake = w
            default: throw ValidationError("--weight \(InputText.shown(text)): \(example)")
            }
            if let side { named.insert(side) }
        }
        return weights
    }
}
