import ArgumentParser
import FoundationEssentials
import Glibc

/// The `gan-losses` command: the root only lists the subcommands.
@main
struct GanLosses: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gan-losses",
        abstract: "Analyse the loss functions of generative adversarial networks.",
        discussion: """
            Every loss is written in terms of the discriminator's logit ℓ on a generated sample, \
            with D = σ(ℓ) = D(G(z)), and evaluated stably in Double and Float. Derivatives come in \
            closed form, are checked against automatic differentiation and a 60-digit reference.

            Start with `gan-losses list`, then `gan-losses eval --loss minimax,nonsat --d 0.001`.
            """,
        version: "0.1.0",
        subcommands: [ListCommand.self, EvalCommand.self, CheckCommand.self, PlotCommand.self, FiguresCommand.self,
                      SimulateCommand.self, BenchCommand.self]
    )

    /// Runs the command; a usage error is reported on one line of standard error (what was wrong
    /// and how to fix it, without ArgumentParser's usage block) with exit status 64.
    static func main() {
        Output.ignoreBrokenPipe()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error)  // --help, --version, and failures already reported
            }
            let message = fullMessage(for: error)
            let firstLine = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
            Output.error(firstLine.hasPrefix("Error:") ? firstLine : "Error: \(firstLine)")
            Glibc.exit(code.rawValue)
        }
    }
}
