import LossMath

/// The experiment of Arjovsky & Bottou (2017), "Towards principled methods for training GANs",
/// Figure 2, in one dimension: hold the generator fixed, train the discriminator, and watch the
/// norm of the generator's gradient under the minimax and the non-saturating losses.
///
/// Data x ~ 𝒩(0, σ²), generator G(z) = μ + σz with μ = `generatorMean`; the discriminator is
/// logistic regression, ℓ(x) = a x + c, trained by full-batch gradient descent on BCE over fixed
/// samples (so that every run is the same). The generator's gradient with respect to μ is the
/// sample mean of L′(ℓ(G(z))) · ∂ℓ/∂x = L′(ℓ) · a: as the discriminator separates the two, ℓ on
/// the generator's samples falls, L′ = −σ(ℓ) of the minimax loss vanishes with it, and a grows.
public struct GradientDecay: Sendable {
    public var generatorMean = 4.0
    public var standardDeviation = 0.5
    public var samples = 512
    public var learningRate = 1.0
    public var seed: UInt64 = 2017

    public init() {}

    /// One record per discriminator step (step 0 is the untrained discriminator).
    public struct Record: Sendable {
        public var step: Int
        public var discriminatorLoss: Double
        public var minimaxGradientNorm: Double
        public var nonsatGradientNorm: Double
    }

    /// `steps` discriminator steps; `progress` is called with the fraction done.
    public func run(steps: Int, progress: ((Double) -> Void)? = nil) -> [Record] {
        var g = SeededGenerator(seed: seed)
        let real = (0..<samples).map { _ in standardDeviation * g.standardNormal() }
        let fake = (0..<samples).map { _ in generatorMean + standardDeviation * g.standardNormal() }
        var (a, c) = (0.0, 0.0)
        var records: [Record] = []
        let n = Double(samples)
        // The losses of a whole sample through the batch API, per step: minimax on the fakes gives
        // −softplus(ℓ) and −σ(ℓ), the BCE fake terms with their signs flipped; nonsat gives −σ(−ℓ),
        // and on the reals softplus(−ℓ) and −σ(−ℓ), the BCE real terms. Bit for bit the scalar forms.
        var fakeLogits = [Double](repeating: 0, count: samples), realLogits = fakeLogits
        var minimaxValues = fakeLogits, minimaxGradients = fakeLogits, nonsatValues = fakeLogits
        var nonsatGradients = fakeLogits, realValues = fakeLogits, realGradients = fakeLogits
        for step in 0...steps {
            for i in 0..<samples {
                fakeLogits[i] = a * fake[i] + c
                realLogits[i] = a * real[i] + c
            }
            GeneratorLoss.minimax.evaluate(logits: fakeLogits, values: &minimaxValues, gradients: &minimaxGradients)
            GeneratorLoss.nonsat.evaluate(logits: fakeLogits, values: &nonsatValues, gradients: &nonsatGradients)
            GeneratorLoss.nonsat.evaluate(logits: realLogits, values: &realValues, gradients: &realGradients)
            // Generator gradient norms at the current discriminator (∂ℓ/∂x = a), and the BCE.
            var (mm, ns, loss) = (0.0, 0.0, 0.0)
            var (ga, gc) = (0.0, 0.0)
            for i in 0..<samples {
                mm += minimaxGradients[i] * a
                ns += nonsatGradients[i] * a
                loss += -minimaxValues[i]                    // softplus(ℓ)
                let gradientFake = -minimaxGradients[i]      // σ(ℓ)
                ga += gradientFake * fake[i]; gc += gradientFake
            }
            for i in 0..<samples {
                loss += realValues[i]                        // softplus(−ℓ)
                ga += realGradients[i] * real[i]; gc += realGradients[i]
            }
            records.append(Record(step: step, discriminatorLoss: loss / n, minimaxGradientNorm: abs(mm / n),
                                  nonsatGradientNorm: abs(ns / n)))
            if let progress, step % 100 == 0 { progress(Double(step) / Double(max(steps, 1))) }
            a -= learningRate * ga / n
            c -= learningRate * gc / n
        }
        return records
    }
}
