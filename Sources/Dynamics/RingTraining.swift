import LossMath

/// A ``RingGAN`` in training, one generator step at a time: the two networks, their Adam
/// optimizers and the random stream, as the training leaves them after each step. ``RingGAN/train(snapshotSteps:progress:)``
/// runs one to its end; the explorer's live view advances one and takes snapshots as it goes.
/// Either way the same seed gives the same numbers, bit for bit.
///
/// One step, with B = ``RingGAN/batch`` and ℓ the critic's output (a logit, or WGAN's score):
/// ```
/// critic (criticSteps times)  ∇ of (1/B) Σ L_D(ℓ(x), ℓ(G(z))) + penalty, by Adam
/// generator                   ∂L_G/∂θ = (1/B) Σ L′(ℓ(G(z))) · ∇ₓℓ · ∂G(z)/∂θ, by Adam
/// ```
/// the rates falling linearly to 0 from ``RingGAN/decayStart`` of the steps on.
public struct RingTraining: Sendable {
    /// What is trained, and how.
    public let model: RingGAN
    /// The generator steps taken (0 before the first).
    public private(set) var step = 0
    private var rng: SeededGenerator
    private var generator: ReLUNetwork, critic: ReLUNetwork
    private var generatorOptimizer: Adam<Float>, criticOptimizer: Adam<Float>
    /// The noise of every snapshot: the same inputs each time, so that snapshots compare.
    private let evaluationNoise: [Float]

    /// The networks initialized from the model's seed, before the first step.
    public init(_ model: RingGAN) {
        self.model = model
        var rng = SeededGenerator(seed: model.seed)
        generator = ReLUNetwork(widths: [model.noiseWidth] + model.generatorHidden + [2], generator: &rng)
        critic = ReLUNetwork(widths: [2] + model.discriminatorHidden + [1], generator: &rng)
        generatorOptimizer = Adam(count: generator.parameterCount, learningRate: model.generatorRate)
        criticOptimizer = Adam(count: critic.parameterCount, learningRate: model.discriminatorRate)
        (generatorOptimizer.beta1, generatorOptimizer.beta2) = (model.beta1, model.beta2)
        (criticOptimizer.beta1, criticOptimizer.beta2) = (model.beta1, model.beta2)
        evaluationNoise = (0..<(model.evaluationSamples * model.noiseWidth)).map { _ in Float(rng.standardNormal()) }
        self.rng = rng
    }

    /// Whether the model's steps are all taken.
    public var isFinished: Bool { step >= max(model.steps, 1) }

    /// The generator's samples on the evaluation noise now, and their coverage.
    public func snapshot() -> RingGAN.Snapshot {
        let samples = generator.forward(evaluationNoise, batch: model.evaluationSamples).outputs
        return RingGAN.Snapshot(step: step, samples: samples, coverage: model.data.coverage(of: samples))
    }

    /// One generator step, after its critic steps.
    public mutating func advance() {
        step += 1
        let (batch, steps, data) = (model.batch, model.steps, model.data)
        let n = Float(batch)
        let first = Int((model.decayStart * Double(steps)).rounded(.down))
        if step > first {
            let remaining = Float(steps - step + 1) / Float(steps - first)
            (generatorOptimizer.learningRate, criticOptimizer.learningRate) = (model.generatorRate * remaining, model.discriminatorRate * remaining)
        }
        for _ in 0..<model.criticSteps {
            let reals = data.sample(batch, &rng)
            let noise = (0..<(batch * model.noiseWidth)).map { _ in Float(rng.standardNormal()) }
            let fakes = generator.forward(noise, batch: batch).outputs
            let tr = critic.forward(reals, batch: batch), tf = critic.forward(fakes, batch: batch)
            var dGrad = [Float](repeating: 0, count: critic.parameterCount)
            var realGradient = [Float](repeating: 0, count: batch), fakeGradient = realGradient
            let loss: DiscriminatorLoss = switch model.objective {
            case .minimax, .nonsat, .r1: .bce
            case .wgangp: .wasserstein
            }
            for b in 0..<batch {
                let e = loss.evaluate(realLogit: tr.outputs[b], fakeLogit: tf.outputs[b])
                realGradient[b] = e.gradientReal / n
                fakeGradient[b] = e.gradientFake / n
            }
            dGrad.withUnsafeMutableBufferPointer { g in
                critic.backward(tr, outputGradient: realGradient, into: g.baseAddress!, inputGradient: false)
                critic.backward(tf, outputGradient: fakeGradient, into: g.baseAddress!, inputGradient: false)
                switch model.objective {
                case .minimax, .nonsat: break
                case .r1:
                    addPenalty(.r1(gamma: model.gamma), at: tr, g.baseAddress!)
                case .wgangp:
                    var mixed = [Float](repeating: 0, count: 2 * batch)
                    for b in 0..<batch {
                        let e = Float(rng.uniform())
                        for c in 0..<2 {
                            let (real, fake) = (reals[2 * b + c], fakes[2 * b + c])
                            mixed[2 * b + c] = e * real + (1 - e) * fake
                        }
                    }
                    addPenalty(.twoSided(lambda: model.lambda), at: critic.forward(mixed, batch: batch), g.baseAddress!)
                }
            }
            criticOptimizer.step(&critic.parameters, gradient: dGrad)
        }

        // Generator step: ∂L_G/∂θ = Σ L′(ℓ) · ∇ₓℓ · ∂x/∂θ, x = G(z).
        let noise = (0..<(batch * model.noiseWidth)).map { _ in Float(rng.standardNormal()) }
        let tg = generator.forward(noise, batch: batch)
        let tc = critic.forward(tg.outputs, batch: batch)
        let loss: GeneratorLoss = switch model.objective {
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
        generatorOptimizer.step(&generator.parameters, gradient: gGrad)
    }

    /// Adds the gradient of (1/B) Σ P(‖∇ₓc(xᵣ)‖) over the rows of `a`: pᵣ = P′(gᵣ) ∇ₓc/gᵣ / B.
    private func addPenalty(_ penalty: GradientPenalty, at a: ReLUNetwork.Activations, _ gradient: UnsafeMutablePointer<Float>) {
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
