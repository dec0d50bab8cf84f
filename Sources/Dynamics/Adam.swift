import Glibc

/// Adam (Kingma & Ba 2015) over a parameter vector, in `Double` or `Float`:
/// ```
/// m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²,   θ ← θ − α (m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε)
/// ```
/// The bias corrections 1 − βᵗ are computed in `Double` and rounded once to `Scalar`.
public struct Adam<Scalar: BinaryFloatingPoint & Sendable>: Sendable {
    public var learningRate: Scalar
    public var beta1: Scalar = 0.5, beta2: Scalar = 0.999, epsilon: Scalar = 1e-8
    private var m: [Scalar], v: [Scalar], t = 0

    public init(count: Int, learningRate: Scalar) {
        self.learningRate = learningRate
        m = [Scalar](repeating: 0, count: count)
        v = m
    }

    public mutating func step(_ parameters: inout [Scalar], gradient: [Scalar]) {
        precondition(gradient.count == parameters.count && parameters.count == m.count, "one gradient entry per parameter")
        t += 1
        let c1 = Scalar(1 - pow(Double(beta1), Double(t))), c2 = Scalar(1 - pow(Double(beta2), Double(t)))
        for i in parameters.indices {
            m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
            v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
            parameters[i] -= learningRate * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
        }
    }
}
