/// How the per-sample losses of a batch are combined: their mean (PyTorch's and TF-GAN's default)
/// or their sum.
public enum Reduction: String, Sendable, Hashable, CaseIterable {
    /// (1/m) Σᵢ, over each side's own count m.
    case mean
    /// Σᵢ.
    case sum
}

/// One game's objectives over a batch of m real and n generated logits, as the course writes them:
/// ```
/// L_D = reduce_i real(ℓ_r,i) + reduce_j fake(ℓ_f,j)          (``DiscriminatorLoss/realTerm(_:fakeMean:)``)
/// L_G = reduce_j L(ℓ_f,j)                                    (the generator loss of the game)
/// V(D, G) = (1/m) Σᵢ log D(xᵢ) + (1/n) Σⱼ log(1 − D(G(zⱼ)))  = −(mean softplus(−ℓ_r) + mean softplus(ℓ_f))
/// ```
/// V is the value of Goodfellow et al. (2014), defined for the BCE games (minimax, nonsat,
/// maxlik) without label smoothing; the discriminator maximizes it, so L_D = −V when t = 1 and
/// the reduction is the mean. With `.sum` every mean above is a sum.
///
/// The relativistic game compares each sample with the other side's mean logit (R̄, F̄):
/// L_D = reduce_i softplus(F̄ − ℓ_r,i) + reduce_j softplus(ℓ_f,j − R̄) and
/// L_G = reduce_j softplus(R̄ − ℓ_f,j) + reduce_i softplus(ℓ_r,i − F̄); for one pair they are the
/// catalog's 2 softplus(ℓ_f − ℓ_r) and 2 softplus(ℓ_r − ℓ_f).
public struct BatchObjectives: Sendable, Hashable {
    /// L_D, the discriminator's (critic's) loss.
    public var discriminator: Double
    /// L_G, the generator's loss.
    public var generator: Double
    /// V(D, G), for the BCE games; nil for the others.
    public var value: Double?
}

/// Running sums of a game's objectives over logits given one at a time, for batches too large to
/// hold: memory does not grow with the batch. The sums are compensated (Neumaier), so that 10⁷
/// terms lose no more than a rounding or two.
///
/// The relativistic game needs each side's mean logit before its terms: give `realMean` and
/// `fakeMean` (a first pass over the logits, ``CompensatedSum``); the other games ignore them.
public struct BatchAccumulator: Sendable {
    /// The game.
    public let game: GeneratorLoss
    /// The game's parameters (targets, label smoothing).
    public let parameters: LossParameters
    let discriminator: DiscriminatorLoss
    let realMean: Double, fakeMean: Double
    var realD = CompensatedSum(), fakeD = CompensatedSum()
    var realG = CompensatedSum(), fakeG = CompensatedSum()
    var realV = CompensatedSum(), fakeV = CompensatedSum()
    /// The relativistic game's cross sums for the per-sample gradients: Σⱼ σ(ℓ_f,j − R̄),
    /// Σᵢ σ(F̄ − ℓ_r,i), Σᵢ σ(ℓ_r,i − F̄), Σⱼ σ(R̄ − ℓ_f,j).
    var crossFakeD = CompensatedSum(), crossRealD = CompensatedSum()
    var crossRealG = CompensatedSum(), crossFakeG = CompensatedSum()
    /// The logits added so far on each side.
    public internal(set) var realCount = 0, fakeCount = 0

    /// An empty batch of `game` with `parameters`; R̄ and F̄ for the relativistic game.
    public init(game: GeneratorLoss, parameters: LossParameters = .standard, realMean: Double = 0, fakeMean: Double = 0) {
        self.game = game
        self.parameters = parameters
        self.discriminator = game.discriminatorLoss(parameters: parameters)
        self.realMean = realMean
        self.fakeMean = fakeMean
    }

    /// Adds the logit of one real sample.
    public mutating func addReal(_ r: Double) {
        realCount += 1
        let d = discriminator.realValue(r, fakeMean: fakeMean)
        realD.add(d)
        if game == .ragan {
            realG.add(Double.softplus(r - fakeMean))
            crossRealD.add(Double.sigmoid(fakeMean - r))
            crossRealG.add(Double.sigmoid(r - fakeMean))
        }
        // V's terms are plain BCE's: the discriminator's own unless its labels are smoothed.
        if game.hasValueFunction { realV.add(discriminator == .bce ? d : Double.softplus(-r)) }
    }

    /// Adds the logit of one generated sample.
    public mutating func addFake(_ f: Double) {
        fakeCount += 1
        let d = discriminator.fakeValue(f, realMean: realMean)
        fakeD.add(d)
        if game == .ragan {
            fakeG.add(Double.softplus(realMean - f))
            crossFakeD.add(Double.sigmoid(f - realMean))
            crossFakeG.add(Double.sigmoid(realMean - f))
        } else {
            fakeG.add(game.value(atLogit: f, parameters: parameters))
        }
        if game.hasValueFunction { fakeV.add(d) }
    }

