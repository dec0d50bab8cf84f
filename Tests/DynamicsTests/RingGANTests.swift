import Dynamics
import LossMath
import Testing

@Suite("Ring GAN")
struct RingGANTests {
    @Test("coverage: 3σ discs, a mode counted from 1% of the samples")
    func coverage() {
        let data = RingData.ring
        #expect(data.centers.count == 8 && abs(data.centers[2].y - 2) < 1e-15 && abs(data.centers[2].x) < 1e-15)
        // 100 samples: 60 on mode 0, 39 inside 3σ of mode 3 (just), 1 on mode 5 (1%), none elsewhere.
        var samples: [Float] = []
        for _ in 0..<60 { samples += [2, 0] }
        let c3 = data.centers[3]
        for _ in 0..<39 { samples += [Float(c3.x + 0.0599), Float(c3.y)] }
        samples += [Float(data.centers[5].x), Float(data.centers[5].y)]
        var c = data.coverage(of: samples)
        #expect(c.perMode == [60, 0, 0, 39, 0, 1, 0, 0])
        #expect(c.modesCovered == 3 && c.highQualityShare == 1)
        samples[2 * 99] = 0; samples[2 * 99 + 1] = 0       // the lone sample moves to the centre
        c = data.coverage(of: samples)
        #expect(c.modesCovered == 2 && c.highQualityShare == 0.99)
        samples[2 * 98] = Float(c3.x + 0.061)              // just outside 3σ
        #expect(data.coverage(of: samples).perMode[3] == 38)
        #expect(RingData.grid.centers.count == 25 && RingData.grid.centers.contains { $0.x == -4 && $0.y == 4 })
    }

    static func tiny(_ objective: RingGAN.Objective, seed: UInt64) -> RingGAN {
        var gan = RingGAN.recipe(objective)
        gan.steps = 6
        gan.seed = seed
        gan.generatorHidden = [8]
        gan.discriminatorHidden = [8, 8]
        gan.batch = 16
        gan.evaluationSamples = 50
        return gan
    }

    @Test("the same seed gives the same samples bit for bit; another seed others", arguments: RingGAN.Objective.allCases)
    func deterministic(objective: RingGAN.Objective) {
        let a = Self.tiny(objective, seed: 4).train(snapshotSteps: [0, 3, 6])
        let b = Self.tiny(objective, seed: 4).train(snapshotSteps: [0, 3, 6])
        let c = Self.tiny(objective, seed: 5).train(snapshotSteps: [0, 3, 6])
        #expect(a.map(\.step) == [0, 3, 6])
        #expect(a.map { $0.samples.map(\.bitPattern) } == b.map { $0.samples.map(\.bitPattern) })
        #expect(a.last!.samples != c.last!.samples)
        #expect(a[0].samples != a[2].samples, "training moves the generator")
    }

    @Test("the recipes differ only in loss and penalty")
    func recipes() {
        let all = RingGAN.Objective.allCases.map { RingGAN.recipe($0) }
        for gan in all {
            #expect(gan.generatorHidden == [64, 64] && gan.discriminatorHidden == [64, 64] && gan.batch == 128)
            #expect(gan.generatorRate == 1e-3 && gan.discriminatorRate == 1e-3 && gan.beta1 == 0.5 && gan.beta2 == 0.9)
            #expect(gan.steps == 3000 && gan.decayStart == 0.5)
            #expect(gan.criticSteps == (gan.objective == .wgangp ? 5 : 1))
        }
        #expect(RingGAN.recipe(.wgangp).lambda == 0.1 && RingGAN.recipe(.r1).gamma == 1)
        for o in RingGAN.Objective.allCases {
            let metz = RingGAN.recipe(o, rates: .metz)
            #expect(metz.generatorRate == 1e-3 && metz.discriminatorRate == 1e-4 && metz.beta2 == 0.999 && metz.decayStart == 1)
            #expect(metz.generatorHidden == [64, 64] && metz.criticSteps == RingGAN.recipe(o).criticSteps)
        }
    }

    @Test("the figure's steps and the recorded ones")
    func steps() {
        #expect(RingComparison.figureSteps(of: 3000) == [750, 1500, 2250, 3000])
        #expect(RingComparison.recordedSteps(of: 3000) == Array(stride(from: 150, through: 3000, by: 150)))
        #expect(RingComparison.recordedSteps(of: 4) == [1, 2, 3, 4])
    }
}
