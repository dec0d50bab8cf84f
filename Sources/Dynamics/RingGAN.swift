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

    /// Trains and returns a snapshot at each of `snapshotSteps` (0 is before the first step).
    public func train(snapshotSteps: [Int], progress: ((Double) -> Void)? = nil) -> [Snapshot] {
        var rng = SeededGenerator(seed: seed)
        var generator = ReLUNetwork(widths: [noiseWidth] + generatorHidden + [2], generator: &rng)
        var critic = ReLUNetwork(widths: [2] + discriminatorHidden + [1], generator: &rng)
        var gOpt = Adam(count: generator.parameterCount, learningRate: generatorRate)
        var dOpt = Adam(count: critic.parameterCount, learningRate: discriminatorRate)
        (gOpt.beta1, gOpt.beta2, dOpt.beta1, dOpt.beta2) = (beta1, beta2, beta1, beta2)
        let evaluationNoise = (0..<(evaluationSamples * noiseWidth)).map { _ in Float(rng.standardNormal()) }
        var snapshots: [Snapshot] = []
        func snapshot(_ step: Int) {
            let samples = generator.forward(evaluationNoise, batch: evaluationSamples).outputs
            snapshots.append(Snapshot(step: step, samples: samples, coverage: data.coverage(of: samples)))
        }
        if snapshotSteps.contains(0) { snapshot(0) }
        let n = Float(batch)
        for step in 1...max(steps, 1) {
            let first = Int((decayStart * Double(steps)).rounded(.down))
            if step > first {
                let remaining = Float(steps - step + 1) / Float(steps - first)
                (gOpt.learningRate, dOpt.learningRate) = (generatorRate * remaining, discriminatorRate * remaining)
            }
            for _ in 0..<criticSteps {
                let reals = data.sample(batch, &rng)
                let noise = (0..<(batch * noiseWidth)).map { _ in Float(rng.standardNormal()) }
                let fakes = generator.forward(noise, batch: batch).outputs
                let tr = critic.forward(reals, batch: batch), tf = critic.forward(fakes, batch: batch)
                var dGrad = [Float](repeating: 0, count: critic.parameterCount)
                var realGradient = [Float](repeating: 0, count: batch), fakeGradient = realGradient
                switch objective {
                case .minimax, .nonsat, .r1:
                    for b in 0..<batch {
                        let e = DiscriminatorLoss.bce.evaluate(realLogit: tr.outputs[b], fakeLogit: tf.outputs[b])
                        realGradient[b] = e.gradientReal / n
                        fakeGradient[b] = e.gradientFake / n
                    }
                case .wgangp:
                    for b in 0..<batch {
                        let e = DiscriminatorLoss.wasserstein.evaluate(realLogit: tr.outputs[b], fakeLogit: tf.outputs[b])
                        realGradient[b] = e.gradientReal / n
                        fakeGradient[b] = e.gradientFake / n
                    }
                }
                dGrad.withUnsafeMutableBufferPointer { g in
                    critic.backward(tr, outputGradient: realGradient, into: g.baseAddress!, inputGradient: false)
                    critic.backward(tf, outputGradient: fakeGradient, into: g.baseAddress!, inputGradient: false)
                    switch objective {
                    case .minimax, .nonsat: break
                    case .r1:
                        addPenalty(.r1(gamma: gamma), at: tr, critic, g.baseAddress!)
                    case .wgangp:
                        var mixed = [Float](repeating: 0, count: 2 * batch)
                        for b in 0..<batch {
                            let e = Float(rng.uniform())
                            for c in 0..<2 {
                                let (real, fake) = (reals[2 * b + c], fakes[2 * b + c])
                                mixed[2 * b + c] = e * real + (1 - e) * fake
                            }
                        }
                        addPenalty(.twoSided(lambda: lambda), at: critic.forward(mixed, batch: batch), critic, g.baseAddress!)
                    }
                }
                dOpt.step(&critic.parameters, gradient: dGrad)
            }

            // Generator step: ∂L_G/∂θ = Σ L′(ℓ) · ∇ₓℓ · ∂x/∂θ, x = G(z).
            let noise = (0..<(batch * noiseWidth)).map { _ in Float(rng.standardNormal()) }
            let tg = generator.forward(noise, batch: batch)
            let tc = critic.forward(tg.outputs, batch: batch)
            let loss: GeneratorLoss = switch objective {
            case .minimax: .minimax
            case .nonsat, .r1: .nonsat
            case .wgangp: .wgan
            }
            let lossSlopes = tc.outputs.map { loss.evaluate(atLogit: $0).gradientLogit / n }
            let sampleGradient = critic.backward(tc, outputGradient: lossSlopes, into: nil, inputGradient: true)!
            var gGrad = [Float](repeating: 0, count: generator.parameterCount)
            gGrad.withUnsafeMutableBufferPointer { g in
                _ = generator.backward(tg, outputGradient: sampleGradient, into: g.baseAddress!, inputGradient: false)
            }
            gOpt.step(&generator.parameters, gradient: gGrad)

            if snapshotSteps.contains(step) { snapshot(step) }
            if let progress, step % 50 == 0 { progress(Double(step) / Double(steps)) }
        }
        return snapshots
    }

    /// Adds the gradient of (1/B) Σ P(‖∇ₓc(xᵣ)‖) over the rows of `a`: pᵣ = P′(gᵣ) ∇ₓc/gᵣ / B.
    private func addPenalty(_ penalty: GradientPenalty, at a: ReLUNetwork.Activations, _ critic: ReLUNetwork,
                            _ gradient: UnsafeMutablePointer<Float>) {
        let slopes = critic.inputSlopes(a)
        var p = [Float](repeating: 0, count: 2 * a.batch)
        for b in 0..<a.batch {
            let (gx, gy) = (slopes.gradients[2 * b], slopes.gradients[2 * b + 1])
            let norm = Double(gx * gx + gy * gy).squareRoot()
            // P′(g)/g: R1's γ exactly (no division, so g = 0 is fine); WGAN-GP's 2λ(g − 1)/g.
            let scale: Double
            switch penalty {
            case .r1(let gamma), .r2(let gamma): scale = gamma
            case .twoSided, .oneSided, .dragan: scale = norm > 0 ? penalty.derivative(gradientNorm: norm) / norm : 0
            }
            p[2 * b] = Float(scale * Double(gx) / Double(a.batch))
            p[2 * b + 1] = Float(scale * Double(gy) / Double(a.batch))
        }
        critic.penaltyBackward(a, slopes: slopes, penaltyGradient: p, into: gradient)
    }
}
