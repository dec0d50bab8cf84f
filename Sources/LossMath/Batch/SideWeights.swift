/// Scalar weights of the real and generated halves of a batch objective: TF-GAN's `real_weights`
/// and `generated_weights` (its losses also take per-sample weight tensors; these are the scalar
/// case). With weights w_r and w_f
/// ```
/// L_D = w_r reduce_i real(ℓ_r,i) + w_f reduce_j fake(ℓ_f,j)
/// L_G = w_f reduce_j L(ℓ_f,j)                 (relativistic: + w_r reduce_i of its real terms)
/// ```
/// and every per-sample derivative is scaled by its side's weight. V(D, G) is the course's value
/// and is not weighted.
public struct SideWeights: Sendable, Hashable {
    /// w_r, the weight of the real samples' terms.
    public var real: Double
    /// w_f, the weight of the generated samples' terms.
    public var fake: Double

    /// Weights w_r and w_f (1 and 1 by default: no weighting).
    public init(real: Double = 1, fake: Double = 1) {
        self.real = real
        self.fake = fake
    }

    /// No weighting: w_r = w_f = 1.
    public static let unit = SideWeights()
}
