import _Differentiation
import Audit
import Glibc
import LossMath
import Testing

/// The audit against the failure modes users meet, each produced here by the project's own
/// naive forms (``Naive``) or by the mistake written out, in float32 and float64: each must be
/// diagnosed as what it is, and a correct implementation must not raise a false alarm.
@Suite("Audit: each known mistake diagnosed")
struct AuditDiagnosisTests {
    /// The logits `audit --grid` prints for float32: exact in float, reaching σ's underflow.
    static let grid: [Double] = {
        var v: [Double] = [0] + (1...20).map { Double(sign: .plus, exponent: -$0, significand: 1) }
        v += (4...200).map { Double($0) / 4 } + (51...120).map(Double.init)
        return (v.filter { $0 != 0 }.map { -$0 } + v).sorted()
    }()

    static func verdict(_ loss: [Double], _ target: LossAudit.Target = .generator(.nonsat), precision: AuditPrecision? = nil,
                        gradient: [Double]? = nil, x: [Double] = grid) -> GroupReport {
        LossAudit(x: x, loss: loss, gradient: gradient, precision: precision).audit(target).groups[0]
    }

    @Test("a correct float32 implementation (softplus in float arithmetic) and the catalog's own Float values: no false alarm")
    func cleanFloat() {
        let own = Self.grid.map { Double(GeneratorLoss.nonsat.evaluate(atLogit: Float($0)).value) }
        let typed = Self.grid.map { l -> Double in
            let z = Float(-l)
            return Double(max(z, 0) + log1pf(expf(-abs(z))))
        }
        for values in [own, typed] {
            let report = LossAudit(x: Self.grid, loss: values).audit(.generator(.nonsat))
            #expect(report.precision == .float)
            #expect(report.matches, "\(report.groups[0].loss)")
            #expect(report.groups[0].loss.maxULP <= 4)
        }
    }

    @Test("float32 values that overflow where the exact value does too are no alarm: −e^ℓ and f-GAN's −e^(ℓ−1) past ℓ ≈ 89")
    func overflowMatches() {
        for (loss, value) in [(GeneratorLoss.maxlik, { (l: Float) in -expf(l) }), (.fganKL, { (l: Float) in -expf(l - 1) })] {
            let values = Self.grid.map { Double(value(Float($0))) }
            #expect(values.contains(-.infinity))
            let report = LossAudit(x: Self.grid, loss: values).audit(.generator(loss))
            #expect(report.matches, "\(loss.id): \(report.groups[0].loss)")
        }
    }

    @Test("a clean float64 export matches, within 1 ULP")
    func cleanDouble() {
        let values = Self.grid.map { GeneratorLoss.minimax.value(atLogit: $0) }
        let report = LossAudit(x: Self.grid, loss: values).audit(.generator(.minimax))
        #expect(report.precision == .double)
        #expect(report.matches && report.groups[0].loss.maxULP <= 1)
    }

    @Test("log σ(ℓ) and log(1 − σ(ℓ)) in Float and Double: probability space, wrong where the format runs out",
          arguments: [(GeneratorLoss.nonsat, AuditPrecision.float), (.minimax, .float), (.nonsat, .double), (.minimax, .double)])
    func probabilitySpace(loss: GeneratorLoss, precision: AuditPrecision) {
        let values = Self.grid.map { l -> Double in
            switch (loss, precision) {
            case (.nonsat, .float): Double(Naive.nonsat(Float(l)))
            case (.minimax, .float): Double(Naive.minimax(Float(l)))
            case (.nonsat, _): Naive.nonsat(l)
            default: Naive.minimax(l)
            }
        }
        let v = Self.verdict(values, .generator(loss)).loss
        #expect(!v.matches)
        #expect(v.deviation == .probabilitySpace, "\(String(describing: v.deviation))")
        // minimax log(1 − σ(ℓ)) is −∞ where 1 − σ rounds to 0: from ℓ ≈ 17 (float) or 37 (double).
        if loss == .minimax {
            let infinite = v.wrongRanges.filter { $0.infinite > 0 }
            let start = precision == .float ? 16.0 : 36.0
            let from = infinite.first?.infiniteFrom ?? 0
            #expect(infinite.count == 1 && from > start && from < start + 2, "\(infinite)")
        }
    }

