public import LossMath
internal import Glibc

/// What a column of user values is compared with: one catalog loss as a function of one logit,
/// the generator's loss or one side of the discriminator's.
public enum AuditSubject: Sendable, Hashable {
    /// The generator's loss L_G(ℓ) at the logit of a generated sample.
    case generator(GeneratorLoss)
    /// The discriminator's term for a real sample, ℓ = ℓ_r.
    case discriminatorReal(DiscriminatorLoss)
    /// The discriminator's term for a generated sample, ℓ = ℓ_f.
    case discriminatorFake(DiscriminatorLoss)

    /// The exact loss at ℓ (the catalog's stable form).
    public func value(atLogit l: Double) -> Double {
        switch self {
        case .generator(let loss): loss.value(atLogit: l)
        case .discriminatorReal(let loss): loss.realValue(l)
        case .discriminatorFake(let loss): loss.fakeValue(l)
        }
    }

    /// The exact ∂L/∂ℓ.
    public func gradient(atLogit l: Double) -> Double {
        switch self {
        case .generator(let loss): loss.gradientLogit(atLogit: l)
        case .discriminatorReal(let loss): loss.realTerm(l).gradient
        case .discriminatorFake(let loss): loss.fakeTerm(l).gradient
        }
    }

    /// The exact ∂L/∂D at D = σ(ℓ); nil for the losses that are not functions of D.
    public func gradientD(atLogit l: Double) -> Double? {
        switch self {
        case .generator(let loss): loss.gradientD(atLogit: l)
        case .discriminatorReal(let loss): loss.gradientsD(realLogit: l, fakeLogit: 0)?.real
        case .discriminatorFake(let loss): loss.gradientsD(realLogit: 0, fakeLogit: l)?.fake
        }
    }

    /// The loss as a function of D = σ(ℓ), with its derivative ∂L/∂D, for the losses that have
    /// one; nil for those defined on the raw output (least squares, Wasserstein, hinge, relativistic).
    public var inD: DSpaceForm? {
        switch self {
        case .generator(let loss):
            switch loss {
            case .minimax: .log(coefficient: 1, ofOneMinusD: true)
            case .nonsat: .log(coefficient: -1, ofOneMinusD: false)
            case .maxlik: .odds
            case .lssigmoid: .halfSquare(target: 1)
            case .lsgan, .wgan, .hinge, .ragan, .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN,
                 .rsgan, .rasgan, .ralsgan, .rahinge, .ebgan: nil
            }
        case .discriminatorReal(let loss):
            switch loss {
            case .bce: .log(coefficient: -1, ofOneMinusD: false)
            case .leastSquaresSigmoid: .halfSquare(target: 1)
            case .bceSmoothed, .leastSquares, .wasserstein, .hinge, .relativistic, .fDivergence, .energy: nil
            }
        case .discriminatorFake(let loss):
            switch loss {
            case .bce, .bceSmoothed: .log(coefficient: -1, ofOneMinusD: true)
            case .leastSquaresSigmoid: .halfSquare(target: 0)
            case .leastSquares, .wasserstein, .hinge, .relativistic, .fDivergence, .energy: nil
            }
        }
    }

    /// The loss as s·BCE(ℓ, y) = s·(softplus(ℓ) − y ℓ), for the losses that are a cross-entropy
    /// with a hard label y (where label smoothing replaces y by a target t).
    public var crossEntropy: (sign: Double, label: Double)? {
        switch self {
        case .generator(.nonsat): (1, 1)
        case .generator(.minimax): (-1, 0)
        case .discriminatorReal(.bce): (1, 1)
        case .discriminatorFake(.bce), .discriminatorFake(.bceSmoothed): (1, 0)
        case .generator, .discriminatorReal, .discriminatorFake: nil
        }
    }

    /// "the non-saturating generator loss", "the real term of binary cross-entropy".
    public var description: String {
        switch self {
        case .generator(let loss): "the \(loss.title) generator loss (\(loss.id))"
        case .discriminatorReal(let loss): "the real-sample term of \(loss.title)"
        case .discriminatorFake(let loss): "the generated-sample term of \(loss.title)"
        }
    }

    /// What to write instead of a form that goes wrong: the stable expression from the logit,
    /// in PyTorch (JAX's `jax.nn` has the same functions).
    public var stableForm: String {
        switch self {
        case .generator(.minimax): "-F.softplus(l)  (log(1 − D) from the logit)"
        case .generator(.nonsat): "F.softplus(-l), or F.binary_cross_entropy_with_logits(l, torch.ones_like(l), reduction='none')"
        case .generator(.maxlik): "-torch.exp(l)  (−D/(1 − D) = −e^ℓ)"
        case .generator(.lssigmoid): "0.5 * torch.sigmoid(-l)**2  (½(D − 1)² = ½σ(−ℓ)²)"
        case .generator(.lsgan): "0.5 * (l - c)**2 on the raw output"
        case .generator(.wgan), .generator(.hinge): "-l"
        case .generator(.ebgan): "l  (the energy of the generated sample)"
        case .generator(let loss) where loss.relativistic != nil: Self.torch(loss.relativistic!, term: .generator)
        case .generator(let loss) where loss.fDivergence != nil: Self.torch(loss.fDivergence!, term: .generator)
        case .generator: "the catalog's form"
        case .discriminatorReal(.fDivergence(let d)): Self.torch(d, term: .real)
        case .discriminatorFake(.fDivergence(let d)): Self.torch(d, term: .fake)
        case .discriminatorReal(.bce): "F.binary_cross_entropy_with_logits(l, torch.ones_like(l), reduction='none')  (= F.softplus(-l))"
        case .discriminatorReal(.bceSmoothed(let t)):
            "F.binary_cross_entropy_with_logits(l, torch.full_like(l, \(t)), reduction='none')"
        case .discriminatorFake(.bce), .discriminatorFake(.bceSmoothed):
            "F.binary_cross_entropy_with_logits(l, torch.zeros_like(l), reduction='none')  (= F.softplus(l))"
        case .discriminatorReal(.leastSquaresSigmoid): "0.5 * torch.sigmoid(-l)**2"
        case .discriminatorFake(.leastSquaresSigmoid): "0.5 * torch.sigmoid(l)**2"
        case .discriminatorReal(.leastSquares(_, let b)): "0.5 * (l - \(b))**2"
        case .discriminatorFake(.leastSquares(let a, _)): "0.5 * (l - \(a))**2"
        case .discriminatorReal(.wasserstein): "-l"
        case .discriminatorFake(.wasserstein): "l"
        case .discriminatorReal(.hinge): "F.relu(1 - l)"
        case .discriminatorFake(.hinge): "F.relu(1 + l)"
        case .discriminatorReal(.energy): "l  (the energy of the real sample)"
        case .discriminatorFake(.energy(let m)): "F.relu(\(m) - l)"
        case .discriminatorReal(.relativistic(let game)): Self.torch(game, term: .real)
        case .discriminatorFake(.relativistic(let game)): Self.torch(game, term: .fake)
        }
    }
}

