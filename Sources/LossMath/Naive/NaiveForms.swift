import _Differentiation
internal import Glibc

/// The textbook forms that go wrong, kept so the failures can be shown and tested beside the
/// stable forms (docs/architecture.md#losses-from-logits). Never use them for anything else.
///
/// Each is written exactly as it appears in naive code, in the precision of its argument, and is
/// differentiable so that the gradient an autodiff framework would produce can be shown too.
///
/// ```
/// σ(x) = 1/(1 + e⁻ˣ)            flushes to 0 once e⁻ˣ overflows (x < −88.7 Float, −709.8 Double)
/// log(1 − σ(ℓ))                 1 − σ(ℓ) rounds to 0: −∞ for ℓ ≳ 17 (Float), 37 (Double)
/// −log σ(ℓ)                     +∞ once σ(ℓ) flushes to 0
/// −log(σ(ℓ) + ε), ε = 1e−8      finite, but the gradient −σ′/(σ + ε) silently dies for ℓ < log ε ≈ −18.4
/// ```
public enum Naive {
    /// The stabilizing constant of the "epsilon trick" (Mimicry's `−log(σ + 1e−8)`).
    public static let epsilon = 1e-8

    /// σ(x) = 1/(1 + e⁻ˣ) as typed: flushes to 0 once e⁻ˣ overflows (x < −709.8).
    @differentiable(reverse)
    public static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// σ(x) = 1/(1 + e⁻ˣ) in `Float`: flushes to 0 once e⁻ˣ overflows (x < −88.7).
    @differentiable(reverse)
    public static func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }

    /// The minimax generator loss as `log(1 − σ(ℓ))`.
    @differentiable(reverse)
    public static func minimax(_ l: Double) -> Double { log(1 - sigmoid(l)) }

    /// The minimax generator loss as `log(1 − σ(ℓ))` in `Float`: −∞ for ℓ ≳ 17.
    @differentiable(reverse)
    public static func minimax(_ l: Float) -> Float { log(1 - sigmoid(l)) }

    /// The non-saturating generator loss as `−log σ(ℓ)`.
    @differentiable(reverse)
    public static func nonsat(_ l: Double) -> Double { -log(sigmoid(l)) }

    /// The non-saturating generator loss as `−log σ(ℓ)` in `Float`: +∞ once σ(ℓ) flushes to 0.
    @differentiable(reverse)
    public static func nonsat(_ l: Float) -> Float { -log(sigmoid(l)) }

    /// The non-saturating loss with the epsilon trick, `−log(σ(ℓ) + 1e−8)`.
    @differentiable(reverse)
    public static func nonsatWithEpsilon(_ l: Double) -> Double { -log(sigmoid(l) + epsilon) }

    /// The non-saturating loss with the epsilon trick in `Float`, `−log(σ(ℓ) + 1e−8)`.
    @differentiable(reverse)
    public static func nonsatWithEpsilon(_ l: Float) -> Float { -log(sigmoid(l) + Float(epsilon)) }
}
