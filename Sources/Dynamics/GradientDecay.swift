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
        for step in 0...steps {
            // Generator gradient norms at the current discriminator.
            var (mm, ns, loss) = (0.0, 0.0, 0.0)
            var (ga, gc) = (0.0, 0.0)
            for x in fake {
                let l = a * x + c
                let slope = a
                mm += GeneratorLoss.minimax.gradientLogit(atLogit: l) * slope
                ns += GeneratorLoss.nonsat.gradientLogit(atLogit: l) * slope
                let e = DiscriminatorLoss.bce.evaluate(realLogit: .infinity, fakeLogit: l)
                loss += e.value
                ga += e.gradientFake * x; gc += e.gradientFake
            }
            for x in real {
                let l = a * x + c
                let e = DiscriminatorLoss.bce.evaluate(realLogit: l, fakeLogit: -.infinity)
                loss += e.value
                ga += e.gradientReal * x; gc += e.gradientReal
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