    /// The objectives of the logits added, reduced by `reduction`, each side's half of L_D and L_G
    /// weighted by `weights` (``SideWeights``; V is not weighted); nil while a side is empty.
    public func objectives(reduction: Reduction, weights: SideWeights = .unit) -> BatchObjectives? {
        guard realCount > 0, fakeCount > 0 else { return nil }
        func reduce(_ s: CompensatedSum, _ count: Int) -> Double {
            reduction == .mean ? s.value / Double(count) : s.value
        }
        let discriminator = weights.real * reduce(realD, realCount) + weights.fake * reduce(fakeD, fakeCount)
        let generator = (game == .ragan ? weights.real * reduce(realG, realCount) : 0) + weights.fake * reduce(fakeG, fakeCount)
        let value = game.hasValueFunction ? -(reduce(realV, realCount) + reduce(fakeV, fakeCount)) : nil
        return BatchObjectives(discriminator: discriminator, generator: generator, value: value)
    }
}

extension BatchAccumulator {
    /// ∂L_D/∂ℓ and ∂L_G/∂ℓ for one real sample's logit `r` of the batch added (after all of it has
    /// been added), under `reduction`. The weight of a term is 1/m for the mean of m, 1 for the sum:
    /// ```
    /// ∂L_D/∂ℓ_r,i = w_r real′(ℓ_r,i)                    ∂L_G/∂ℓ_r,i = 0
    /// relativistic: ∂L_D/∂ℓ_r,i = −w_r σ(F̄ − ℓ_r,i) − (w_f/m) Σⱼ σ(ℓ_f,j − R̄)
    ///               ∂L_G/∂ℓ_r,i =  w_r σ(ℓ_r,i − F̄) + (w_f/m) Σⱼ σ(R̄ − ℓ_f,j)
    /// ```
    /// (the second terms flow through R̄ = (1/m) Σᵢ ℓ_r,i).
    public func gradients(real r: Double, reduction: Reduction, weights sides: SideWeights = .unit) -> (discriminator: Double, generator: Double) {
        let (wr, wf) = weights(reduction, sides)
        let d = wr * discriminator.realTerm(r, fakeMean: fakeMean).gradient
        guard game == .ragan else { return (d, 0) }
        let m = Double(realCount)
        return (d - wf / m * crossFakeD.value, wr * Double.sigmoid(r - fakeMean) + wf / m * crossFakeG.value)
    }

    /// ∂L_D/∂ℓ and ∂L_G/∂ℓ for one generated sample's logit `f`, as ``gradients(real:reduction:weights:)``:
    /// ```
    /// ∂L_D/∂ℓ_f,j = w_f fake′(ℓ_f,j)                    ∂L_G/∂ℓ_f,j = w_f L′(ℓ_f,j)
    /// relativistic: ∂L_D/∂ℓ_f,j =  w_f σ(ℓ_f,j − R̄) + (w_r/n) Σᵢ σ(F̄ − ℓ_r,i)
    ///               ∂L_G/∂ℓ_f,j = −w_f σ(R̄ − ℓ_f,j) − (w_r/n) Σᵢ σ(ℓ_r,i − F̄)
    /// ```
    public func gradients(fake f: Double, reduction: Reduction, weights sides: SideWeights = .unit) -> (discriminator: Double, generator: Double) {
        let (wr, wf) = weights(reduction, sides)
        let d = wf * discriminator.fakeTerm(f, realMean: realMean).gradient
        guard game == .ragan else { return (d, wf * game.gradientLogit(atLogit: f, parameters: parameters)) }
        let n = Double(fakeCount)
        return (d + wr / n * crossRealD.value, -wf * Double.sigmoid(realMean - f) - wr / n * crossRealG.value)
    }

    /// The weight of a real and of a generated sample's term: 1/m and 1/n for the mean, 1 for the
    /// sum, times the side's weight w_r or w_f.
    func weights(_ reduction: Reduction, _ sides: SideWeights) -> (real: Double, fake: Double) {
        reduction == .mean ? (sides.real / Double(realCount), sides.fake / Double(fakeCount)) : (sides.real, sides.fake)
    }
}

/// A sum of many doubles with its rounding errors carried (Neumaier's variant of Kahan's
/// summation): the error is a rounding or two of the result, not one per term.
public struct CompensatedSum: Sendable, Hashable {
    var sum = 0.0, compensation = 0.0
    /// The number of terms added.
    public private(set) var count = 0

    /// An empty sum.
    public init() {}

    /// Adds `x`.
    public mutating func add(_ x: Double) {
        count += 1
        let t = sum + x
        if t.isFinite {
            compensation += abs(sum) >= abs(x) ? (sum - t) + x : (x - t) + sum
        }
        sum = t
    }

    /// Adds the terms in order: the same as ``add(_:)`` for each in turn.
    public mutating func add(contentsOf terms: UnsafeBufferPointer<Double>) {
        // On a copy in local variables, which stay in registers: `self` lives in memory, and a
        // store and reload per term would lengthen the chain of dependent additions.
        var local = self
        for x in terms { local.add(x) }
        self = local
    }

    /// The sum.
    public var value: Double { sum.isFinite ? sum + compensation : sum }

    /// The mean of the terms (NaN for none).
    public var mean: Double { value / Double(count) }

    /// Adds the terms of `other`: their sum and its carried error.
    mutating func add(_ other: CompensatedSum) {
        let terms = count + other.count
        add(other.sum)
        if other.sum.isFinite { compensation += other.compensation }
        count = terms
    }

    /// Multiplies the sum by 2ⁿ, n ≤ 0: exactly, unless the result falls among the subnormal
    /// doubles, which keep it to the nearest multiple of 2⁻¹⁰⁷⁴.
    mutating func multiply(byPowerOfTwo n: Int) {
        let factor = Double(sign: .plus, exponent: n, significand: 1)
        sum *= factor
        compensation *= factor
    }
}
