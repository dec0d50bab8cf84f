import Glibc
import LossMath

/// The experiment of Arjovsky & Bottou (2017), "Towards principled methods for training GANs",
/// Figures 2 and 3, in one dimension: hold the generator fixed, train a discriminator from
/// scratch, and watch the norm of the generator's gradient under the minimax and the
/// non-saturating losses.
///
/// Data x ~ 𝒩(0, σ²), generator G(z) = μ + σz with μ = `generatorMean`; the discriminator is
/// logistic regression, ℓ(x) = a x + c, trained on BCE over fixed samples by Adam (the optimizer
/// of the paper's DCGAN). The generator's gradient with respect to μ is the sample mean of
/// L′(ℓ(G(z))) · ∂ℓ/∂x = L′(ℓ) · a:
/// ```
/// minimax          |∂L/∂μ| = |mean(−σ(ℓ_f))| · |a|       → 0 as ℓ_f → −∞: σ(ℓ_f) ≈ e^ℓ_f
/// non-saturating   |∂L/∂μ| = |mean(−σ(−ℓ_f))| · |a|      ≈ |a|, which grows
/// ```
/// Adam's step is about α whatever the size of the gradient, as long as its second-moment
/// average follows the gradient down (β₂ = 0.9 keeps about ten steps): so a grows linearly, ℓ_f
/// falls linearly and the minimax gradient falls exponentially, until the gradient of the BCE
/// reaches Adam's ε (1e−8) and the steps shrink. With β₂ = 0.999 (a thousand steps of memory)
/// the steps shrink with the gradient, a grows only like a logarithm, and the same 3000 steps give
/// a 22-fold fall (seed 2017; docs/dynamics.md).
///
/// `runs` independent runs (fresh samples, seeds `seed`, `seed` + 1, …) give the spread.
public struct GradientDecay: Sendable {
    public var generatorMean = 4.0
    public var standardDeviation = 0.5
    public var samples = 512
    /// Adam's step size α.
    public var learningRate = 0.03
    /// Adam's β₁, β₂ and ε.
    public var beta1 = 0.5, beta2 = 0.9, epsilon = 1e-8
    /// The first run's seed; run k draws its samples with seed + k.
    public var seed: UInt64 = 2017
    /// The number of independent runs.
    public var runs = 5
    /// The steps of the figure and of `simulate gradient-decay` by default.
    public static let defaultSteps = 3000

    public init() {}

    /// One discriminator step of one run (step 0 is the untrained, constant discriminator).
    public struct Record: Sendable {
        public var step: Int
        public var discriminatorLoss: Double
        public var minimaxGradientNorm: Double
        public var nonsatGradientNorm: Double
    }

    /// One step over all runs: the discriminator's BCE averaged, each gradient norm's geometric
    /// mean (the average on a log axis) with its smallest and largest value.
    public struct Summary: Sendable {
        public var step: Int
        public var discriminatorLoss: Double
        public var minimax: Spread
        public var nonsat: Spread
    }

    /// The geometric mean of positive values, and their range.
    public struct Spread: Sendable {
        public var mean: Double, low: Double, high: Double

        init(_ values: [Double]) {
            mean = exp(values.reduce(0) { $0 + log($1) } / Double(values.count))
            low = values.min() ?? .nan
            high = values.max() ?? .nan
        }
    }

    /// `steps` discriminator steps of every run, summarized per step; `progress` is called with
    /// the fraction done.
    public func run(steps: Int, progress: ((Double) -> Void)? = nil) -> [Summary] {
        let all = (0..<runs).map { k in
            let records = runOnce(seed: seed &+ UInt64(k), steps: steps)
            progress?(Double(k + 1) / Double(runs))
            return records
        }
        return (0...steps).map { step in
            let at = all.map { $0[step] }
            return Summary(step: step, discriminatorLoss: at.reduce(0) { $0 + $1.discriminatorLoss } / Double(at.count),
                           minimax: Spread(at.map(\.minimaxGradientNorm)), nonsat: Spread(at.map(\.nonsatGradientNorm)))
        }
    }

    /// One run: a record per step.
    public func runOnce(seed: UInt64, steps: Int) -> [Record] {
        var g = SeededGenerator(seed: seed)
        let real = (0..<samples).map { _ in standardDeviation * g.standardNormal() }
        let fake = (0..<samples).map { _ in generatorMean + standardDeviation * g.standardNormal() }
        var parameters = [0.0, 0.0]    // a and c
        var adam = Adam(count: 2, learningRate: learningRate)
        (adam.beta1, adam.beta2, adam.epsilon) = (beta1, beta2, epsilon)
        var records: [Record] = []
        let n = Double(samples)
        // The losses of a whole sample through the batch API, per step: minimax on the fakes gives
        // −softplus(ℓ) and −σ(ℓ), the BCE fake terms with their signs flipped; nonsat gives −σ(−ℓ),
        // and on the reals softplus(−ℓ) and −σ(−ℓ), the BCE real terms. Bit for bit the scalar forms.
        var fakeLogits = [Double](repeating: 0, count: samples), realLogits = fakeLogits
        var minimaxValues = fakeLogits, minimaxGradients = fakeLogits, nonsatValues = fakeLogits
        var nonsatGradients = fakeLogits, realValues = fakeLogits, realGradients = fakeLogits
        for step in 0...steps {
            let (a, c) = (parameters[0], parameters[1])
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
            adam.step(&parameters, gradient: [ga / n, gc / n])
        }
        return records
    }
}
