import ArgumentParser
import LossMath

/// `eval --batch`: each game's objectives over batches of real and generated logits.
extension EvalCommand {
    func runBatch() throws {
        guard let realBatch, let fakeBatch else { return }
        let reduction = reduction.reduction
        var inputsHaveNaN = false
        // Both sides in one pass when they are columns of one file (LogitSource.forEachBlock).
        let sources = [(realBatch, "--real-logits"), (fakeBatch, "--fake-logits")]
        // The relativistic average games need each side's mean first: one more pass over the inputs.
        var means = [0.0, 0.0]
        if selection.loss.contains(where: { $0.relativistic?.comparesWithMean == true }) { means = try LogitSource.means(sources) }
        var accumulators = selection.loss.map {
            BatchAccumulator(game: $0, parameters: parameters, realMean: means[0], fakeMean: means[1])
        }
        // RSGAN pairs real sample i with generated sample i: it holds both sides to pair them.
        var pairs: (real: [Double], fake: [Double])? = selection.loss.contains(.rsgan) ? ([], []) : nil
        try LogitSource.forEachBlock(sources) { blocks in
            let (real, fake) = (blocks[0], blocks[1])
            if !inputsHaveNaN { inputsHaveNaN = real.contains(where: \.isNaN) || fake.contains(where: \.isNaN) }
            pairs?.real += real
            pairs?.fake += fake
            for k in accumulators.indices where !accumulators[k].pairsSamples {
                accumulators[k].addReal(real)
                accumulators[k].addFake(fake)
            }
        }
        if let pairs {
            guard pairs.real.count == pairs.fake.count else {
                throw ValidationError("rsgan pairs real sample i with generated sample i: give as many real logits as generated (m = \(pairs.real.count), n = \(pairs.fake.count)), or leave out rsgan")
            }
            for k in accumulators.indices where accumulators[k].pairsSamples {
                pairs.real.withUnsafeBufferPointer { r in
                    pairs.fake.withUnsafeBufferPointer { f in accumulators[k].addPairs(real: r, fake: f) }
                }
            }
        }
        if perSample { return try writePerSample(accumulators, reduction: reduction, pairs: pairs) }

        var table = Table(columns: ["loss", "quantity", "value"])
        for accumulator in accumulators {
            guard let o = accumulator.objectives(reduction: reduction, weights: weight ?? .unit) else { continue }
            var quantities = [("L_D", o.discriminator), ("L_G", o.generator)]
            if let v = o.value { quantities.append(("V", v)) }
            for (name, value) in quantities {
                if value.isNaN && !inputsHaveNaN {
                    throw ValidationError("\(name) of \(accumulator.game.id) is undefined (NaN) for these logits: infinite logits make ∞ − ∞; give finite logits")
                }
                table.rows.append([.text(accumulator.game.id), .text(name), .double(value)])
            }
        }
        try Output.write(table.render(format))
        if format == .table {
            var lines = ["", "m = \(accumulators[0].realCount) real and n = \(accumulators[0].fakeCount) generated logits, reduced by their \(reduction.rawValue)."]
            if reduction == .mean && accumulators.contains(where: { $0.game.hasValueFunction }) {
                lines.append("V(D, G) = mean log D(x) + mean log(1 − D(G(z))); at the equilibrium D = ½ it is −log 4 ≈ −1.386 and L_D = log 4.")
            }
            if let weight { lines.append("Weighted: real half × \(NumberText.shortest(weight.real)), generated half × \(NumberText.shortest(weight.fake)) (V is not weighted).") }
            if let note = smoothingNote { lines.append(note) }
            if reduction == .mean && weight == nil { lines += equilibriumNotes }
            try Output.write(lines.joined(separator: "\n") + "\n")
        }
    }

    /// One row per logit: its side, index, value and the two players' derivatives in it (for RSGAN
    /// from its pair, `pairs`).
    private func writePerSample(_ accumulators: [BatchAccumulator], reduction: Reduction,
                                pairs: (real: [Double], fake: [Double])?) throws {
        var stream = TableStream(columns: ["loss", "side", "index", "logit", "grad_loss_d", "grad_loss_g"],
                                 titles: ["loss", "side", "i", "ℓ", "∂L_D/∂ℓ", "∂L_G/∂ℓ"],
                                 widths: [9, 4, 9, 24, 24, 24], format: format)
        for accumulator in accumulators {
            let id = Table.Cell.text(accumulator.game.id)
            if accumulator.pairsSamples, let pairs {
                let g = zip(pairs.real, pairs.fake).map { accumulator.gradients(pair: $0, fake: $1, reduction: reduction) }
                for (side, logits) in [("real", pairs.real), ("fake", pairs.fake)] {
                    for (i, l) in logits.enumerated() {
                        let d = side == "real" ? g[i].real : g[i].fake
                        try stream.append([id, .text(side), .number(Double(i), String(i)), .double(l), .double(d.discriminator), .double(d.generator)])
                    }
                }
                continue
            }
            var index = 0
            try realBatch?.forEach(name: "--real-logits") { r in
                let g = accumulator.gradients(real: r, reduction: reduction, weights: weight ?? .unit)
                try stream.append([id, .text("real"), .number(Double(index), String(index)), .double(r), .double(g.discriminator), .double(g.generator)])
                index += 1
            }
            index = 0
            try fakeBatch?.forEach(name: "--fake-logits") { f in
                let g = accumulator.gradients(fake: f, reduction: reduction, weights: weight ?? .unit)
                try stream.append([id, .text("fake"), .number(Double(index), String(index)), .double(f), .double(g.discriminator), .double(g.generator)])
                index += 1
            }
        }
        try stream.finish()
    }
}
