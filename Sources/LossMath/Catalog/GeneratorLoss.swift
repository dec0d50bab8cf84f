/// A generator loss of the catalog, written as a function of the discriminator's logit ℓ on a
/// generated sample (D = σ(ℓ) = D(G(z))), per sample, to be minimized.
///
/// The closed forms, their derivatives and their limits are in `docs/losses.md`, the conventions
/// in `docs/architecture.md#loss-conventions`; the evaluation is in `GeneratorLoss+Evaluation.swift`.
public enum GeneratorLoss: String, CaseIterable, Sendable, Hashable {
    /// Goodfellow's original (saturating) cost: `L = log(1 − D) = −softplus(ℓ)`.
    case minimax
    /// The non-saturating ("modified") cost: `L = −log D = softplus(−ℓ)`.
    case nonsat
    /// The maximum-likelihood cost: `L = −eˡ = −D/(1 − D)` (the tutorial's −½ eˡ without its ½, as
    /// every cost of this catalog: see ``GeneratorLoss``).
    case maxlik
    /// Least squares on the raw output (LSGAN): `L = ½ (ℓ − c)²`.
    case lsgan
    /// Least squares on the sigmoid output: `L = ½ (σ(ℓ) − 1)²`.
    case lssigmoid
    /// The Wasserstein generator loss on the critic output: `L = −ℓ`.
    case wgan
    /// The hinge-GAN generator loss: `L = −ℓ`.
    case hinge
    /// The relativistic average GAN, for one real/fake pair: `L = 2 softplus(ℓ_r − ℓ)`; the game
    /// ``rasgan`` under the id it had before the relativistic family joined the catalog.
    case ragan
    /// f-GAN with the Kullback–Leibler divergence: `L = −f*(g_f(ℓ)) = −e^(ℓ−1)` on the raw output.
    case fganKL = "fgan-kl"
    /// f-GAN with the reverse Kullback–Leibler divergence: `L = 1 − ℓ`.
    case fganRKL = "fgan-rkl"
    /// f-GAN with Pearson χ²: `L = −(ℓ²/4 + ℓ)`.
    case fganPearson = "fgan-pearson"
    /// f-GAN with squared Hellinger: `L = 1 − e^ℓ`.
    case fganHellinger = "fgan-hellinger"
    /// f-GAN with Jensen–Shannon: `L = log 2 − softplus(ℓ)`.
    case fganJS = "fgan-js"
    /// f-GAN with the GAN divergence: `L = −softplus(ℓ)` (the minimax loss).
    case fganGAN = "fgan-gan"
    /// The relativistic standard GAN (RSGAN), for one pair: `L = softplus(ℓ_r − ℓ)`.
    case rsgan
    /// The relativistic average GAN (RaSGAN), for one pair: `L = 2 softplus(ℓ_r − ℓ)`.
    case rasgan
    /// The relativistic average least-squares GAN (RaLSGAN), for one pair: `L = 2 (ℓ − ℓ_r − 1)²`.
    case ralsgan
    /// The relativistic average hinge GAN (RaHingeGAN), for one pair: `L = 2 max(0, 1 + ℓ_r − ℓ)`.
    case rahinge
    /// The energy-based GAN (EBGAN): `L = ℓ`, the energy the discriminator gives a generated sample
    /// (lower is more real; its discriminator's margin loss is ``DiscriminatorLoss/energy(margin:)``).
    case ebgan

    /// The canonical id, as used on the command line and in file names.
    public var id: String { rawValue }

    /// Other names accepted for this loss (matched case-insensitively, like the id).
    public var aliases: [String] {
        switch self {
        case .minimax: ["mm", "saturating"]
        case .nonsat: ["ns", "non-saturating", "nonsaturating", "modified"]
        case .maxlik: ["ml", "maximum-likelihood"]
        case .lsgan: ["ls", "least-squares"]
        case .lssigmoid: ["ls-sigmoid", "least-squares-sigmoid"]
        case .wgan: ["wasserstein"]
        case .hinge: []
        case .ragan: ["relativistic", "relativistic-average"]
        case .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN: []
        case .rsgan: ["relativistic-standard"]
        case .rasgan: []
        case .ralsgan: ["ra-lsgan"]
        case .rahinge: ["rahingegan", "ra-hinge"]
        case .ebgan: ["energy", "energy-based"]
        }
    }

    /// The f-divergence of an f-GAN game (``FDivergence``); nil for the other losses.
    public var fDivergence: FDivergence? {
        switch self {
        case .fganKL: .kl
        case .fganRKL: .rkl
        case .fganPearson: .pearson
        case .fganHellinger: .hellinger
        case .fganJS: .js
        case .fganGAN: .gan
        case .minimax, .nonsat, .maxlik, .lsgan, .lssigmoid, .wgan, .hinge, .ragan, .rsgan, .rasgan, .ralsgan, .rahinge, .ebgan: nil
        }
    }

    /// The relativistic game (``RelativisticGame``); nil for the other losses. `ragan` is RaSGAN.
    public var relativistic: RelativisticGame? {
        switch self {
        case .rsgan: .rsgan
        case .ragan, .rasgan: .rasgan
        case .ralsgan: .ralsgan
        case .rahinge: .rahinge
        case .minimax, .nonsat, .maxlik, .lsgan, .lssigmoid, .wgan, .hinge, .ebgan,
             .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN: nil
        }
    }

    /// The loss whose id or alias is `name`, ignoring case and surrounding spaces; nil if none.
    public init?(id name: String) {
        let key = name.trimmingSpaces.lowercased()
        guard let loss = Self.allCases.first(where: { $0.id == key || $0.aliases.contains(key) })
        else { return nil }
        self = loss
    }

    /// Whether the loss is a function of D = σ(ℓ), so that ∂L/∂D exists; false for the losses on
    /// the raw output (least squares on ℓ, Wasserstein, hinge, relativistic).
    public var isDefinedThroughD: Bool {
        switch self {
        case .minimax, .nonsat, .maxlik, .lssigmoid: true
        case .lsgan, .wgan, .hinge, .ragan, .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN,
             .rsgan, .rasgan, .ralsgan, .rahinge, .ebgan: false
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
