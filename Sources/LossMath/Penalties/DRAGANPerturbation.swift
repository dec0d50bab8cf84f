/// Where DRAGAN (Kodali et al. 2017, "On Convergence and Stability of GANs") takes the
/// discriminator's gradient: real samples moved by noise scaled to the batch's spread, so that the
/// penalty λ (‖∇ₓ D(x̂)‖ − k)² (``GradientPenalty/dragan(lambda:target:)``) smooths D around the
/// data. Two conventions are in use:
/// ```
/// published   x̂ = x + α (x_p − x),  x_p = x + ½·s·u,  u ~ U[0, 1)ᵈ,  α ~ U[0, 1] per sample     λ = 10, k = 1
/// compareGAN  x̂ = clip(x + s·(u − ½), 0, 1),  u ~ U[0, 1)ᵈ                                       λ = 1 (its shared default), k = 1
/// ```
/// s is the standard deviation of every component of the batch together (NumPy's `X.std()`,
/// TensorFlow's `tf.nn.moments` over all axes: the population form). The published noise is
/// one-sided (u ≥ 0) and the sample then moves back toward x by α; compare_gan centres the noise,
/// does not interpolate, clips to the image range [0, 1], and smooths the norm as
/// √(10⁻⁴ + ‖∇‖²).
public enum DRAGANPerturbation: String, Sendable, CaseIterable {
    /// The authors' code (kodalinaveen3/DRAGAN): `X + 0.5 * X.std() * np.random.random(X.shape)`,
    /// then `interpolates = X + alpha * (X_p - X)`.
    case published
    /// google/compare_gan, `penalty_lib.dragan_penalty`: `x + std * (uniform - 0.5)`, clipped.
    case compareGAN = "compare-gan"

    /// The points x̂ at which to take the gradient, one per real sample (rows of `real`, each a
    /// sample's d components), drawn from `generator` in order: all of u, then α (published).
    public func points(real: [[Double]], generator: inout SeededGenerator) -> [[Double]] {
        let s = Self.standardDeviation(real)
        switch self {
        case .published:
            let noisy = real.map { x in x.map { $0 + 0.5 * s * generator.uniform() } }
            return zip(real, noisy).map { x, p in
                let alpha = generator.uniform()
                return zip(x, p).map { $0 + alpha * ($1 - $0) }
            }
        case .compareGAN:
            return real.map { x in x.map { min(1, max(0, $0 + s * (generator.uniform() - 0.5))) } }
        }
    }

    /// The penalty of the convention with its published constants: λ = 10 (published) or 1
    /// (compare_gan's shared `lambda`), k = 1.
    public var penalty: GradientPenalty {
        switch self {
        case .published: .dragan(lambda: 10, target: 1)
        case .compareGAN: .dragan(lambda: 1, target: 1)
        }
    }

    /// The population standard deviation of every component of the batch together, two-pass.
    static func standardDeviation(_ batch: [[Double]]) -> Double {
        let values = batch.joined()
        guard !values.isEmpty else { return 0 }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
    }
}
