import ArgumentParser
import LossMath
import LossPlot

/// `gan-losses list`: the catalog of generator losses.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every generator loss with its formula, gradient and limits.",
        discussion: """
            ℓ is the discriminator's logit on a generated sample and D = σ(ℓ) = D(G(z)). \
            The two last columns say what ∂L/∂ℓ does as D → 0 (the discriminator rejects the \
            sample: the generator most needs a gradient) and as D → 1.
            """)

    @Option(help: "Output format: \(OutputFormat.allValueStrings.joined(separator: ", ")).")
    var format: OutputFormat = .table

    func run() throws {
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
        try Output.write(table.render(format))
        if format == .table {
            try Output.write("\nℓ_r: the logit on a real sample (--real-logit, default 0); c: the least-squares target (--ls-target, default 1).\n")
        }
    }

    /// The catalog's LaTeX formulas as one line of Unicode, joined by " = " (the D form first).
    static func text(_ formulas: String?...) -> String {
        formulas.compactMap { $0 }.map { MathText.unicodeText("$\($0)$") }.joined(separator: " = ")
    }
}
