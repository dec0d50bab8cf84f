import LossMath
import Testing

/// LeCam regularization against its formula, its derivatives against central differences.
@Suite("LeCam regularization")
struct LeCamRegularizerTests {
    static let real = [1.2, 0.4, 2.0], fake = [-1.0, 0.3]

    @Test("one-sided (the code) and two-sided (the paper), by hand")
    func values() {
        let one = LeCamRegularizer(anchorReal: 0.8, anchorFake: -0.6)
        // Real: (1.8² + 1² + 2.6²)/3; fake: (1.8² + 0.5²)/2.
        #expect(abs(one.value(real: Self.real, fake: Self.fake) - ((3.24 + 1 + 6.76) / 3 + (3.24 + 0.25) / 2)) < 1e-14)
        // Anchors past every output: the one-sided form charges nothing, the two-sided one does.
        let far = LeCamRegularizer(anchorReal: -5, anchorFake: 5)
        #expect(far.value(real: Self.real, fake: Self.fake) == 0)
        let farTwo = LeCamRegularizer(form: .twoSided, anchorReal: -5, anchorFake: 5)
        let expected = Self.real.map { ($0 - 5) * ($0 - 5) }.reduce(0, +) / 3 + Self.fake.map { ($0 + 5) * ($0 + 5) }.reduce(0, +) / 2
        #expect(abs(farTwo.value(real: Self.real, fake: Self.fake) - expected) < 1e-13)
    }

    @Test("per-sample derivatives are R's (central differences), both forms", arguments: LeCamRegularizer.Form.allCases)
    func gradients(form: LeCamRegularizer.Form) {
        let reg = LeCamRegularizer(form: form, anchorReal: 0.8, anchorFake: 0.5)
        let h = 1e-6
        for i in Self.real.indices {
            var up = Self.real, down = Self.real
            up[i] += h; down[i] -= h
            let numeric = (reg.value(real: up, fake: Self.fake) - reg.value(real: down, fake: Self.fake)) / (2 * h)
            #expect(abs(reg.gradient(real: Self.real[i], count: 3) - numeric) < 1e-8)
        }
        for j in Self.fake.indices {
            var up = Self.fake, down = Self.fake
            up[j] += h; down[j] -= h
            let numeric = (reg.value(real: Self.real, fake: up) - reg.value(real: Self.real, fake: down)) / (2 * h)
            #expect(abs(reg.gradient(fake: Self.fake[j], count: 2) - numeric) < 1e-8)
        }
    }

    @Test("the anchors are moving averages: α ← d·α + (1 − d)·mean; d = 0 takes the last mean")
    func update() {
        var reg = LeCamRegularizer(decay: 0.9, anchorReal: 1, anchorFake: -1)
        reg.update(realMean: 2, fakeMean: 0)
        #expect(abs(reg.anchorReal - 1.1) < 1e-15 && abs(reg.anchorFake - -0.9) < 1e-15)
        reg.decay = 0
        reg.update(realMean: 3, fakeMean: -2)
        #expect(reg.anchorReal == 3 && reg.anchorFake == -2)
    }
}
