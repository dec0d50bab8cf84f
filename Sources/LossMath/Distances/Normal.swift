internal import Glibc

/// A normal distribution 𝒩(μ, σ²) on the real line.
public struct Normal: Sendable, Hashable {
    /// The mean μ.
    public var mean: Double
    /// The standard deviation σ, positive.
    public var standardDeviation: Double

    /// 𝒩(μ, σ²) with μ = `mean` and σ = `standardDeviation`, which must be positive.
    public init(mean: Double, standardDeviation: Double) {
        precondition(standardDeviation > 0, "a normal distribution needs σ > 0")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// p(x) = exp(−(x − μ)²/(2σ²)) / (σ√(2π)).
    public func density(_ x: Double) -> Double { exp(logDensity(x)) }

    /// log p(x) = −(x − μ)²/(2σ²) − log σ − ½ log 2π.
    public func logDensity(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return -0.5 * z * z - log(standardDeviation) - 0.9189385332046727  // ½ log 2π
    }

    /// d/dx log p(x) = −(x − μ)/σ².
    public func scoreFunction(_ x: Double) -> Double { -(x - mean) / (standardDeviation * standardDeviation) }

    /// F(x) = ½ erfc(−(x − μ)/(σ√2)), accurate in both tails (no 1 − small cancellation).
    public func cdf(_ x: Double) -> Double { 0.5 * erfc(-(x - mean) / (standardDeviation * 2.0.squareRoot())) }

    /// A sample μ + σz.
    public func sample(_ generator: inout SeededGenerator) -> Double {
        mean + standardDeviation * generator.standardNormal()
    }

    /// The interval that holds all but ~1e−30 of the mass, for integration.
    var support: ClosedRange<Double> { (mean - 12 * standardDeviation)...(mean + 12 * standardDeviation) }
}

/// Φ, the standard normal CDF.
func standardNormalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
