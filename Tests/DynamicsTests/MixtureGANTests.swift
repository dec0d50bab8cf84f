import Dynamics
import LossMath
import Testing

@Suite("Mixture GAN")
struct MixtureGANTests {
    @Test("the same seed trains the same networks, bit for bit; another seed does not")
    func reproducible() {
        var gan = MixtureGAN(objective: .nonsat)
        gan.steps = 60
        let a = gan.train(snapshotSteps: [60]), b = gan.train(snapshotSteps: [60])
        #expect(a[0].samples == b[0].samples)
        gan.seed = 2
        #expect(gan.train(snapshotSteps: [60])[0].samples != a[0].samples)
    }

    @Test("coverage is measured: an even split over the modes covers all, an even spread none, one peak one")
    func coverage() {
        let gan = MixtureGAN(objective: .minimax)
        let onModes = (0..<400).map { gan.centers[$0 % 4] + 0.01 * Double($0 % 7) }
        #expect(gan.coverage(of: onModes).modes == 4)
        #expect(gan.coverage(of: onModes).nearShare == 1)
        let spread = (0..<800).map { -4 + 8 * Double($0) / 800 }
        #expect(gan.coverage(of: spread).modes == 0)
        let collapsed = [Double](repeating: 3, count: 500)
        #expect(gan.coverage(of: collapsed).modes == 1)
        #expect(gan.samplesPerMode(collapsed) == [0, 0, 0, 500])
    }

    @Test("each objective trains: its loss moves the generator off its initial samples, all numbers finite",
          arguments: MixtureGAN.Objective.allCases)
    func trains(objective: MixtureGAN.Objective) {
        var gan = MixtureGAN(objective: objective)
        gan.steps = 300
        let snapshots = gan.train(snapshotSteps: [0, 300])
        #expect(snapshots.count == 2)
        #expect(snapshots.allSatisfy { $0.samples.allSatisfy(\.isFinite) })
        let moved = zip(snapshots[0].samples, snapshots[1].samples).map { abs($0 - $1) }.reduce(0, +) / 2000
        #expect(moved > 0.1)
    }
}
