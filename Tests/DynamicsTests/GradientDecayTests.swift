import Dynamics
import Testing

/// The claims docs/dynamics.md makes of the gradient-decay experiment.
@Suite("Gradient decay: a discriminator trained against a fixed generator")
struct GradientDecayTests {
    /// The minimax gradient's peak over its last value, in one run.
    static func fall(_ decay: GradientDecay, steps: Int = GradientDecay.defaultSteps) -> Double {
        let run = decay.runOnce(seed: decay.seed, steps: steps).dropFirst()
        return run.map(\.minimaxGradientNorm).max()! / run.last!.minimaxGradientNorm
    }

    @Test("Adam with β₂ = 0.9 (the default): in every run the minimax gradient falls more than 10⁴-fold in 3000 steps")
    func shortMemory() {
        for k in 0..<5 {
            var decay = GradientDecay()
            decay.seed &+= UInt64(k)
            #expect(Self.fall(decay) > 1e4, "run \(k)")
        }
    }

    @Test("with β₂ = 0.999 Adam's steps shrink with the gradient: less than a 100-fold fall in the same steps")
    func longMemory() {
        var decay = GradientDecay()
        decay.beta2 = 0.999
        let fall = Self.fall(decay)
        #expect(fall > 10 && fall < 100, "\(fall)")
    }

    @Test("the ends of the mean curves: 100 times apart, the discriminator's loss down 50-fold")
    func ends() {
        let summaries = GradientDecay().run(steps: GradientDecay.defaultSteps)
        let last = summaries.last!
        #expect(last.nonsat.mean / last.minimax.mean >= 100)
        #expect(last.discriminatorLoss < summaries[1].discriminatorLoss / 50)
    }

    @Test("the same seed gives the same numbers, bit for bit; another seed other runs")
    func reproducible() {
        let decay = GradientDecay()
        let a = decay.run(steps: 200), b = decay.run(steps: 200)
        #expect(zip(a, b).allSatisfy { $0.minimax.mean.bitPattern == $1.minimax.mean.bitPattern && $0.nonsat.high == $1.nonsat.high })
        #expect(a.last!.minimax.low < a.last!.minimax.high)
        var other = GradientDecay()
        other.seed = 99
        #expect(other.run(steps: 200).map(\.minimax.mean) != a.map(\.minimax.mean))
    }
}
