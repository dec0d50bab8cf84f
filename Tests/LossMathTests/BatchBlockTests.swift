import LossMath
import Testing

/// Logits added a block at a time give what they give one at a time, to the bit.
@Suite("Batch objectives from blocks")
struct BatchBlockTests {
    /// Logits with the awkward values mixed in: zeros of both signs, infinities, the limits of
    /// softplus's branches, subnormals, the other side's mean itself (so that ℓ − M̄ is ±0).
    static func logits(_ count: Int, seed: UInt64, mean: Double, special: Bool) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        let specials: [Double] = [0, -0.0, 41.6, -41.6, 60, -60, 709.8, -745.2, 800, -800, 1e-310, -1e-310,
                                  .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0.5, -0.5, mean]
        return (0..<count).map { i in
            if special && i % 7 == 3 { return specials[Int(rng.next() % UInt64(specials.count))] }
            return rng.standardNormal() * [1, 5, 40][i % 3]
        }
    }

    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    /// The accumulator of `game` over the logits, added one at a time or in blocks of `block`.
    static func accumulate(_ game: GeneratorLoss, parameters: LossParameters, real: [Double], fake: [Double],
                           means: (Double, Double), block: Int?) -> BatchAccumulator {
        var a = BatchAccumulator(game: game, parameters: parameters, realMean: means.0, fakeMean: means.1)
        guard let block else {
            real.forEach { a.addReal($0) }
            fake.forEach { a.addFake($0) }
            return a
        }
        real.withUnsafeBufferPointer { r in
            for start in stride(from: 0, to: r.count, by: block) {
                a.addReal(UnsafeBufferPointer(rebasing: r[start..<min(start + block, r.count)]))
            }
        }
        fake.withUnsafeBufferPointer { f in
            for start in stride(from: 0, to: f.count, by: block) {
                a.addFake(UnsafeBufferPointer(rebasing: f[start..<min(start + block, f.count)]))
            }
        }
        return a
    }

    // RSGAN's blocks (addPairs) add each pair in turn by construction.
    @Test("every game, with and without smoothing: the objectives and the per-sample gradients bit for bit",
          arguments: GeneratorLoss.allCases.filter { $0 != .rsgan })
    func sameBits(game: GeneratorLoss) throws {
        // Means that are logits too (0.5 and +0), so that some ℓ_r − F̄ and F̄ − ℓ_r are zeros of either sign.
        for (parameters, means) in [(LossParameters.standard, (0.5, 0.0)), (LossParameters(realLabel: 0.9), (-1.25, 3.0))] {
            for special in [false, true] {
                let real = Self.logits(10_001, seed: 1, mean: means.1, special: special)
                let fake = Self.logits(9_999, seed: 2, mean: means.0, special: special)
                let one = Self.accumulate(game, parameters: parameters, real: real, fake: fake, means: means, block: nil)
                for block in [1, 7, 4096, 100_000] {
                    let blocks = Self.accumulate(game, parameters: parameters, real: real, fake: fake, means: means, block: block)
                    #expect(blocks.realCount == one.realCount && blocks.fakeCount == one.fakeCount)
                    for reduction in Reduction.allCases {
                        let a = try #require(one.objectives(reduction: reduction))
                        let b = try #require(blocks.objectives(reduction: reduction))
                        #expect(Self.same(a.discriminator, b.discriminator) && Self.same(a.generator, b.generator),
                                "\(game.id) \(reduction) block \(block) special \(special): \(a) vs \(b)")
                        #expect(a.value.map(\.bitPattern) == b.value.map(\.bitPattern) || (a.value!.isNaN && b.value!.isNaN))
                        // The relativistic game's gradients go through the cross sums.
                        for (r, f) in zip(real.prefix(50), fake.prefix(50)) {
                            let (gr, hr) = (one.gradients(real: r, reduction: reduction), blocks.gradients(real: r, reduction: reduction))
                            let (gf, hf) = (one.gradients(fake: f, reduction: reduction), blocks.gradients(fake: f, reduction: reduction))
                            #expect(Self.same(gr.discriminator, hr.discriminator) && Self.same(gr.generator, hr.generator))
                            #expect(Self.same(gf.discriminator, hf.discriminator) && Self.same(gf.generator, hf.generator))
                        }
                    }
                }
            }
        }
    }

    @Test("the special values do reach the objectives: finite where the inputs are, NaN for NaN")
    func specialsCount() throws {
        var a = BatchAccumulator(game: .nonsat)
        [0, -0.0, 800, -800].withUnsafeBufferPointer { a.addReal($0) }
        [0, -0.0, 800, -800].withUnsafeBufferPointer { a.addFake($0) }
        let o = try #require(a.objectives(reduction: .sum))
        // 2 log 2 + softplus(−800) + 800 on each side for L_D; L_G = 2 log 2 + 800 + softplus(−800).
        #expect(o.discriminator == 2 * (2 * 0.6931471805599453 + 800))
        #expect(o.generator == 2 * 0.6931471805599453 + 800)
        var b = BatchAccumulator(game: .ragan, realMean: 0, fakeMean: 0)
        [Double.nan].withUnsafeBufferPointer { b.addReal($0) }
        [1.0].withUnsafeBufferPointer { b.addFake($0) }
        #expect(try #require(b.objectives(reduction: .mean)).discriminator.isNaN)
    }
}
