/// The two players of each game of the catalog: a ``GeneratorLoss`` id names the game, and the
/// game names its discriminator (or critic) loss.
///
/// ```
/// minimax, nonsat, maxlik   BCE (target t with one-sided label smoothing)   Goodfellow et al. 2014; Goodfellow 2016
/// lsgan                     ½ (ℓ_r − b)² + ½ (ℓ_f − a)²                     Mao et al. 2017
/// lssigmoid                 ½ (D_r − 1)² + ½ D_f²                           least squares on σ (GAN Lab, compare_gan)
/// wgan                      ℓ_f − ℓ_r                                      Arjovsky et al. 2017
/// hinge                     max(0, 1 − ℓ_r) + max(0, 1 + ℓ_f)               Lim & Ye 2017; Miyato et al. 2018
/// rsgan                     softplus(ℓ_f − ℓ_r) for one pair                 Jolicoeur-Martineau 2018
/// rasgan (ragan)            2 softplus(ℓ_f − ℓ_r) for one pair               Jolicoeur-Martineau 2018
/// ralsgan                   2 (ℓ_r − ℓ_f − 1)² for one pair                  Jolicoeur-Martineau 2018
/// rahinge                   2 max(0, 1 − ℓ_r + ℓ_f) for one pair             Jolicoeur-Martineau 2018
/// fgan-…                    −g_f(ℓ_r) + f*(g_f(ℓ_f))                         Nowozin et al. 2016
/// ebgan                     ℓ_r + max(0, m − ℓ_f) on energies                Zhao, Mathieu & LeCun 2017
/// ```
/// The relativistic games' batch forms compare each sample with the other side's mean
/// (``RelativisticGame``).
extension GeneratorLoss {
    /// The discriminator's loss in this game, with the targets of `parameters` (the real target t
    /// for the BCE games, a and b for lsgan).
    public func discriminatorLoss(parameters: LossParameters = .standard) -> DiscriminatorLoss {
        switch self {
        case .minimax, .nonsat, .maxlik:
            parameters.realLabel == 1 ? .bce : .bceSmoothed(target: parameters.realLabel)
        case .lsgan: .leastSquares(fakeTarget: parameters.leastSquaresFakeTarget, realTarget: parameters.leastSquaresRealTarget)
        case .lssigmoid: .leastSquaresSigmoid
        case .wgan: .wasserstein
        case .hinge: .hinge
        case .ragan, .rsgan, .rasgan, .ralsgan, .rahinge: .relativistic(relativistic!)
        case .ebgan: .energy(margin: parameters.margin)
        case .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN: .fDivergence(fDivergence!)
        }
    }

    /// Whether the game's discriminator is trained with binary cross-entropy, so that the value
    /// V(D, G) = E log D(x) + E log(1 − D(G(z))) of Goodfellow et al. is its objective.
    public var hasValueFunction: Bool {
        switch self {
        case .minimax, .nonsat, .maxlik: true
        case .lsgan, .lssigmoid, .wgan, .hinge, .ragan, .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN,
             .rsgan, .rasgan, .ralsgan, .rahinge, .ebgan: false
        }
    }
}
