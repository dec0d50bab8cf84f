/// The ring experiment over several seeds, per objective: the measures at the last step, and how
/// often the generator covered few modes along the way (the table of docs/mode-collapse.md).
public struct RingSummary: Sendable {
    public struct Row: Sendable {
        public var objective: RingGAN.Objective
        /// The seeds, in order.
        public var seeds: [UInt64]
        /// Modes covered at the last step, per seed.
        public var finalModes: [Int]
        /// The share of samples within 3σ of a mode at the last step, per seed.
        public var finalShares: [Double]
        /// The share of all recorded snapshots (every seed) with at most 3 modes covered.
        public var fewModesShare: Double
        /// The largest number of modes covered at any snapshot, per seed.
        public var mostModes: [Int]
        /// The generator steps of each run.
        public var stepCount: Int
    }

    public var rows: [Row]
    /// The number of modes of the data.
    public var modes: Int

    /// `runs[k]` holds one seed's trainings, the objectives in the same order in every run.
    public init(runs: [[RingComparison.Training]]) {
        modes = runs.first?.first?.model.data.centers.count ?? 0
        guard let first = runs.first else { rows = []; return }
        rows = first.indices.map { i in
            let trainings = runs.map { $0[i] }
            let snapshots = trainings.flatMap(\.snapshots)
            return Row(objective: first[i].objective, seeds: trainings.map(\.model.seed),
                       finalModes: trainings.map { $0.snapshots.last?.coverage.modesCovered ?? 0 },
                       finalShares: trainings.map { $0.snapshots.last?.coverage.highQualityShare ?? 0 },
                       fewModesShare: Double(snapshots.filter { $0.coverage.modesCovered <= 3 }.count) / Double(max(snapshots.count, 1)),
                       mostModes: trainings.map { $0.snapshots.map(\.coverage.modesCovered).max() ?? 0 },
                       stepCount: first[i].model.steps)
        }
    }
}