    @Test("Mimicry's −log(σ(ℓ) + 1e−8), values and autograd gradient: epsilon, ε found to 0.1%")
    func epsilon() {
        let values = Self.grid.map { Double(Naive.nonsatWithEpsilon(Float($0))) }
        let gradients = Self.grid.map { Double(_Differentiation.gradient(at: Float($0), of: { Naive.nonsatWithEpsilon($0) })) }
        let group = Self.verdict(values, gradient: gradients)
        guard case .epsilon(let e)? = group.loss.deviation else { Issue.record("\(String(describing: group.loss.deviation))"); return }
        #expect(abs(e - 1e-8) < 1e-11)
        guard case .epsilon? = group.gradient?.deviation else { Issue.record("\(String(describing: group.gradient?.deviation))"); return }
        #expect(group.gradient?.matches == false)
    }

    @Test("TF-GAN's minimax generator loss, −softplus(ℓ) − softplus(−1): offset −0.3133")
    func tfganOffset() {
        let c = -Double.softplus(-1)
        let values = Self.grid.map { GeneratorLoss.minimax.value(atLogit: $0) + c }
        guard case .offset(let fitted)? = Self.verdict(values, .generator(.minimax)).loss.deviation else { Issue.record("no offset"); return }
        #expect(abs(fitted - c) < 1e-12)
    }

    @Test("a swapped sign, a ½ and a batch sum: sign, scale ½, scale 64", arguments: [-1.0, 0.5, 64])
    func signAndScale(k: Double) {
        let values = Self.grid.map { k * GeneratorLoss.nonsat.value(atLogit: $0) }
        let d = Self.verdict(values).loss.deviation
        #expect(d == (k == -1 ? .sign : .scale(k)), "\(String(describing: d))")
    }

    @Test("minimax handed in as non-saturating: the other loss")
    func otherLoss() {
        let values = Self.grid.map { GeneratorLoss.minimax.value(atLogit: $0) }
        #expect(Self.verdict(values).loss.deviation == .otherLoss(.generator(.minimax), nil))
    }

    @Test("label smoothing on both sides of BCE: t = 0.9 on the real side, 0.1 on the generated side (the wrong one)")
    func smoothing() {
        let x = Self.grid + Self.grid
        let real = Self.grid.map { _ in true } + Self.grid.map { _ in false }
        let values = zip(x, real).map { l, isReal in Double.softplus(l) - (isReal ? 0.9 : 0.1) * l }
        let report = LossAudit(x: x, loss: values, isReal: real, precision: .double).audit(.discriminator(.bce))
        #expect(report.groups.map(\.loss.deviation) == [.smoothing(target: 0.9), .smoothing(target: 0.1)])
    }

    @Test("PyTorch's BCELoss on σ(ℓ), whose log is clamped at −100: log clamp")
    func logClamp() {
        let values = Self.grid.map { min(Naive.nonsat($0), 100) }
        #expect(Self.verdict(values).loss.deviation == .logClamp(-100))
    }

    @Test("subnormals flushed to 0: harmless, still a match")
    func flushed() {
        let values = Self.grid.map { l -> Double in
            let v = Double(GeneratorLoss.minimax.evaluate(atLogit: Float(l)).value)
            return abs(v) < Double(Float.leastNormalMagnitude) ? 0 : v
        }
        let v = Self.verdict(values, .generator(.minimax)).loss
        #expect(v.deviation == .flushedSubnormals && v.matches)
    }

    @Test("without --loss: naive log(1 − σ) in float32 is best matched by minimax, in probability space")
    func bestMatch() {
        let values = Self.grid.map { Double(Naive.minimax(Float($0))) }
        let report = LossAudit(x: Self.grid, loss: values).bestMatch(player: .generator)
        #expect(report.target == .generator(.minimax))
        #expect(report.groups[0].loss.deviation == .probabilitySpace)
    }

    @Test("the format: float32 values printed exactly or as nine digits are float; float64 values are double")
    func precision() {
        let floats = Self.grid.map { Double(Float(GeneratorLoss.nonsat.value(atLogit: $0))) }
        #expect(AuditPrecision.detect(floats) == .float)
        #expect(AuditPrecision.detect(floats.map { Double(String(Float($0)))! }) == .float)
        #expect(AuditPrecision.detect(Self.grid.map { GeneratorLoss.nonsat.value(atLogit: $0 + 0.1) }) == .double)
    }
}
