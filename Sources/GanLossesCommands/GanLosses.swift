import LossPlotCairo
public import ArgumentParser
import Glibc

/// The `gan-losses` command: the root only lists the subcommands.
public struct GanLosses: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gan-losses",
        abstract: "Analyse the loss functions of generative adversarial networks.",
        discussion: """
            Every loss is written in terms of the discriminator's logit ℓ on a generated sample, \
            with D = σ(ℓ) = D(G(z)), and evaluated stably in Double and Float. Derivatives come in \
            closed form, are checked against automatic differentiation and a 60-digit reference.

            Start with `gan-losses list`, then `gan-losses eval --loss minimax,nonsat --d 0.001`.
            """,
        version: "0.1.0",
        subcommands: [ListCommand.self, EvalCommand.self, PenaltyCommand.self, CheckCommand.self, AuditCommand.self, PlotCommand.self,
                      FiguresCommand.self, SimulateCommand.self, DistancesCommand.self, ServeCommand.self, BenchCommand.self]
    )

    public init() {}

    /// Runs `gan-losses`.
    public static func main() { run(GanLosses.self) }

    /// Runs the program whose root command is `root` (`gan-losses`, or the explorer's server).
    /// Help and version go to standard output (a failed write is an error like any other); an
    /// error is one line on standard error, with the user's input in it escaped and bounded
    /// (``InputText``), and exit status 64 for a usage error, 1 for a failure.
    public static func run(_ root: any ParsableCommand.Type) -> Never {
        Output.occupyClosedStandardDescriptors()
        Output.ignoreBrokenPipe()
        PendingFile.installHandlers()
        MemoryBudget.prepareForLimit()
        let arguments = RawArguments.decoded()
        do {
            var command = try root.parseAsRoot(arguments)
            try command.run()
            Glibc.exit(0)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {
                do { try Output.write(root.fullMessage(for: error) + "\n") } catch let failure {
                    report(failure, arguments: arguments, root: root)
                    Glibc.exit(ExitCode.failure.rawValue)
                }
                Glibc.exit(0)
            }
            if error is ExitCode { Glibc.exit(code.rawValue) }  // already reported
            report(error, arguments: arguments, root: root)
            Glibc.exit(code.rawValue)
        }
    }

    /// The error's first line on standard error, every argument that needs it shown escaped and
    /// bounded (ArgumentParser's messages quote arguments whole).
    static func report(_ error: Error, arguments: [String], root: any ParsableCommand.Type = GanLosses.self) {
        let line = message(for: error, arguments: arguments, root: root)
        Output.error(line.hasPrefix("Error:") ? line : "Error: \(line)")
    }

    /// The error's first line as ``report(_:arguments:root:)`` prints it, without its "Error: ":
    /// what the command line and the explorer (HTTP 400) say of bad input.
    static func message(for error: Error, arguments: [String], root: any ParsableCommand.Type = GanLosses.self) -> String {
        var message = root.fullMessage(for: error)
        let echoed = arguments.flatMap { argument -> [String] in
            guard let equals = argument.firstIndex(of: "="), argument.hasPrefix("-") else { return [argument] }
            return [argument, String(argument[argument.index(after: equals)...])]
        }
        for argument in Set(echoed).filter(InputText.needsEscaping).sorted(by: { $0.count > $1.count }) {
            message = message.replacing(argument, with: InputText.shown(argument))
        }
        let lines = message.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        var firstLine = lines.first ?? message
        // ArgumentParser lists more than a few values one per line ("one of the following:",
        // then "- 'a'" lines): they are joined into the one line, as it writes a short list.
        if firstLine.hasSuffix("one of the following:") {
            let values = lines.dropFirst().map { $0.drop { $0 == " " } }.prefix { $0.hasPrefix("- ") }
                .map { value in value.dropFirst(2).hasPrefix("'") ? String(value.dropFirst(2)) : "'\(value.dropFirst(2))'" }
            if let last = values.last {
                firstLine = String(firstLine.dropLast("the following:".count)) + values.dropLast().joined(separator: ", ") + " or " + last
            }
        }
        return firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst("Error: ".count)) : firstLine
    }
}
