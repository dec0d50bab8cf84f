/// LeCam regularization (Tseng, Jiang, Liu, Yang, Yang, "Regularizing Generative Adversarial
/// Networks under Limited Data", CVPR 2021): the discriminator's outputs on real samples are held
/// near a moving average α_F of its outputs on generated ones, and the other way round:
/// ```
/// twoSided (the paper)   R = mean_i (ℓ_r,i − α_F)²        + mean_j (ℓ_f,j − α_R)²
/// oneSided (the code)    R = mean_i max(0, ℓ_r,i − α_F)²  + mean_j max(0, α_R − ℓ_f,j)²
/// ∂R/∂ℓ_r,i = (2/m) h(ℓ_r,i − α_F)      ∂R/∂ℓ_f,j = −(2/n) h(α_R − ℓ_f,j)     h(x) = x, or max(0, x)
/// ```
/// added to L_D as λR. α_R and α_F are exponential moving averages of the batch means of ℓ_r and
/// ℓ_f, α ← d·α + (1 − d)·mean (``update(realMean:fakeMean:)``). The released code
/// (google/lecam-gan) is one-sided: only a real output above α_F and a generated one below α_R are
/// charged. Its BigGAN CIFAR runs use d = 0.9, λ = 0.3 and start after 1000 iterations (d = 0
/// before, so that α is the last batch's mean); its StyleGAN2 runs d = 0.99 with λ = 10⁻⁶ (CIFAR).
public struct LeCamRegularizer: Sendable, Hashable {
    /// Which outputs are charged.
    public enum Form: String, Sendable, CaseIterable {
        /// Only ℓ_r above α_F and ℓ_f below α_R: the released code.
        case oneSided = "one-sided"
        /// Every deviation, both ways: the paper's formula.
        case twoSided = "two-sided"
    }

    /// One-sided (the code) or two-sided (the paper).
    public var form: Form
    /// The decay d of the moving averages.
    public var decay: Double
    /// α_R, the moving average of the mean output on real samples.
    public var anchorReal: Double
    /// α_F, the moving average of the mean output on generated samples.
    public var anchorFake: Double

    /// A regularizer with anchors α_R and α_F, decay d = 0.9 (BigGAN's) unless given.
    public init(form: Form = .oneSided, decay: Double = 0.9, anchorReal: Double, anchorFake: Double) {
        self.form = form
        self.decay = decay
        self.anchorReal = anchorReal
        self.anchorFake = anchorFake
    }

    /// h(x): x, or max(0, x) for the one-sided form (NaN propagated).
    func h(_ x: Double) -> Double {
        switch form {
        case .twoSided: x
        case .oneSided: x.isNaN ? x : max(0, x)
        }
    }

    /// R over a batch: the mean of h(ℓ_r − α_F)² over the real logits plus the mean of
    /// h(α_R − ℓ_f)² over the generated ones, each a compensated sum.
    public func value(real: [Double], fake: [Double]) -> Double {
        var r = CompensatedSum(), f = CompensatedSum()
        for x in real { let d = h(x - anchorFake); r.add(d * d) }
        for x in fake { let d = h(anchorReal - x); f.add(d * d) }
        return r.mean + f.mean
    }

    /// ∂R/∂ℓ_r for one of m real logits: (2/m) h(ℓ_r − α_F).
    public func gradient(real r: Double, count m: Int) -> Double {
        2 * h(r - anchorFake) / Double(m)
    }

    /// ∂R/∂ℓ_f for one of n generated logits: −(2/n) h(α_R − ℓ_f).
    public func gradient(fake f: Double, count n: Int) -> Double {
        -2 * h(anchorReal - f) / Double(n)
    }

    /// The moving averages after a batch with these means: α ← d·α + (1 − d)·mean.
    public mutating func update(realMean: Double, fakeMean: Double) {
        anchorReal = decay * anchorReal + (1 - decay) * realMean
        anchorFake = decay * anchorFake + (1 - decay) * fakeMean
    }
}
