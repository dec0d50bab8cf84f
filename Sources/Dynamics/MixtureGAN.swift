import LossMath

/// A GAN on a 1-D mixture of Gaussians, small enough to train in a second: generator and
/// critic/discriminator are ``TanhMLP``s trained with Adam, by hand-written backpropagation.
/// It shows mode collapse and mode hopping where they happen: the number of modes the generator
/// covers is measured on its samples, never assumed.
public struct MixtureGAN: Sendable {
    public enum Objective: String, CaseIterable, Sendable {
        case minimax, nonsat
        case wgangp = "wgan-gp"

        public var title: String {
            switch self {
            case .minimax: "minimax"
            case .nonsat: "non-saturating"
            case .wgangp: "WGAN-GP (λ = 1)"
            }
        }
    }

    /// The data: equal mixture of 𝒩(c, σ²) for c in `centers`.
    public var centers: [Double] = [-3, -1, 1, 3]
    public var modeWidth = 0.15
    public var objective: Objective
    public var steps = 2000
    public var batch = 64
    public var learningRate = 5e-3
    public var lambda = 1.0
    public var seed: UInt64 = 1

    public init(objective: Objective) { self.objective = objective }

    /// The generator's samples and the modes they cover at one training step.
    public struct Snapshot: Sendable {
        public var step: Int
        public var samples: [Double]
        public var modesCovered: Int
        /// The share of samples within 3σ of some mode.
        public var shareNearModes: Double
    }

    /// Samples within 2σ of each mode's centre.
    public func samplesPerMode(_ samples: [Double]) -> [Int] {
        var perMode = [Int](repeating: 0, count: centers.count)
        for s in samples {
            if let k = centers.firstIndex(where: { abs(s - $0) <= 2 * modeWidth }) { perMode[k] += 1 }
        }
        return perMode
    }

    /// A mode counts as covered when at least 10% of the samples lie within 2σ of its centre. A
    /// generator that spreads its samples evenly over [−4, 4] puts 7.5% there and covers none; one
    /// that splits them evenly between four modes puts 24% near each.
    public func coverage(of samples: [Double]) -> (modes: Int, nearShare: Double) {
        let perMode = samplesPerMode(samples)
        let near = perMode.reduce(0, +)
        let threshold = 0.10 * Double(samples.count)
        return (perMode.filter { Double($0) >= threshold }.count, Double(near) / Double(max(samples.count, 1)))
    }

    /// Trains and returns snapshots at `snapshotSteps` (each with 2000 generator samples).
    public func train(snapshotSteps: [Int], progress: ((Double) -> Void)? = nil) -> [Snapshot] {
        var rng = SeededGenerator(seed: seed)
        var generator = TanhMLP(hidden: 16, 16, generator: &rng)
        var critic = TanhMLP(hidden: 32, 32, generator: &rng)
        var gOpt = Adam(count: generator.parameterCount, learningRate: learningRate)
        var dOpt = Adam(count: critic.parameterCount, learningRate: learningRate)
        var snapshots: [Snapshot] = []
        let evaluationNoise = (0..<2000).map { _ in rng.standardNormal() }
        func snapshot(_ step: Int) {
            let samples = generator.forward(batch: evaluationNoise).outputs
            let c = coverage(of: samples)
            snapshots.append(Snapshot(step: step, samples: samples, modesCovered: c.modes, shareNearModes: c.nearShare))
        }
        if snapshotSteps.contains(0) { snapshot(0) }
        let n = Double(batch)
        var reals = [Double](repeating: 0, count: batch), fakeNoise = reals, mixing = reals, noise = reals
        for step in 1...max(steps, 1) {
            // Discriminator (critic) step. The random numbers are drawn per sample in the order a
            // sample-by-sample loop would draw them (mode, its noise, the fake's noise, the mixing
            // weight), the forward passes run batch-wise, the gradients are added sample by sample.
            for b in 0..<batch {
                reals[b] = centers[Int(rng.next() % UInt64(centers.count))] + modeWidth * rng.standardNormal()
                fakeNoise[b] = rng.standardNormal()
                if objective == .wgangp { mixing[b] = rng.uniform() }
            }
            let fakes = generator.forward(batch: fakeNoise).outputs
            let tr = critic.forward(batch: reals), tf = critic.forward(batch: fakes)
            var dGrad = [Double](repeating: 0, count: critic.parameterCount)
            switch objective {
            case .minimax, .nonsat:
                for b in 0..<batch {
                    let e = DiscriminatorLoss.bce.evaluate(realLogit: tr.outputs[b], fakeLogit: tf.outputs[b])
                    critic.backward(tr, sample: b, scale: e.gradientReal / n, into: &dGrad)
                    critic.backward(tf, sample: b, scale: e.gradientFake / n, into: &dGrad)
                }
            case .wgangp:
                let th = critic.forward(batch: (0..<batch).map { mixing[$0] * reals[$0] + (1 - mixing[$0]) * fakes[$0] })
                let penalty = GradientPenalty.twoSided(lambda: lambda)
                for b in 0..<batch {
                    let e = DiscriminatorLoss.wasserstein.evaluate(realLogit: tr.outputs[b], fakeLogit: tf.outputs[b])
                    critic.backward(tr, sample: b, scale: e.gradientReal / n, into: &dGrad)
                    critic.backward(tf, sample: b, scale: e.gradientFake / n, into: &dGrad)
                    let slope = critic.inputSlope(th, sample: b)
                    let sign: Double = slope >= 0 ? 1 : -1
                    critic.slopeBackward(th, sample: b, scale: penalty.derivative(gradientNorm: abs(slope)) * sign / n,
                                         into: &dGrad)
                }
            }
            var dParams = critic.parameters
            dOpt.step(&dParams, gradient: dGrad)
            critic.parameters = dParams

            // Generator step: ∂L_G/∂θ_G = Σ L′(ℓ) · ∂ℓ/∂x · ∂x/∂θ_G.
            for b in 0..<batch { noise[b] = rng.standardNormal() }
            let tg = generator.forward(batch: noise)
            let tc = critic.forward(batch: tg.outputs)
            var gGrad = [Double](repeating: 0, count: generator.parameterCount)
            for b in 0..<batch {
                let lossSlope: Double
                switch objective {
                case .minimax: lossSlope = GeneratorLoss.minimax.gradientLogit(atLogit: tc.outputs[b])
                case .nonsat: lossSlope = GeneratorLoss.nonsat.gradientLogit(atLogit: tc.outputs[b])
                case .wgangp: lossSlope = GeneratorLoss.wgan.gradientLogit(atLogit: tc.outputs[b])
                }
                generator.backward(tg, sample: b, scale: lossSlope * critic.inputSlope(tc, sample: b) / n, into: &gGrad)
            }
            var gParams = generator.parameters
            gOpt.step(&gParams, gradient: gGrad)
            generator.parameters = gParams

            if snapshotSteps.contains(step) { snapshot(step) }
            if let progress, step % 50 == 0 { progress(Double(step) / Double(steps)) }
        }
        return snapshots
    }
}