extension AuditSubject {
    /// An f-GAN or relativistic term.
    enum FGANTerm { case real, fake, generator }

    /// A relativistic game's term in PyTorch: the generator's one-pair loss against the real logit
    /// l_r, the discriminator's terms against the other side's mean (RSGAN's against the partner,
    /// half the pair's loss each).
    static func torch(_ game: RelativisticGame, term: FGANTerm) -> String {
        switch (game, term) {
        case (.rsgan, .generator): "F.softplus(l_r - l)"
        case (.rasgan, .generator): "2 * F.softplus(l_r - l)"
        case (.ralsgan, .generator): "2 * (l - l_r - 1)**2"
        case (.rahinge, .generator): "2 * F.relu(1 + l_r - l)"
        case (.rsgan, .real): "0.5 * F.softplus(l_f - l)"
        case (.rasgan, .real): "F.softplus(f_mean - l)"
        case (.ralsgan, .real): "(l - f_mean - 1)**2"
        case (.rahinge, .real): "F.relu(1 - (l - f_mean))"
        case (.rsgan, .fake): "0.5 * F.softplus(l - l_r)"
        case (.rasgan, .fake): "F.softplus(l - r_mean)"
        case (.ralsgan, .fake): "(l - r_mean + 1)**2"
        case (.rahinge, .fake): "F.relu(1 + (l - r_mean))"
        }
    }

    /// An f-GAN term in PyTorch, from the raw output l.
    static func torch(_ d: FDivergence, term: FGANTerm) -> String {
        switch (d, term) {
        case (.kl, .real), (.pearson, .real): "-l"
        case (.rkl, .real): "torch.exp(-l)"
        case (.hellinger, .real): "torch.expm1(-l)"
        case (.js, .real): "F.softplus(-l) - math.log(2)"
        case (.gan, .real): "F.softplus(-l)"
        case (.kl, .fake): "torch.exp(l - 1)"
        case (.rkl, .fake): "l - 1"
        case (.pearson, .fake): "l * l / 4 + l"
        case (.hellinger, .fake): "torch.expm1(l)"
        case (.js, .fake): "F.softplus(l) - math.log(2)"
        case (.gan, .fake): "F.softplus(l)"
        case (.kl, .generator): "-torch.exp(l - 1)"
        case (.rkl, .generator): "1 - l"
        case (.pearson, .generator): "-(l * l / 4 + l)"
        case (.hellinger, .generator): "-torch.expm1(l)"
        case (.js, .generator): "math.log(2) - F.softplus(l)"
        case (.gan, .generator): "-F.softplus(l)"
        }
    }
}

/// A loss written as a function of the probability D, as naive code evaluates it.
public enum DSpaceForm: Sendable, Hashable {
    /// a·log(u), u = 1 − D or D: minimax log(1 − D), non-saturating −log D, the BCE terms.
    case log(coefficient: Double, ofOneMinusD: Bool)
    /// −D/(1 − D), the maximum-likelihood generator loss.
    case odds
    /// ½(D − y)²: least squares on σ.
    case halfSquare(target: Double)

    /// The value at D, with `epsilon` added inside the log (the "epsilon trick") and the log
    /// kept at or above `logFloor` (PyTorch's BCELoss clamps it at −100).
    public func value(atD d: Double, epsilon: Double = 0, logFloor: Double = -.infinity) -> Double {
        switch self {
        case .log(let a, let complement):
            return a * max(Glibc.log((complement ? 1 - d : d) + epsilon), logFloor)
        case .odds: return -d / (1 - d)
        case .halfSquare(let y): return 0.5 * (d - y) * (d - y)
        }
    }

    /// ∂L/∂D at D (with the same `epsilon`; 0 where the floor holds the log).
    public func derivative(atD d: Double, epsilon: Double = 0, logFloor: Double = -.infinity) -> Double {
        switch self {
        case .log(let a, let complement):
            let u = (complement ? 1 - d : d) + epsilon
            guard Glibc.log(u) >= logFloor else { return 0 }
            return (complement ? -a : a) / u
        case .odds: return -1 / ((1 - d) * (1 - d))
        case .halfSquare(let y): return d - y
        }
    }
}
