import _Differentiation
internal import Glibc

/// The losses as their textbook expressions, for Swift's reverse-mode automatic differentiation:
/// the second of the three witnesses of every derivative (docs/architecture.md#the-three-witnesses).
///
/// Nothing here registers a derivative. Each function is an expression in `exp`, `log`, `log1p`,
/// arithmetic and `?:`, which `_Differentiation` differentiates through the derivatives the
/// standard library registers for Glibc's functions. The softplus and σ used here are written out
/// again from those functions, so no closed-form derivative of this module is reused: an error
/// in `GeneratorLoss+Evaluation.swift` cannot hide in its own witness.
public enum Textbook {
    /// `log(1 + eˣ)`, written for differentiation: `x + log1p(e⁻ˣ)` for x > 0, else `log1p(eˣ)`.
    @differentiable(reverse)
    public static func softplus(_ x: Double) -> Double {
        x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
    }

    /// `1/(1 + e⁻ˣ)`, with the branch for x < 0 that does not overflow.
    @differentiable(reverse)
    public static func sigmoid(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    // MARK: Generator losses, in logit space

    /// `log(1 − σ(ℓ)) = −log(1 + eˡ)`.
    @differentiable(reverse)
    public static func minimax(_ l: Double) -> Double { -softplus(l) }

    /// `−log σ(ℓ) = log(1 + e⁻ˡ)`.
    @differentiable(reverse)
    public static func nonsat(_ l: Double) -> Double { softplus(-l) }

    /// `−σ(ℓ)/(1 − σ(ℓ)) = −eˡ`.
    @differentiable(reverse)
    public static func maxlik(_ l: Double) -> Double { -exp(l) }

    /// `½ (ℓ − c)²`.
    @differentiable(reverse, wrt: l)
    public static func lsgan(_ l: Double, target c: Double) -> Double { 0.5 * (l - c) * (l - c) }

    /// `½ (σ(ℓ) − 1)² = ½ σ(−ℓ)²`.
    @differentiable(reverse)
    public static func lssigmoid(_ l: Double) -> Double {
        let s = sigmoid(-l)
        return 0.5 * s * s
    }

    /// `−ℓ`, the generator's Wasserstein (and hinge) loss on the critic output.
    @differentiable(reverse)
    public static func negated(_ l: Double) -> Double { -l }

    /// `ℓ`, EBGAN's generator loss: the energy of the generated sample.
    @differentiable(reverse)
    public static func identity(_ l: Double) -> Double { l }

    /// A relativistic game's generator loss for one pair, 2ᵖ φ(ℓ − ℓ_r) (``RelativisticGame``):
    /// RSGAN `−log σ(ℓ − ℓ_r)`; RaSGAN `−log σ(ℓ − ℓ_r) − log(1 − σ(ℓ_r − ℓ))`; RaLSGAN
    /// `(ℓ − ℓ_r − 1)² + (ℓ_r − ℓ + 1)²`; RaHingeGAN `max(0, 1 − (ℓ − ℓ_r)) + max(0, 1 + (ℓ_r − ℓ))`.
    @differentiable(reverse, wrt: l)
    public static func relativisticGenerator(_ l: Double, realLogit r: Double, game: RelativisticGame) -> Double {
        relativisticPair(l - r, game: game)
    }

    /// The one-pair form at the relative logit x = (this side) − (other side): the paper's two
    /// terms written out for the average games, one for RSGAN.
    @differentiable(reverse, wrt: x)
    static func relativisticPair(_ x: Double, game: RelativisticGame) -> Double {
        switch game {
        case .rsgan: softplus(-x)
        case .rasgan: softplus(-x) + softplus(-x)
        case .ralsgan: (x - 1) * (x - 1) + (-x + 1) * (-x + 1)
        case .rahinge: (1 - x > 0 ? 1 - x : 0) + (1 + -x > 0 ? 1 + -x : 0)
        }
    }

    // MARK: Generator losses, in D-space

    /// `log(1 − D)`.
    @differentiable(reverse)
    public static func minimaxInD(_ d: Double) -> Double { log1p(-d) }

    /// `−log D`.
    @differentiable(reverse)
    public static func nonsatInD(_ d: Double) -> Double { -log(d) }

    /// `−D/(1 − D)`.
    @differentiable(reverse)
    public static func maxlikInD(_ d: Double) -> Double { -d / (1 - d) }

    /// `½ (D − 1)²`.
    @differentiable(reverse)
    public static func lssigmoidInD(_ d: Double) -> Double { 0.5 * (d - 1) * (d - 1) }

    // MARK: Discriminator losses

    /// `−t log σ(ℓ_r) − (1 − t) log(1 − σ(ℓ_r)) − log(1 − σ(ℓ_f))`; t = 1 is plain BCE.
    @differentiable(reverse, wrt: (r, f))
    public static func discriminatorBCE(real r: Double, fake f: Double, target t: Double) -> Double {
        t * softplus(-r) + (1 - t) * softplus(r) + softplus(f)
    }

    /// `½ (ℓ_r − b)² + ½ (ℓ_f − a)²`.
    @differentiable(reverse, wrt: (r, f))
    public static func discriminatorLeastSquares(real r: Double, fake f: Double, fakeTarget a: Double, realTarget b: Double) -> Double {
        0.5 * (r - b) * (r - b) + 0.5 * (f - a) * (f - a)
    }

    /// `½ (σ(ℓ_r) − 1)² + ½ σ(ℓ_f)² = ½ σ(−ℓ_r)² + ½ σ(ℓ_f)²`: least squares on D, targets 1 and 0
    /// (σ(ℓ_r) − 1 would cancel for large ℓ_r, as in the generator's ``lssigmoid(_:)``).
    @differentiable(reverse)
    public static func discriminatorLeastSquaresSigmoid(real r: Double, fake f: Double) -> Double {
        let missing = sigmoid(-r), df = sigmoid(f)
        return 0.5 * missing * missing + 0.5 * df * df
    }

    /// `ℓ_f − ℓ_r`.
    @differentiable(reverse)
    public static func discriminatorWasserstein(real r: Double, fake f: Double) -> Double { f - r }

    /// `max(0, 1 − ℓ_r) + max(0, 1 + ℓ_f)`, with `?:` (max is not differentiable).
    @differentiable(reverse)
    public static func discriminatorHinge(real r: Double, fake f: Double) -> Double {
        (1 - r > 0 ? 1 - r : 0) + (1 + f > 0 ? 1 + f : 0)
    }

    /// EBGAN's margin loss on energies, `ℓ_r + max(0, m − ℓ_f)`.
    @differentiable(reverse, wrt: (r, f))
    public static func discriminatorEnergy(real r: Double, fake f: Double, margin m: Double) -> Double {
        r + (m - f > 0 ? m - f : 0)
    }

    /// A relativistic game's discriminator loss for one pair, 2ᵖ φ(ℓ_r − ℓ_f): RaSGAN
    /// `−log σ(ℓ_r − ℓ_f) − log(1 − σ(ℓ_f − ℓ_r))`, and the others as ``relativisticGenerator(_:realLogit:game:)``.
    @differentiable(reverse, wrt: (r, f))
    public static func discriminatorRelativistic(real r: Double, fake f: Double, game: RelativisticGame) -> Double {
        relativisticPair(r - f, game: game)
    }

    // MARK: Discriminator losses, in D-space

    /// `−t log D_r − (1 − t) log(1 − D_r) − log(1 − D_f)`; t = 1 is plain BCE.
    @differentiable(reverse, wrt: (dr, df))
    public static func discriminatorBCEInD(real dr: Double, fake df: Double, target t: Double) -> Double {
        -t * log(dr) - (1 - t) * log1p(-dr) - log1p(-df)
    }

    /// `½ (D_r − 1)² + ½ D_f²`.
    @differentiable(reverse)
    public static func discriminatorLeastSquaresSigmoidInD(real dr: Double, fake df: Double) -> Double {
        0.5 * (dr - 1) * (dr - 1) + 0.5 * df * df
    }

    // MARK: f-GAN, on the raw output v: the generator's −f*(g_f(v)) and the discriminator's
    // real term −g_f(v) and generated term f*(g_f(v)), composed by hand as in docs/losses.md#f-gan.

    /// The generator's −f*(g_f(v)) of divergence `d`.
    @differentiable(reverse, wrt: v)
    public static func fganGenerator(_ v: Double, divergence d: FDivergence) -> Double { -fganFake(v, divergence: d) }

    /// The real term −g_f(v).
    @differentiable(reverse, wrt: v)
    public static func fganReal(_ v: Double, divergence d: FDivergence) -> Double {
        switch d {
        case .kl, .pearson: -v
        case .rkl: exp(-v)
        case .hellinger: exp(-v) - 1
        case .js: softplus(-v) - log(2)
        case .gan: softplus(-v)
        }
    }

    /// The generated term f*(g_f(v)).
    @differentiable(reverse, wrt: v)
    public static func fganFake(_ v: Double, divergence d: FDivergence) -> Double {
        switch d {
        case .kl: exp(v) * exp(-1.0)        // e^(v−1) without rounding v − 1 first
        case .rkl: v - 1
        case .pearson: v * v / 4 + v
        case .hellinger: exp(v) - 1
        case .js: softplus(v) - log(2)
        case .gan: softplus(v)
        }
    }

    /// L_D of an f-GAN at one pair: −g_f(ℓ_r) + f*(g_f(ℓ_f)).
    @differentiable(reverse, wrt: (r, f))
    public static func discriminatorFGAN(real r: Double, fake f: Double, divergence d: FDivergence) -> Double {
        fganReal(r, divergence: d) + fganFake(f, divergence: d)
    }
}
