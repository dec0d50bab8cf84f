import Dispatch
import Synchronization

/// The mode-collapse experiment of `gan-losses simulate mixture` and of the `mode-collapse`
/// figure: each objective trained on the same mixture, the generator's samples recorded at
/// regular steps and at the four steps the figure shows.
public struct MixtureComparison: Sendable {
    /// One objective's training: a snapshot at every recorded step.
    public struct Training: Sendable {
        public var objective: MixtureGAN.Objective
        /// The trained model's settings (for its mode centres and widths).
        public var model: MixtureGAN
        public var snapshots: [MixtureGAN.Snapshot]

        /// The snapshots at ``MixtureComparison/figureSteps(of:)``, in order.
        public var figureSnapshots: [MixtureGAN.Snapshot] {
            let steps = MixtureComparison.figureSteps(of: model.steps)
            return snapshots.filter { steps.contains($0.step) }
        }
    }

    public var objectives: [MixtureGAN.Objective]
    public var steps: Int
    /// nil: each objective's default.
    public var learningRate: Double?
    public var seed: UInt64?

    public init(objectives: [MixtureGAN.Objective] = MixtureGAN.Objective.allCases, steps: Int = 2000,
                learningRate: Double? = nil, seed: UInt64? = nil) {
        self.objectives = objectives; self.steps = steps; self.learningRate = learningRate; self.seed = seed
    }

    /// The steps the figure shows for a run of `steps`: ⅛, ¼, ½ and all of it.
    public static func figureSteps(of steps: Int) -> [Int] {
        [steps / 8, steps / 4, steps / 2, steps].map { max($0, 1) }
    }

    /// Step 0, every twentieth of the run, and the figure's steps, in order.
    public var recordedSteps: [Int] {
        let every = max(1, steps / 20)
        return Array(Set([0] + Array(stride(from: every, through: steps, by: every)) + Self.figureSteps(of: steps))).sorted()
    }

    /// The model for one objective, with this experiment's settings.
    public func model(_ objective: MixtureGAN.Objective) -> MixtureGAN {
        var gan = MixtureGAN(objective: objective)
        gan.steps = steps
        if let learningRate { gan.learningRate = learningRate }
        if let seed { gan.seed = seed }
        return gan
    }

    /// Trains one objective; `progress` gets the fraction done.
    public func train(_ objective: MixtureGAN.Objective, progress: ((Double) -> Void)? = nil) -> Training {
        let gan = model(objective)
        return Training(objective: objective, model: gan, snapshots: gan.train(snapshotSteps: recordedSteps, progress: progress))
    }

    /// Trains every objective, each on a core of its own (they share nothing, so the results are
    /// those of one at a time); `progress` gets the fraction of the whole done, one call at a time.
    public func run(progress: (@Sendable (Double) -> Void)? = nil) -> [Training] {
        let count = objectives.count
        let results = Mutex([Training?](repeating: nil, count: count))
        let done = Mutex([Double](repeating: 0, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let training = train(objectives[index]) { fraction in
                done.withLock { parts in
                    parts[index] = fraction
                    progress?(parts.reduce(0, +) / Double(count))
                }
            }
            results.withLock { $0[index] = training }
        }
        return results.withLock { $0.map { $0! } }
    }
}
