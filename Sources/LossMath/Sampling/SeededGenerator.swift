internal import Glibc

/// A small, fast, seedable random number generator (SplitMix64, Steele et al. 2014): the same seed
/// gives the same samples on every machine, so figures and tests built from random samples are
/// reproducible bit for bit.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose state starts at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits: SplitMix64's state step and output mix.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A standard normal sample by the Box–Muller transform:
    /// ```
    /// z = √(−2 log u₁) · cos(2π u₂),   u₁ ∈ (0, 1], u₂ ∈ [0, 1)
    /// ```
    public mutating func standardNormal() -> Double {
        let u1 = 1 - uniform()  // (0, 1]: log stays finite
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
