import ArgumentParser
import Dispatch
import FoundationEssentials
import Glibc
import LossMath
import LossPlot

/// `gan-losses bench`: times the batch evaluation of losses and their derivatives.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time loss + derivative over N random logits; print the median ns per element.",
        discussion: """
            Draws N logits uniformly from [−20, 20] (seed 1), evaluates value and ∂L/∂ℓ of each \
            loss over all of them with the batch API (into preallocated buffers), R times, and \
            prints the median time per element. Build in release (`make release`) before \
            measuring; a debug build is many times slower.
            """)

    @Option(name: .long, help: ArgumentHelp("Comma-separated loss ids or aliases (default: minimax,nonsat).", valueName: "ids"),
            transform: LossSelection.parse)
    var loss: [GeneratorLoss] = [.minimax, .nonsat]

    @Option(parsing: .unconditional, help: "Logits per repetition (1000 to 100000000).")
    var n = 10_000_000

    @Option(parsing: .unconditional, help: "Repetitions; the median is reported (1 to 1000).")
    var reps = 5

    @Option(help: "Output format: table or csv (header loss,n,ns_per_element).")
    var format: BenchFormat = .table

    enum BenchFormat: String, NamedArgument { case table, csv }

    func validate() throws {
        guard (1000...100_000_000).contains(n) else { throw ValidationError("--n \(n) is outside 1000 to 100000000") }
        guard (1...1000).contains(reps) else { throw ValidationError("--reps \(reps) is outside 1 to 1000") }
    }

    func run() throws {
        var generator = SeededGenerator(seed: 1)
        let logits = (0..<n).map { _ in -20 + 40 * generator.uniform() }
        // Two separate buffers (a copy of one array would share its storage until the first write).
        var values = [Double](repeating: 0, count: n)
        var gradients = [Double](repeating: 0, count: n)
        var table = Table(columns: ["loss", "n", "ns_per_element"], titles: ["loss", "n", "ns per element (median)"])
        for loss in loss {
            var times: [Double] = []
            for _ in 0..<reps {
                let start = DispatchTime.now().uptimeNanoseconds
                loss.evaluate(logits: logits, values: &values, gradients: &gradients)
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                times.append(Double(elapsed) / Double(n))
            }
            let median = times.sorted()[times.count / 2]
            // Use the results, so the work cannot be optimized away.
            if values[n / 2].isNaN || gradients[n / 2].isNaN { throw ExitCode.failure }
            table.rows.append([.text(loss.id), .number(Double(n), String(n)),
                               .number(median, String(cFormat: "%.3f", median))])
        }
        try Output.write(format == .csv ? table.renderCSV() : table.renderText())
    }
}
