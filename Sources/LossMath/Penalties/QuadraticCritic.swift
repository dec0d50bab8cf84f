/// A small critic on ℝ², c(x) = w·x + ½k‖x‖², whose input gradient ∇c(x) = w + kx changes from
/// sample to sample: enough to show what a gradient penalty does to the gradient norms.
public struct QuadraticCritic: Sendable, Hashable {
    /// The first component of w.
    public var w1: Double
    /// The second component of w.
    public var w2: Double
    /// The curvature k of the ½k‖x‖² term.
    public var k: Double

    /// The critic c(x) = w·x + ½k‖x‖² with w = (w1, w2).
    public init(w1: Double, w2: Double, k: Double) { self.w1 = w1; self.w2 = w2; self.k = k }

    /// ∇ₓ c(x) = w + k x.
    public func gradient(at x: [Double]) -> [Double] { [w1 + k * x[0], w2 + k * x[1]] }

    /// ‖∇ₓ c(x)‖.
    public func gradientNorm(at x: [Double]) -> Double { BatchGradientPenalty.norm(gradient(at: x), epsilon: 0) }

    /// The critic after `steps` steps of gradient descent on the two-sided penalty alone,
    /// mean over x̂ of (‖∇c(x̂)‖ − 1)², with
    /// ```
    /// ∂/∂w (g − 1)² = 2(g − 1) ∇c/g,    ∂/∂k (g − 1)² = 2(g − 1) (∇c · x̂)/g,   g = ‖∇c(x̂)‖
    /// ```
    /// Its gradient norms move to 1 on the interpolates: the 1-Lipschitz constraint, softly.
    public func penalized(on points: [[Double]], steps: Int, learningRate: Double) -> QuadraticCritic {
        var c = self
        let n = Double(points.count)
        for _ in 0..<steps {
            var (d1, d2, dk) = (0.0, 0.0, 0.0)
            for x in points {
                let v = c.gradient(at: x)
                let g = BatchGradientPenalty.norm(v)
                let factor = 2 * (g - 1) / g
                d1 += factor * v[0]
                d2 += factor * v[1]
                dk += factor * (v[0] * x[0] + v[1] * x[1])
            }
            c.w1 -= learningRate * d1 / n
            c.w2 -= learningRate * d2 / n
            c.k -= learningRate * dk / n
        }
        return c
    }
}
