/// Where each game of the catalog comes from (the full references are in docs/losses.md#references).
extension GeneratorLoss {
    /// The game's source, as authors and year: "Goodfellow et al. 2014".
    public var citation: String {
        switch self {
        case .minimax, .nonsat: "Goodfellow et al. 2014"
        case .maxlik: "Goodfellow 2016 (NIPS tutorial)"
        case .lsgan: "Mao et al. 2017"
        case .lssigmoid: "Kahng et al. 2019 (GAN Lab); compare_gan"
        case .wgan: "Arjovsky et al. 2017"
        case .hinge: "Lim & Ye 2017; Miyato et al. 2018"
        case .ragan, .rsgan, .rasgan, .ralsgan, .rahinge: "Jolicoeur-Martineau 2018"
        case .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN: "Nowozin et al. 2016"
        case .ebgan: "Zhao, Mathieu & LeCun 2017"
        }
    }
}
