/// Logits added a block at a time: the terms of the whole block are computed in tight loops, then
/// summed in order. The sums receive the same terms in the same order as ``BatchAccumulator/addReal(_:)``
/// and ``BatchAccumulator/addFake(_:)`` called for each logit in turn, so the objectives are the same
/// to the bit (the tests compare them).
///
/// What the loops share, where the scalar path computed it twice: the BCE games' real term
/// softplus(−ℓ_r) is both L_D's and V's; their fake term softplus(ℓ_f) is L_D's, V's and, negated,
/// minimax's L_G; nonsat's L_G softplus(−ℓ_f) and RaSGAN's four terms per logit
/// come from one exponential with the term at the mirrored argument (``logisticPairs(_:mirror:)``,
/// the bits of ``logisticPair(_:timesPowerOfTwo:)`` at both). A sum that would receive the very
/// terms another has received is not computed twice but copied: the same additions in the same
/// order give the same state.
///
/// The BCE loops are small functions of their own (never inlined into the large callers, which
/// would keep the kernel out of line) around the inlined kernel (`logisticPair(x).softplus` is what
/// `Double.softplus(x)` returns), so that they vectorize where the build allows it (`make release`).
extension BatchAccumulator {
    /// Adds the logits of real samples, in order (not for RSGAN, which pairs them).
    public mutating func addReal(_ logits: UnsafeBufferPointer<Double>) {
        precondition(!pairsSamples, "RSGAN pairs its samples: add them with addPairs(real:fake:)")
        guard let r = logits.baseAddress, logits.count > 0 else { return }
        let n = logits.count
        realCount += n
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * n) { scratch in
            let d = scratch.baseAddress!, g = d + n, crossD = d + 2 * n, crossG = d + 3 * n
            func sum(_ terms: UnsafeMutablePointer<Double>) -> UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: terms, count: n) }
            switch (discriminator, average) {
            case (.bce, _):
                Self.softplusLoop(r, count: n, negated: true, into: d)
            case (_, .rasgan?):
                // softplus(F̄ − ℓ_r), softplus(ℓ_r − F̄), −σ(F̄ − ℓ_r), −σ(ℓ_r − F̄).
                Self.relativisticLoop(r, count: n, otherMean: fakeMean, real: true, into: (d, g, crossD, crossG))
            case (_, let average?):
                // φ(ℓ_r − F̄), φ(F̄ − ℓ_r) and their φ′.
                Self.relativisticTermsLoop(average, r, count: n, otherMean: fakeMean, real: true, into: (d, g, crossD, crossG))
            default:
                for i in 0..<n { d[i] = discriminator.realValue(r[i], fakeMean: fakeMean) }
            }
            realD.add(contentsOf: sum(d))
            if average != nil {
                realG.add(contentsOf: sum(g))
                crossRealD.add(contentsOf: sum(crossD))
                crossRealG.add(contentsOf: sum(crossG))
            }
            // V's terms are plain BCE's: the discriminator's own unless its labels are smoothed. With
            // plain BCE realV has received every term realD has (here and in addReal(_: Double)).
            if game.hasValueFunction {
                if discriminator == .bce {
                    realV = realD
                } else {
                    Self.softplusLoop(r, count: n, negated: true, into: d)
                    realV.add(contentsOf: sum(d))
                }
            }
        }
    }

    /// Adds the logits of generated samples, in order (not for RSGAN, which pairs them).
    public mutating func addFake(_ logits: UnsafeBufferPointer<Double>) {
        precondition(!pairsSamples, "RSGAN pairs its samples: add them with addPairs(real:fake:)")
        guard let f = logits.baseAddress, logits.count > 0 else { return }
        let n = logits.count
        fakeCount += n
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * n) { scratch in
            let d = scratch.baseAddress!, g = d + n, crossD = d + 2 * n, crossG = d + 3 * n
            func sum(_ terms: UnsafeMutablePointer<Double>) -> UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: terms, count: n) }
            switch (discriminator, game) {
            case (.relativistic(.rasgan), _):
                // softplus(ℓ_f − R̄), softplus(R̄ − ℓ_f), −σ(ℓ_f − R̄), −σ(R̄ − ℓ_f).
                Self.relativisticLoop(f, count: n, otherMean: realMean, real: false, into: (d, g, crossD, crossG))
            case (.relativistic(let average), _):
                // φ(R̄ − ℓ_f), φ(ℓ_f − R̄) and their φ′.
                Self.relativisticTermsLoop(average, f, count: n, otherMean: realMean, real: false, into: (d, g, crossD, crossG))
            case (.bce, .minimax), (.bceSmoothed, .minimax):
                // L_D's softplus(ℓ_f) and L_G's −softplus(ℓ_f).
                Self.softplusLoop(f, count: n, negated: false, into: d)
                for i in 0..<n { g[i] = -d[i] }
            case (.bce, .nonsat), (.bceSmoothed, .nonsat):
                // softplus(ℓ_f) and softplus(−ℓ_f).
                Self.mirroredSoftplusLoop(f, count: n, into: d, mirror: g)
            case (.bce, .maxlik), (.bceSmoothed, .maxlik):
                // L_D's softplus(ℓ_f) and L_G's −e^ℓ.
                Self.softplusLoop(f, count: n, negated: false, into: d)
                for i in 0..<n { g[i] = GeneratorLoss.maxlikValue(f[i]) }
            default:
                for i in 0..<n { d[i] = discriminator.fakeValue(f[i], realMean: realMean) }
                for i in 0..<n { g[i] = game.value(atLogit: f[i], parameters: parameters) }
            }
            fakeD.add(contentsOf: sum(d))
            fakeG.add(contentsOf: sum(g))
            if average != nil {
                crossFakeD.add(contentsOf: sum(crossD))
                crossFakeG.add(contentsOf: sum(crossG))
            }
            // fakeV has received every term fakeD has (here and in addFake(_: Double)).
            if game.hasValueFunction { fakeV = fakeD }
        }
    }

    /// out[i] = softplus(−x[i]) when `negated`, else softplus(x[i]).
    @inline(never)
    static func softplusLoop(_ x: UnsafePointer<Double>, count n: Int, negated: Bool, into out: UnsafeMutablePointer<Double>) {
        if negated {
            for i in 0..<n { out[i] = logisticPair(-x[i]).softplus }
        } else {
            for i in 0..<n { out[i] = logisticPair(x[i]).softplus }
        }
    }

    /// out[i] = softplus(x[i]) and mirror[i] = softplus(−x[i]), from one exponential each.
    @inline(never)
    static func mirroredSoftplusLoop(_ x: UnsafePointer<Double>, count n: Int, into out: UnsafeMutablePointer<Double>,
                                     mirror: UnsafeMutablePointer<Double>) {
        for i in 0..<n {
            let p = logisticPairs(x[i], mirror: -x[i])
            out[i] = p.softplus
            mirror[i] = p.mirrorSoftplus
        }
    }

    /// RaSGAN's terms of one side, from one exponential per logit: with a = M̄ − ℓ for a real logit
    /// and a = ℓ − M̄ for a generated one (M̄ the other side's mean), softplus(a), softplus(−a),
    /// −σ(a), −σ(−a) (L_D's and L_G's terms, φ′ of each, φ(x) = softplus(−x)), each −a formed as
    /// its own subtraction as the scalar path forms it.
    @inline(never)
    static func relativisticLoop(_ x: UnsafePointer<Double>, count n: Int, otherMean m: Double, real: Bool,
                                 into out: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>,
                                            UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)) {
        let (softplus, mirrorSoftplus, sigmoid, mirrorSigmoid) = out
        for i in 0..<n {
            let a = real ? m - x[i] : x[i] - m
            let p = logisticPairs(a, mirror: real ? x[i] - m : m - x[i])
            (softplus[i], mirrorSoftplus[i], sigmoid[i], mirrorSigmoid[i]) = (p.softplus, p.mirrorSoftplus, -p.sigmoid, -p.mirrorSigmoid)
        }
    }

    /// The terms of one side of a relativistic average game with φ, as the scalar path forms them:
    /// for a real logit φ(ℓ − M̄), φ(M̄ − ℓ) and their φ′; for a generated one φ(M̄ − ℓ), φ(ℓ − M̄)
    /// and theirs.
    static func relativisticTermsLoop(_ game: RelativisticGame, _ x: UnsafePointer<Double>, count n: Int, otherMean m: Double,
                                      real: Bool, into out: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>,
                                                             UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)) {
        let (d, g, crossD, crossG) = out
        for i in 0..<n {
            let towardD = game.term(real ? x[i] - m : m - x[i]), towardG = game.term(real ? m - x[i] : x[i] - m)
            (d[i], g[i], crossD[i], crossG[i]) = (towardD.value, towardG.value, towardD.derivative, towardG.derivative)
        }
    }
}

extension BatchAccumulator {
    /// Adds pairs of logits for RSGAN, real sample i with generated sample i, in order: the same
    /// sums as ``addPair(real:fake:)`` for each pair in turn. The two buffers have the same count.
    public mutating func addPairs(real: UnsafeBufferPointer<Double>, fake: UnsafeBufferPointer<Double>) {
        precondition(real.count == fake.count, "RSGAN pairs real sample i with generated sample i: give as many of each")
        for i in 0..<real.count { addPair(real: real[i], fake: fake[i]) }
    }
}
