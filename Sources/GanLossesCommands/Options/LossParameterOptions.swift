import ArgumentParser
import LossMath

/// `--real-logit`, `--ls-target`, `--ls-targets` and `--margin`: the parameters of the relativistic
/// games, lsgan and ebgan.
struct LossParameterOptions: ParsableArguments {
    @Option(name: .customLong("real-logit"), parsing: .unconditional,
            help: ArgumentHelp("The real-sample logit ℓ_r: one value for a relativistic generator (rsgan, rasgan, ralsgan, rahinge, ragan); with --player d, comma-separated logits ℓ_r, one per pair.", valueName: "x,..."),
            transform: { try NumberList.parse($0, name: "--real-logit") })
    var realLogits: [Double] = [0]

    @Option(name: .customLong("ls-target"), parsing: .unconditional,
            help: ArgumentHelp("The least-squares target c of lsgan's generator, ½ (ℓ − c)².", valueName: "c"),
            transform: { try NumberList.parseOne($0, name: "--ls-target") })
    var leastSquaresTarget: Double = 1

    @Option(name: .customLong("ls-targets"), parsing: .unconditional,
            help: ArgumentHelp("The targets a,b of lsgan's discriminator, ½ (ℓ_r − b)² + ½ (ℓ_f − a)².", valueName: "a,b"),
            transform: { try NumberList.parse($0, name: "--ls-targets") })
    var discriminatorTargets: [Double] = [0, 1]

    @Option(name: .customLong("margin"), parsing: .unconditional,
            help: ArgumentHelp("EBGAN's margin m > 0: its discriminator charges generated samples with energy below m, max(0, m − ℓ_f) (default 1).", valueName: "m"),
            transform: { try NumberList.parseOne($0, name: "--margin") })
    var margin: Double = 1

    func validate() throws {
        guard !realLogits.contains(where: \.isNaN) else { throw ValidationError("--real-logit must be a number, not nan") }
        guard leastSquaresTarget.isFinite else {
            throw ValidationError("--ls-target must be a finite number, such as --ls-target 1")
        }
        guard margin.isFinite && margin > 0 else {
            throw ValidationError("--margin \(NumberText.compact(margin)) must be a finite number > 0 (EBGAN's margin m), such as --margin 1")
        }
        guard discriminatorTargets.count == 2, discriminatorTargets.allSatisfy(\.isFinite) else {
            throw ValidationError("--ls-targets takes two finite numbers a,b (fake and real targets), such as --ls-targets 0,1")
        }
    }

    /// ℓ_r as one number, for the generator side; throws for a list.
    func singleRealLogit() throws -> Double {
        guard realLogits.count == 1 else {
            throw ValidationError("--real-logit takes one value for the generator (a relativistic game's ℓ_r); lists of real logits are for --player d")
        }
        return realLogits[0]
    }

    /// The parameters, ℓ_r the first real logit and t the real target given.
    func parameters(realLabel: Double = 1) -> LossParameters {
        LossParameters(leastSquaresTarget: leastSquaresTarget, realLogit: realLogits[0],
                       leastSquaresFakeTarget: discriminatorTargets[0], leastSquaresRealTarget: discriminatorTargets[1],
                       realLabel: realLabel, margin: margin)
    }
}
