import Dynamics
import LossPlot

/// The Markdown table of `simulate ring --table` (and of docs/mode-collapse.md): per objective,
/// the modes covered and the share of samples within 3σ of a mode at the last step (mean, range,
/// and each seed's value), and the share of snapshots with at most three modes.
struct RingTable {
    var summary: RingSummary

    init(_ summary: RingSummary) { self.summary = summary }

    var markdown: String {
        guard let first = summary.rows.first else { return "" }
        let seeds = first.seeds.map(String.init).joined(separator: ", ")
        var lines = [
            "| objective | modes covered at the end (of \(summary.modes)): mean, per seed | samples within 3σ at the end: mean, per seed | snapshots with ≤ 3 modes |",
            "|---|---|---|---|",
        ]
        for row in summary.rows {
            let meanModes = Double(row.finalModes.reduce(0, +)) / Double(row.finalModes.count)
            let meanShare = row.finalShares.reduce(0, +) / Double(row.finalShares.count)
            lines.append("| \(row.objective.rawValue) | \(String(cFormat: "%.1f", meanModes)): \(row.finalModes.map(String.init).joined(separator: ", "))"
                         + " | \(Self.percent(meanShare)): \(row.finalShares.map(Self.percent).joined(separator: ", "))"
                         + " | \(Self.percent(row.fewModesShare)) |")
        }
        lines.append("")
        lines.append("Seeds \(seeds); \(RingComparison.recordedSteps(of: first.stepCount).count) snapshots per run.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One decimal, so that 69.96% does not pass for 70%.
    static func percent(_ x: Double) -> String { String(cFormat: "%.1f%%", x * 100) }
}
