import ArgumentParser

/// The `gan-losses` command: the root only lists the subcommands.
@main
struct GanLosses: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gan-losses",
        abstract: "Analyse the loss functions of generative adversarial networks.",
        discussion: """
            Every loss is written in terms of the discriminator's logit ℓ on a generated sample,
            with D = σ(ℓ) = D(G(z)), and evaluated stably in Double and Float. Derivatives come in
            closed form, are checked against automatic differentiation and a 60-digit reference.

            Start with `gan-losses list`, then `gan-losses eval --loss minimax,nonsat --d 0.001`.
            """,
        version: "0.1.0",
        subcommands: [ListCommand.self, EvalCommand.self, CheckCommand.self]
    )
}
