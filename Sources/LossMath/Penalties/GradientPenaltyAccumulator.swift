/// A gradient penalty over a batch whose samples come one at a time, each as its gradient norm or
/// its gradient's components: memory does not grow with the batch. It gives the penalty on
/// per-sample norms, reduced (the sum compensated, ``CompensatedSum``),
/// ```
/// P = reduce_i penalty(gᵢ),   gᵢ = ‖∇ₓ c(xᵢ)‖              mean: (1/n) Σᵢ,  sum: Σᵢ
/// ```
/// and beside it what the whole-batch mistake gives, one norm over the gradients concatenated,
/// penalized once (one term, so no reduction applies):
/// ```
/// P_batch = penalty(G),   G = ‖(∇c(x₁), …, ∇c(xₙ))‖ = √(Σᵢ gᵢ²)
/// ```
/// For n samples each of norm 1, G = √n, and WGAN-GP's λ(√n − 1)² pushes every norm toward 1/√n
/// instead of 1. For R1 and R2, (γ/2) G² = Σᵢ (γ/2) gᵢ²: the mistake gives the per-sample sum, n
/// times the mean — a different scale, the same minimum.
///
/// Norms are exact (``GradientNorm``: scaled, no overflow) unless `epsilon` > 0 asks for the
/// smoothed √(‖v‖² + ε) of training code; a norm given as a number is used as given.
public struct GradientPenaltyAccumulator: Sendable, Hashable {
    /// The penalty.
    public let penalty: GradientPenalty
    /// The ε under the square root of a norm computed from components (0: the exact norm).
    public let epsilon: Double
    /// Σᵢ penalty(gᵢ).
    var penalties = CompensatedSum()
    /// The norm of all the gradients concatenated.
    var batch = GradientNorm()

    /// An empty batch.
    public init(penalty: GradientPenalty, epsilon: Double = 0) {
        self.penalty = penalty
        self.epsilon = epsilon
    }

    /// The number of samples added.
    public var count: Int { penalties.count }

    /// Adds a sample by its gradient norm g ≥ 0.
    public mutating func add(norm g: Double) {
        penalties.add(penalty.value(gradientNorm: g))
        batch.add(g)  // ‖(…, vᵢ, …)‖² takes ‖vᵢ‖² = gᵢ², as a component gᵢ would
    }

    /// Adds a sample by its gradient, accumulated component by component; returns its norm
    /// g = ‖v‖ (√(‖v‖² + ε) for ε > 0).
    @discardableResult
    public mutating func add(gradient v: GradientNorm) -> Double {
        penalties.add(penalty.value(gradient: v, epsilon: epsilon))
        batch.add(v)
        return v.value(epsilon: epsilon)
    }

    /// P, the per-sample penalties reduced: (1/n) Σᵢ penalty(gᵢ) or Σᵢ penalty(gᵢ) (NaN and 0 for
    /// an empty batch).
    public func perSample(reduction: Reduction) -> Double {
        switch reduction {
        case .mean: penalties.mean
        case .sum: penalties.value
        }
    }

    /// G = ‖(∇c(x₁), …, ∇c(xₙ))‖ = √(Σᵢ gᵢ²) (√(Σᵢ ‖vᵢ‖² + ε) for ε > 0).
    public var wholeBatchNorm: Double { batch.value(epsilon: epsilon) }

    /// The whole-batch mistake, penalty(G) (for R1 and R2 from G² itself,
    /// ``GradientPenalty/value(gradient:epsilon:)``).
    public var wholeBatch: Double { penalty.value(gradient: batch, epsilon: epsilon) }

    /// ∂P/∂gᵢ for a sample of norm g in the batch added: its weight in the reduction times the
    /// penalty's slope,
    /// ```
    /// mean: penalty′(gᵢ)/n        sum: penalty′(gᵢ)
    /// ```
    public func derivative(gradientNorm g: Double, reduction: Reduction) -> Double {
        let slope = penalty.derivative(gradientNorm: g)
        switch reduction {
        case .mean: return slope / Double(count)
        case .sum: return slope
        }
    }
}
