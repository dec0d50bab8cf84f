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
        // The relativistic game needs each side's mean first: one more pass over the inputs.
        var means = [0.0, 0.0]
        if selection.loss.contains(.ragan) { means = try LogitSource.means(sources) }
        var accumulators = selection.loss.map {
            BatchAccumulator(game: $0, parameters: parameters, realMean: means[0], fakeMean: means[1])
        }
        try LogitSource.forEachBlock(sources) { blocks in
            let (real, fake) = (blocks[0], blocks[1])
            if !inputsHaveNaN { inputsHaveNaN = real.contains(where: \.isNaN) || fake.contains(where: \.isNaN) }
            for k in accumulators.indices {
                accumulators[k].addReal(real)
                accumulators[k].addFake(fake)
            }
        }
        if perSample { return try writePerSample(accumulators, reduction: reduction) }

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

    /// One row per logit: its side, index, value and the two players' derivatives in it.
    private func writePerSample(_ accumulators: [BatchAccumulator], reduction: Reduction) throws {
        var stream = TableStream(columns: ["loss", "side", "index", "logit", "grad_loss_d", "grad_loss_g"],
                                 titles: ["loss", "side", "i", "ℓ", "∂L_D/∂ℓ", "∂L_G/∂ℓ"],
                                 widths: [9, 4, 9, 24, 24, 24], format: format)
        for accumulator in accumulators {
            let id = Table.Cell.text(accumulator.game.id)
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
