import ArgumentParser
import LossMath
import LossPlot

/// `gan-losses list`: the catalog, one player at a time.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the games' losses, the generator's or the discriminator's, with formulas and limits.",
        discussion: """
            A loss id names a game with two players. --player g (the default) lists the generator \
            losses: ℓ is the discriminator's logit on a generated sample and D = σ(ℓ) = D(G(z)); \
            the two last columns say what ∂L/∂ℓ does as D → 0 (the discriminator rejects the \
            sample: the generator most needs a gradient) and as D → 1. The costs share one scale: \
            none carries the factor ½ that Goodfellow's tutorial puts in front of each (maxlik is \
            −e^ℓ, not −½e^ℓ).

            --player d lists each game's discriminator (critic) loss on a real sample's logit ℓ_r \
            and a generated sample's ℓ_f, its partial derivatives, and where it settles when the \
            generator has won (both samples alike): the logit ℓ* and L_D there, such as \
            2 log 2 ≈ 1.386 for BCE at D = ½, which is the equilibrium and not a stuck discriminator.

            --format markdown and --format latex print the tables of the catalog and of the \
            literature, written from the catalog: the generator and discriminator losses, f-GAN's \
            Tables 1 and 2 (Nowozin et al. 2016: each divergence's f, optimal T*, output \
            activation g_f and conjugate f*, and the loss terms they give on the raw output v), \
            and each game's L_D and L_G as expectations, in the style of Lucic et al. (2018, \
            Table 1). docs/losses.md includes the Markdown.

            Examples:
              gan-losses list
              gan-losses list --player d --format csv
              gan-losses list --format latex > tables.tex
            """)

    @Option(help: ArgumentHelp("The player: g (generator) or d (discriminator or critic).", valueName: "g|d"))
    var player: EvalCommand.Player = .g

    @Option(help: "Output format: table, csv, json (the --player's catalog), or markdown, latex (every table of the catalog and the literature).")
    var format: ListFormat = .table

    /// `--format`: the shared formats, or the literature's tables.
    enum ListFormat: String, NamedArgument {
        case table, csv, json, markdown, latex

        var output: OutputFormat? {
            switch self {
            case .table: .table
            case .csv: .csv
            case .json: .json
            case .markdown, .latex: nil
            }
        }
    }

    func run() throws {
        switch (format, player) {
        case (.markdown, _): try Output.write(CatalogTables.markdown())
        case (.latex, _): try Output.write(CatalogTables.latex())
        case (_, .g): try listGenerators()
        case (_, .d): try listDiscriminators()
        }
    }

    private func listGenerators() throws {
        var table = Table(
            columns: ["id", "aliases", "name", "loss", "grad_logit", "grad_d", "grad_logit_as_d_to_0", "grad_logit_as_d_to_1"],
            titles: ["id", "aliases", "name", "L", "∂L/∂ℓ", "∂L/∂D", "∂L/∂ℓ as D → 0", "∂L/∂ℓ as D → 1"])
        for loss in GeneratorLoss.allCases {
            table.rows.append([
                .text(loss.id), .text(loss.aliases.joined(separator: " ")), .text(loss.title),
                .text(Self.text(loss.latexFormulaInD, loss.latexFormula(parameters: nil))),
                .text(Self.text(loss.latexGradientLogitFormula(parameters: nil))),
                loss.latexGradientDFormula.map { .text(Self.text($0)) } ?? .absent,
                .text(loss.gradientAsDToZero.behaviour), .text(loss.gradientAsDToOne.behaviour),
            ])
        }
        try Output.write(table.render(format.output ?? .table))
        if format == .table {
            try Output.write("""

                One scale: no cost carries a factor ½ (Goodfellow's NIPS 2016 tutorial writes ½ in front of each, \
                −½ log D, ½ log(1 − D), −½e^ℓ); least squares keeps the ½ of its formula, (ℓ − c)²/2.
                ℓ_r: the logit on a real sample (--real-logit, default 0); c: the least-squares target (--ls-target, default 1).
                Relativistic (Jolicoeur-Martineau 2018): one pair; the Ra… games are the paper's sums of two terms, twice \
                RSGAN's form, and the author's code takes their mean (half). ragan is rasgan under its first id.

                """)
        }
    }

    private func listDiscriminators() throws {
        var table = Table(
            columns: ["game", "name", "loss", "grad_real", "grad_fake", "has_d", "equilibrium_logit", "equilibrium_value"],
            titles: ["game", "discriminator", "L_D", "∂L_D/∂ℓ_r", "∂L_D/∂ℓ_f", "D", "ℓ*", "L_D at ℓ*"])
        for game in GeneratorLoss.allCases {
            let loss = game.discriminatorLoss()
            let (l, value) = loss.equilibrium
            table.rows.append([
                .text(game.id), .text(loss.title),
                .text(Self.text(loss.latexFormulaInD(symbolic: true), loss.latexFormula(symbolic: true))),
                .text(Self.text(loss.latexGradientRealFormula(symbolic: true))),
                .text(Self.text(loss.latexGradientFakeFormula(symbolic: true))),
                .text(loss.hasProbability ? "σ(ℓ)" : "none (critic)"), .double(l), .double(value),
            ])
        }
        try Output.write(table.render(format.output ?? .table))
        if format == .table {
            try Output.write("""

                ℓ_r, ℓ_f: the discriminator's logits on a real and a generated sample; D_r = σ(ℓ_r), D_f = σ(ℓ_f).
                lsgan's targets a = 0, b = 1 (--ls-targets); label smoothing (eval --smoothing) turns BCE's real target 1 into t.
                ℓ*, L_D at ℓ*: where L_D settles once generated and real samples are alike (the generator has won).

                """)
        }
    }

    /// The catalog's LaTeX formulas as one line of Unicode, joined by " = " (the D form first).
    static func text(_ formulas: String?...) -> String {
        formulas.compactMap { $0 }.map { MathText.unicodeText("$\($0)$") }.joined(separator: " = ")
    }
}
