import LossMath

/// `eval --player d`: each game's discriminator (critic) loss at pairs of logits.
extension EvalCommand {
    func runDiscriminator() throws {
        let real = lossParameters.realLogits, fake = fakeLogits ?? []
        let count = max(real.count, fake.count)
        var table = Table(columns: ["loss", "real_logit", "fake_logit", "value", "grad_real", "grad_fake"]
                              + (gradD ? ["grad_real_d", "grad_fake_d"] : []),
                          titles: ["loss", "ℓ_r", "ℓ_f", "L_D", "∂L_D/∂ℓ_r", "∂L_D/∂ℓ_f"] + (gradD ? ["∂L_D/∂D_r", "∂L_D/∂D_f"] : []))
        for game in selection.loss {
            let loss = game.discriminatorLoss(parameters: parameters)
            for i in 0..<count {
                let r = real[real.count == 1 ? 0 : i], f = fake[fake.count == 1 ? 0 : i]
                switch precision {
                case .double:
                    let e = loss.evaluate(realLogit: r, fakeLogit: f)
                    table.rows.append([.text(game.id), .double(r), .double(f), .double(e.value), .double(e.gradientReal), .double(e.gradientFake)]
                                      + (gradD ? [e.gradientRealD.map(Table.Cell.double) ?? .absent, e.gradientFakeD.map(Table.Cell.double) ?? .absent] : []))
                case .float:
                    // The logits rounded to Float, evaluated in Double and each result rounded once.
                    let (rf, ff) = (Float(r), Float(f))
                    let e = loss.evaluate(realLogit: rf, fakeLogit: ff)
                    table.rows.append([.text(game.id), .float(rf), .float(ff), .float(e.value), .float(e.gradientReal), .float(e.gradientFake)]
                                      + (gradD ? [e.gradientRealD.map(Table.Cell.float) ?? .absent, e.gradientFakeD.map(Table.Cell.float) ?? .absent] : []))
                }
            }
        }
        try Output.write(table.render(format))
        if format == .table {
            try Output.write("\n" + ([smoothingNote].compactMap { $0 } + equilibriumNotes).joined(separator: "\n") + "\n")
        }
    }

    /// Where each chosen game's discriminator settles when the generator has won
    /// (``DiscriminatorLoss/equilibrium``), one line per distinct loss.
    var equilibriumNotes: [String] {
        var lines: [String] = [], seen: [DiscriminatorLoss] = []
        for game in selection.loss {
            let loss = game.discriminatorLoss(parameters: parameters)
            guard !seen.contains(loss) else { continue }
            seen.append(loss)
            let games = selection.loss.filter { $0.discriminatorLoss(parameters: parameters) == loss }.map(\.id).joined(separator: ", ")
            let e = loss.equilibrium
            let d = loss.hasProbability ? " (D = \(NumberText.shortest(Double.sigmoid(e.logit))))" : ""
            lines.append("equilibrium of \(games): L_D = \(NumberText.shortest(e.value)) at ℓ_r = ℓ_f = \(NumberText.shortest(e.logit))\(d)")
        }
        return lines
    }

    /// What --smoothing set: t and the real logit where the real half of the loss is least.
    var smoothingNote: String? {
        guard let smoothing else { return nil }
        return "real target t = \(NumberText.shortest(smoothing.realLabel)); the real half of L_D is least at ℓ_r = log(t/(1 − t)) = \(NumberText.shortest(smoothing.optimalRealLogit))"
    }
}
