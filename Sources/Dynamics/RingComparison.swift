import Dispatch
import Synchronization

/// The mode-collapse experiment of `gan-losses simulate ring` and of the `mode-collapse` figure:
/// each objective trained with its recipe (``RingGAN/recipe(_:data:)``) on the same data from the
/// same seed, the generator's samples measured at regular steps.
public struct RingComparison: Sendable {
    /// One objective's training: a snapshot at every recorded step.
    public struct Training: Sendable {
        public var model: RingGAN
        public var snapshots: [RingGAN.Snapshot]
        public var objective: RingGAN.Objective { model.objective }

        /// The training of `model` with its `snapshots` (the explorer builds one from a training
        /// that runs a stretch at a time, ``RingTraining``).
        public init(model: RingGAN, snapshots: [RingGAN.Snapshot]) {
            self.model = model; self.snapshots = snapshots
        }

        /// The snapshots at ``RingComparison/figureSteps(of:)``, in order.
        public var figureSnapshots: [RingGAN.Snapshot] {
            let steps = RingComparison.figureSteps(of: model.steps)
            return snapshots.filter { steps.contains($0.step) }
        }
    }

    public var objectives: [RingGAN.Objective]
    public var data: RingData
    /// nil: the recipe's steps.
    public var steps: Int?
    /// The recipe's learning rates.
    public var rates: RingGAN.Rates
    public var seed: UInt64
    /// Changes to the recipes (λ, γ, …), applied to every model they concern.
    public var adjust: @Sendable (inout RingGAN) -> Void

    public init(objectives: [RingGAN.Objective] = RingGAN.Objective.allCases, data: RingData = .ring, steps: Int? = nil,
                rates: RingGAN.Rates = .shared, seed: UInt64 = 1, adjust: @escaping @Sendable (inout RingGAN) -> Void = { _ in }) {
        self.objectives = objectives; self.data = data; self.steps = steps; self.rates = rates; self.seed = seed
        self.adjust = adjust
    }

    /// The steps the figure shows for a run of `steps`: a quarter, a half, three quarters and the
    /// last.
    public static func figureSteps(of steps: Int) -> [Int] {
        (1...4).map { max(1, steps * $0 / 4) }
    }

    /// Every twentieth of a run of `steps` and the figure's steps, in order.
    public static func recordedSteps(of steps: Int) -> [Int] {
        let every = max(1, steps / 20)
        return Array(Set(Array(stride(from: every, through: steps, by: every)) + figureSteps(of: steps))).sorted()
    }

    /// The model for one objective: its recipe with this experiment's data, steps, seed and changes.
    public func model(_ objective: RingGAN.Objective) -> RingGAN {
        var gan = RingGAN.recipe(objective, data: data, rates: rates)
        if let steps { gan.steps = steps }
        gan.seed = seed
        adjust(&gan)
        return gan
    }

    /// Trains one objective; `progress` gets the fraction done.
    public func train(_ objective: RingGAN.Objective, progress: ((Double) -> Void)? = nil) -> Training {
        let gan = model(objective)
        return Training(model: gan, snapshots: gan.train(snapshotSteps: Self.recordedSteps(of: gan.steps), progress: progress))
    }

    /// Trains every objective, two at a time on the machine's cores (they share nothing, so the
    /// results are those of one at a time); `progress` gets the fraction of the whole done.
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
