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
/// The relativistic average games (``RelativisticGame``: RaSGAN, RaLSGAN, RaHingeGAN) compare
/// each sample with the other side's mean logit (R̄, F̄), with their φ:
/// L_D = reduce_i φ(ℓ_r,i − F̄) + reduce_j φ(R̄ − ℓ_f,j) and
/// L_G = reduce_j φ(ℓ_f,j − R̄) + reduce_i φ(F̄ − ℓ_r,i); for one pair they are the catalog's
/// 2φ(ℓ_r − ℓ_f) and 2φ(ℓ_f − ℓ_r). RSGAN pairs sample i with sample i (m = n):
/// L_D = reduce_i φ(ℓ_r,i − ℓ_f,i), L_G = reduce_i φ(ℓ_f,i − ℓ_r,i).
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
/// The relativistic average games need each side's mean logit before their terms: give `realMean`
/// and `fakeMean` (a first pass over the logits, ``CompensatedSum``); the other games ignore them.
/// RSGAN takes its logits in pairs (``addPair(real:fake:)``, ``addPairs(real:fake:)``), the
/// other games a side at a time.
public struct BatchAccumulator: Sendable {
    /// The game.
    public let game: GeneratorLoss
    /// The game's parameters (targets, label smoothing).
    public let parameters: LossParameters
    let discriminator: DiscriminatorLoss
    /// The relativistic average game, whose terms need the cross sums; nil for the other games.
    let average: RelativisticGame?
    let realMean: Double, fakeMean: Double
    var realD = CompensatedSum(), fakeD = CompensatedSum()
    var realG = CompensatedSum(), fakeG = CompensatedSum()
    var realV = CompensatedSum(), fakeV = CompensatedSum()
    /// The relativistic average games' cross sums for the per-sample gradients:
    /// Σⱼ φ′(R̄ − ℓ_f,j), Σᵢ φ′(ℓ_r,i − F̄), Σᵢ φ′(F̄ − ℓ_r,i), Σⱼ φ′(ℓ_f,j − R̄).
    var crossFakeD = CompensatedSum(), crossRealD = CompensatedSum()
    var crossRealG = CompensatedSum(), crossFakeG = CompensatedSum()
    /// The logits added so far on each side.
    public internal(set) var realCount = 0, fakeCount = 0

    /// An empty batch of `game` with `parameters`; R̄ and F̄ for the relativistic average games.
    public init(game: GeneratorLoss, parameters: LossParameters = .standard, realMean: Double = 0, fakeMean: Double = 0) {
        self.game = game
        self.parameters = parameters
        self.discriminator = game.discriminatorLoss(parameters: parameters)
        self.average = game.relativistic.flatMap { $0.comparesWithMean ? $0 : nil }
        self.realMean = realMean
        self.fakeMean = fakeMean
    }

    /// Adds the logit of one real sample (not for RSGAN, which pairs them).
    public mutating func addReal(_ r: Double) {
        precondition(!pairsSamples, "RSGAN pairs its samples: add them with addPair(real:fake:)")
        realCount += 1
        if let average {
            // φ(ℓ_r − F̄), φ(F̄ − ℓ_r) and their φ′.
            let d = average.term(r - fakeMean), g = average.term(fakeMean - r)
            realD.add(d.value)
            realG.add(g.value)
            crossRealD.add(d.derivative)
            crossRealG.add(g.derivative)
            return
        }
        let d = discriminator.realValue(r, fakeMean: fakeMean)
        realD.add(d)
        // V's terms are plain BCE's: the discriminator's own unless its labels are smoothed.
        if game.hasValueFunction { realV.add(discriminator == .bce ? d : Double.softplus(-r)) }
    }

    /// Adds the logit of one generated sample (not for RSGAN, which pairs them).
    public mutating func addFake(_ f: Double) {
        precondition(!pairsSamples, "RSGAN pairs its samples: add them with addPair(real:fake:)")
        fakeCount += 1
        if let average {
            // φ(R̄ − ℓ_f), φ(ℓ_f − R̄) and their φ′.
            let d = average.term(realMean - f), g = average.term(f - realMean)
            fakeD.add(d.value)
            fakeG.add(g.value)
            crossFakeD.add(d.derivative)
            crossFakeG.add(g.derivative)
            return
        }
        let d = discriminator.fakeValue(f, realMean: realMean)
        fakeD.add(d)
        fakeG.add(game.value(atLogit: f, parameters: parameters))
        if game.hasValueFunction { fakeV.add(d) }
    }

    /// Whether the game takes its samples in pairs (RSGAN).
    public var pairsSamples: Bool { game == .rsgan }

    /// Adds the logits of one real sample and of the generated sample paired with it, for RSGAN:
    /// L_D's term φ(ℓ_r − ℓ_f) and L_G's φ(ℓ_f − ℓ_r), with φ(x) = softplus(−x).
    public mutating func addPair(real r: Double, fake f: Double) {
        precondition(pairsSamples, "only RSGAN pairs its samples: add the sides with addReal and addFake")
        realCount += 1
        fakeCount += 1
        realD.add(RelativisticGame.rsgan.term(r - f).value)
        realG.add(RelativisticGame.rsgan.term(f - r).value)
    }

