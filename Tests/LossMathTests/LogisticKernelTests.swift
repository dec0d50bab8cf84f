import Glibc
@testable import LossMath
import Testing

/// The two logistic kernels: `logisticPair` (the batch loops' and the scalar softplus and σ) and
/// `logisticPairCarried` (pairs and a carried low part, for sums and differences of terms).
@Suite("Logistic kernels")
struct LogisticKernelTests {
    /// Logits over every regime: the tiny lanes beyond ±41.6, subnormal e, ±0, ±∞, NaN.
    static let logits: [Double] = {
        var xs: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 41.5, 41.7, -41.7, 745, -745, 1e-300, -1e-300]
        var g = SeededGenerator(seed: 11)
        for _ in 0..<20_000 { xs.append(-800 + 1600 * g.uniform()) }
        for _ in 0..<5_000 { xs.append(-50 + 100 * g.uniform()) }
        return xs
    }()

    @Test("with no low part the carried kernel rounds to the bits of the plain one, at 2ᵖ for p = 0 and 1")
    func sameBits() {
        for x in Self.logits {
            for p in [0.0, 1.0] {
                let plain = logisticPair(x, timesPowerOfTwo: p), carried = logisticPairCarried(x, timesPowerOfTwo: p)
                #expect(plain.softplus.bitPattern == carried.softplus.bitPattern || (plain.softplus.isNaN && carried.softplus.isNaN), "softplus at \(x)")
                #expect(plain.sigmoid.bitPattern == carried.sigmoid.bitPattern || (plain.sigmoid.isNaN && carried.sigmoid.isNaN), "σ at \(x)")
                // The pairs add up to the rounded results.
                let s = carried.softplusPair, q = carried.sigmoidPair
                if carried.softplus.isFinite && abs(x) < 41 {
                    #expect(s.high + s.low == carried.softplus && q.high + q.low == carried.sigmoid, "pairs at \(x)")
                }
            }
        }
    }

    @Test("a difference is taken exactly: softplus(a − b) from the pair equals the one at the exact difference")
    func exactDifference() {
        // a − b = 2⁻¹ − 2⁻⁶⁰ is not a Double's sum of a and b rounded: the low part carries 2⁻⁶⁰.
        let a = 0.5, b = 0x1p-60
        let carried = logisticPair(difference: a, minus: b)
        // softplus(½ − 2⁻⁶⁰) = softplus(½) − σ(½)·2⁻⁶⁰ to first order; the rounded difference loses it.
        let expected = Double.softplus(0.5) - Double.sigmoid(0.5) * 0x1p-60
        #expect(abs(carried.softplus - expected) <= expected.ulp / 2)
    }
}
