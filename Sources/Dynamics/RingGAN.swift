import LossMath

/// A GAN on a mixture of 2-D Gaussians (Metz et al. 2017, "Unrolled Generative Adversarial
/// Networks", Fig. 1: eight modes on a circle of radius 2 with σ = 0.02): a ReLU generator from
/// Gaussian noise to the plane and a ReLU discriminator (or critic), trained with Adam by
/// hand-written backpropagation over whole batches. The objectives:
/// ```
/// minimax, nonsat   L_D = BCE;  L_G the catalog's minimax or non-saturating loss
/// wgan-gp           L_D = E[c(x̃)] − E[c(x)] + λ E[(‖∇c(x̂)‖ − 1)²],  x̂ = εx + (1 − ε)x̃,  L_G = −E[c(x̃)]
///                   (Gulrajani et al. 2017)
/// r1                L_D = BCE + (γ/2) E[‖∇D(x)‖²] on real x;  L_G non-saturating (Mescheder et al. 2018)
/// ```
/// Coverage is measured on the generator's samples, never assumed (``RingData/coverage(of:)``).
public struct RingGAN: Sendable {
    public enum Objective: String, CaseIterable, Sendable {
        case minimax, nonsat
        case wgangp = "wgan-gp"
        case r1

        public var title: String {
            switch self {
            case .minimax: "minimax"
            case .nonsat: "non-saturating"
            case .wgangp: "WGAN-GP"
            case .r1: "non-saturating + R1"
            }
        }
    }

    public var data: RingData
    public var objective: Objective
    public var seed: UInt64 = 1
    public var steps: Int
    public var batch = 128
    public var noiseWidth = 16
    public var generatorHidden = [64, 64]
    public var discriminatorHidden = [64, 64]
    public var generatorRate: Float = 1e-3
    public var discriminatorRate: Float = 1e-3
    public var beta1: Float = 0.5, beta2: Float = 0.999
    /// From this share of the steps on, both learning rates fall linearly to 0 at the last step
    /// (1: constant rates).
    public var decayStart = 1.0
    /// Discriminator (critic) steps per generator step.
    public var criticSteps = 1
    /// WGAN-GP's λ.
    public var lambda = 0.1
    /// R1's γ.
    public var gamma = 0.1
    /// Generator samples per snapshot.
    public var evaluationSamples = 2500

    public init(objective: Objective, data: RingData = .ring, steps: Int = 3000) {
        self.objective = objective; self.data = data; self.steps = steps
    }

    /// The learning rates of a recipe.
    public enum Rates: String, CaseIterable, Sendable {
        /// Adam (α = 10⁻³, β = (0.5, 0.9)) for both players, falling linearly to 0 over the second
        /// half: the rates of `simulate ring` and of the `mode-collapse` figure.
        case shared
        /// Metz et al.'s rates: Adam (β = (0.5, 0.999)) at 10⁻⁴ for the discriminator and 10⁻³ for
        /// the generator, constant: a generator faster than its discriminator.
        case metz
    }

    /// The settings `simulate ring` and the `mode-collapse` figure use (docs/mode-collapse.md says
    /// where they follow the papers and where they depart): for every objective the same
    /// networks (noise 16 → 64 → 64 → 2, ReLU; 2 → 64 → 64 → 1, ReLU), batch 128, the `rates`,
    /// 3000 generator steps; WGAN-GP with λ = 0.1 and five critic steps per generator step (the
    /// authors' toy script), R1 with γ = 1. The baselines and the remedies differ only in their
    /// losses and penalties.
    public static func recipe(_ objective: Objective, data: RingData = .ring, rates: Rates = .shared) -> RingGAN {
        var gan = RingGAN(objective: objective, data: data)
        switch rates {
        case .shared:
            (gan.generatorRate, gan.discriminatorRate, gan.beta1, gan.beta2, gan.decayStart) = (1e-3, 1e-3, 0.5, 0.9, 0.5)
        case .metz:
            (gan.generatorRate, gan.discriminatorRate, gan.beta1, gan.beta2, gan.decayStart) = (1e-3, 1e-4, 0.5, 0.999, 1)
        }
        switch objective {
        case .minimax, .nonsat: break
        case .wgangp:
            gan.lambda = 0.1
            gan.criticSteps = 5
        case .r1:
            gan.gamma = 1
        }
        return gan
    }

    /// The generator's samples (x₁, y₁, x₂, y₂, …) and their coverage at one step.
    public struct Snapshot: Sendable {
        public var step: Int
        public var samples: [Float]
        public var coverage: RingData.Coverage
    }

    /// Trains and returns a snapshot at each of `snapshotSteps` (0 is before the first step):
    /// ``RingTraining`` from its start to the last step.
    public func train(snapshotSteps: [Int], progress: ((Double) -> Void)? = nil) -> [Snapshot] {
        var training = RingTraining(self)
        var snapshots: [Snapshot] = []
        if snapshotSteps.contains(0) { snapshots.append(training.snapshot()) }
        while !training.isFinished {
            training.advance()
            if snapshotSteps.contains(training.step) { snapshots.append(training.snapshot()) }
            if let progress, training.step % 50 == 0 { progress(Double(training.step) / Double(steps)) }
        }
        return snapshots
    }
}
