import ArgumentParser
import LossMath

/// `penalty --kind lecam`: LeCam regularization (Tseng et al. 2021) of a batch of outputs, against
/// the anchors α_R and α_F.
extension PenaltyCommand {
    /// λ of LeCam: the released BigGAN CIFAR runs (`--LC 0.3`).
    static let defaultLeCamLambda = 0.3

    func validateLeCam() throws {
        guard norms == nil, gradients == nil, gamma == nil, target == nil else {
            throw ValidationError("--kind lecam regularizes the outputs: give --real-logits, --fake-logits and --anchors, not --norms, --gradients, --gamma or --target")
        }
        guard realLogits != nil, fakeLogits != nil else {
            throw ValidationError("--kind lecam needs the outputs on both sides, such as --real-logits 1.2,0.4 --fake-logits=-1,0.3 --anchors 0.8,-0.6")
        }
        guard let anchors, anchors.count == 2, anchors.allSatisfy(\.isFinite) else {
            throw ValidationError("--anchors takes two finite numbers, α_R,α_F (the moving averages of the mean output on real and on generated samples), such as --anchors 0.8,-0.6")
        }
        if let lambda, !(lambda.isFinite && lambda >= 0) {
            throw ValidationError("--lambda \(NumberText.compact(lambda)) must be a finite number ≥ 0 (the regularizer's weight), such as --lambda 0.3")
        }
    }

    func runLeCam() throws {
        guard let realLogits, let fakeLogits, let anchors else { return }
        let regularizer = LeCamRegularizer(form: twoSided ? .twoSided : .oneSided, anchorReal: anchors[0], anchorFake: anchors[1])
        let lambda = lambda ?? Self.defaultLeCamLambda
        var real: [Double] = [], fake: [Double] = []
        for (source, name, into) in [(realLogits, "--real-logits", 0), (fakeLogits, "--fake-logits", 1)] {
            try source.forEach(name: name) { x, position in
                guard x.isFinite else { throw ValidationError("\(name): \(source.place(position)) is \(NumberText.compact(x)); give finite outputs") }
                if into == 0 { real.append(x) } else { fake.append(x) }
            }
        }
        if perSample {
            var stream = TableStream(columns: ["side", "index", "logit", "grad", "grad_weighted"],
                                     titles: ["side", "i", "ℓ", "∂R/∂ℓ", "∂(λR)/∂ℓ"], widths: [4, 9, 24, 24, 24], format: format)
            for (side, logits) in [("real", real), ("fake", fake)] {
                for (i, x) in logits.enumerated() {
                    let g = side == "real" ? regularizer.gradient(real: x, count: real.count) : regularizer.gradient(fake: x, count: fake.count)
                    try stream.append([.text(side), .number(Double(i), String(i)), .double(x), .double(g), .double(lambda * g)])
                }
            }
            return try stream.finish()
        }
        let r = regularizer.value(real: real, fake: fake)
        var table = Table(columns: ["kind", "real", "fake", "regularizer", "weighted"],
                          titles: ["kind", "m", "n", "R", "λR (added to L_D)"])
        table.rows.append([.text("lecam"), .number(Double(real.count), String(real.count)), .number(Double(fake.count), String(fake.count)),
                           .double(r), .double(lambda * r)])
        try Output.write(table.render(format))
        if format == .table {
            let formula = twoSided ? "mean (ℓ_r − α_F)² + mean (ℓ_f − α_R)² (two-sided, the paper's formula)"
                : "mean max(0, ℓ_r − α_F)² + mean max(0, α_R − ℓ_f)² (one-sided, the released code)"
            try Output.write("""

                R = \(formula), α_R = \(NumberText.compact(anchors[0])), α_F = \(NumberText.compact(anchors[1])), λ = \(NumberText.compact(lambda)).
                The anchors are moving averages of the batch means, α ← d·α + (1 − d)·mean (d = 0.9 in BigGAN's runs, 0.99 in StyleGAN2's).

                """)
        }
    }
}
