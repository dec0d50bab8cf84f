import ArgumentParser
import LossMath

/// `--real-logit` and `--ls-target`: the parameters of ragan and lsgan.
struct LossParameterOptions: ParsableArguments {
    @Option(name: .customLong("real-logit"), parsing: .unconditional,
            help: ArgumentHelp("The real-sample logit ℓ_r for ragan.", valueName: "x"),
            transform: { try NumberList.parseOne($0, name: "--real-logit") })
    var realLogit: Double = 0

    @Option(name: .customLong("ls-target"), parsing: .unconditional,
            help: ArgumentHelp("The least-squares target c for lsgan.", valueName: "c"),
            transform: { try NumberList.parseOne($0, name: "--ls-target") })
    var leastSquaresTarget: Double = 1

    func validate() throws {
        guard !realLogit.isNaN else { throw ValidationError("--real-logit must be a number, not nan") }
        guard leastSquaresTarget.isFinite else {
            throw ValidationError("--ls-target must be a finite number, such as --ls-target 1")
        }
    }

    var parameters: LossParameters {
        LossParameters(leastSquaresTarget: leastSquaresTarget, realLogit: realLogit)
    }
}