    /// The objectives of the logits added, reduced by `reduction`, each side's half of L_D and L_G
    /// weighted by `weights` (``SideWeights``; V is not weighted); nil while a side is empty.
    public func objectives(reduction: Reduction, weights: SideWeights = .unit) -> BatchObjectives? {
        guard realCount > 0, fakeCount > 0 else { return nil }
        func reduce(_ s: CompensatedSum, _ count: Int) -> Double {
            reduction == .mean ? s.value / Double(count) : s.value
        }
        if pairsSamples {
            precondition(weights == .unit, "RSGAN's terms are per pair: there are no real and generated halves to weight")
            return BatchObjectives(discriminator: reduce(realD, realCount), generator: reduce(realG, realCount), value: nil)
        }
        let discriminator = weights.real * reduce(realD, realCount) + weights.fake * reduce(fakeD, fakeCount)
        let generator = (average != nil ? weights.real * reduce(realG, realCount) : 0) + weights.fake * reduce(fakeG, fakeCount)
        let value = game.hasValueFunction ? -(reduce(realV, realCount) + reduce(fakeV, fakeCount)) : nil
        return BatchObjectives(discriminator: discriminator, generator: generator, value: value)
    }
}

extension BatchAccumulator {
    /// ∂L_D/∂ℓ and ∂L_G/∂ℓ for one real sample's logit `r` of the batch added (after all of it has
    /// been added), under `reduction`. The weight of a term is 1/m for the mean of m, 1 for the sum:
    /// ```
    /// ∂L_D/∂ℓ_r,i = w_r real′(ℓ_r,i)                    ∂L_G/∂ℓ_r,i = 0
    /// average:  ∂L_D/∂ℓ_r,i =  w_r φ′(ℓ_r,i − F̄) + (w_f/m) Σⱼ φ′(R̄ − ℓ_f,j)
    ///           ∂L_G/∂ℓ_r,i = −w_r φ′(F̄ − ℓ_r,i) − (w_f/m) Σⱼ φ′(ℓ_f,j − R̄)
    /// ```
    /// (the second terms flow through R̄ = (1/m) Σᵢ ℓ_r,i). Not for RSGAN: ``gradients(pair:fake:reduction:)``.
    public func gradients(real r: Double, reduction: Reduction, weights sides: SideWeights = .unit) -> (discriminator: Double, generator: Double) {
        precondition(!pairsSamples, "RSGAN's gradients are per pair: use gradients(pair:fake:reduction:)")
        let (wr, wf) = weights(reduction, sides)
        guard let average else { return (wr * discriminator.realTerm(r, fakeMean: fakeMean).gradient, 0) }
        let m = Double(realCount)
        return (wr * average.term(r - fakeMean).derivative + wf / m * crossFakeD.value,
                -wr * average.term(fakeMean - r).derivative - wf / m * crossFakeG.value)
    }

    /// ∂L_D/∂ℓ and ∂L_G/∂ℓ for one generated sample's logit `f`, as ``gradients(real:reduction:weights:)``:
    /// ```
    /// ∂L_D/∂ℓ_f,j = w_f fake′(ℓ_f,j)                    ∂L_G/∂ℓ_f,j = w_f L′(ℓ_f,j)
    /// average:  ∂L_D/∂ℓ_f,j = −w_f φ′(R̄ − ℓ_f,j) − (w_r/n) Σᵢ φ′(ℓ_r,i − F̄)
    ///           ∂L_G/∂ℓ_f,j =  w_f φ′(ℓ_f,j − R̄) + (w_r/n) Σᵢ φ′(F̄ − ℓ_r,i)
    /// ```
    public func gradients(fake f: Double, reduction: Reduction, weights sides: SideWeights = .unit) -> (discriminator: Double, generator: Double) {
        precondition(!pairsSamples, "RSGAN's gradients are per pair: use gradients(pair:fake:reduction:)")
        let (wr, wf) = weights(reduction, sides)
        guard let average else {
            return (wf * discriminator.fakeTerm(f, realMean: realMean).gradient, wf * game.gradientLogit(atLogit: f, parameters: parameters))
        }
        let n = Double(fakeCount)
        return (-wf * average.term(realMean - f).derivative - wr / n * crossRealD.value,
                wf * average.term(f - realMean).derivative + wr / n * crossRealG.value)
    }

    /// RSGAN's derivatives in the two logits of one pair of the batch added, under `reduction`
    /// (w = 1/m for the mean of m pairs, 1 for the sum), φ(x) = softplus(−x):
    /// ```
    /// ∂L_D/∂ℓ_r =  w φ′(ℓ_r − ℓ_f)      ∂L_D/∂ℓ_f = −w φ′(ℓ_r − ℓ_f)
    /// ∂L_G/∂ℓ_r = −w φ′(ℓ_f − ℓ_r)      ∂L_G/∂ℓ_f =  w φ′(ℓ_f − ℓ_r)
    /// ```
    public func gradients(pair r: Double, fake f: Double, reduction: Reduction)
        -> (real: (discriminator: Double, generator: Double), fake: (discriminator: Double, generator: Double)) {
        precondition(pairsSamples, "only RSGAN pairs its samples")
        let w = reduction == .mean ? 1 / Double(realCount) : 1
        let d = RelativisticGame.rsgan.term(r - f).derivative, g = RelativisticGame.rsgan.term(f - r).derivative
        return ((w * d, -w * g), (-w * d, w * g))
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
