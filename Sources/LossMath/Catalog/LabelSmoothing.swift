/// One-sided label smoothing as each library writes it, turned into the real target t of the
/// BCE discriminator (the fake target stays 0).
///
/// ```
/// target(t)     t                                   (Salimans et al. 2016 use t = 0.9)
/// tfgan(ls)     t = 1 − ls/2   TF-GAN: labels·(1 − ls) + ½ ls, smoothing toward ½ (default ls = 0.25)
/// torchgan(ls)  t = 1 − ls     torchgan: the real label is 1 − label_smoothing
/// ```
/// With target t the real half of the loss, t·softplus(−ℓ_r) + (1 − t)·softplus(ℓ_r), is least at
/// ℓ_r* = log(t/(1 − t)): t = 0.9 keeps a confident discriminator at ℓ_r ≈ 2.197 instead of +∞.
public enum LabelSmoothing: Sendable, Hashable {
    /// The real target t itself, in [0, 1].
    case target(Double)
    /// TF-GAN's `label_smoothing` ls ∈ [0, 1]: t = 1 − ls/2.
    case tfgan(Double)
    /// torchgan's `label_smoothing` ls ∈ [0, 1]: t = 1 − ls.
    case torchgan(Double)

    /// The real target t.
    public var realLabel: Double {
        switch self {
        case .target(let t): t
        case .tfgan(let ls): 1 - ls / 2
        case .torchgan(let ls): 1 - ls
        }
    }

    /// The logit the real half of the loss is least at, log(t/(1 − t)) (+∞ for t = 1).
    public var optimalRealLogit: Double { Double.logit(realLabel) }
}
