/// A known way a user's loss (or its gradient) departs from the catalog's exact one, with the
/// parameter fitted from the data. Each has a plain name for reports and machines.
public indirect enum Deviation: Sendable, Equatable {
    /// Results below the format's least normal number are 0: the processor flushes subnormals.
    case flushedSubnormals
    /// Computed through D = σ(ℓ) rounded to the format, then log(D), log(1 − D), …: exact in the
    /// middle, wrong where D or 1 − D loses its digits (|ℓ| ≳ 17 in float, 37 in double). With
    /// D given, log(1 − D) with 1 − D rounded, where log1p(−D) keeps the digits of a small D.
    case probabilitySpace
    /// ε added inside the log, log(D + ε) or log(1 − D + ε): the loss levels off at a·log ε and
    /// its gradient dies where D (or 1 − D) falls below ε.
    case epsilon(Double)
    /// The log clamped from below, max(log u, m) (PyTorch's BCELoss clamps at m = −100).
    case logClamp(Double)
    /// −L: the sign flipped (a loss maximized where it should be minimized, or the reverse).
    case sign
    /// k·L for a k other than ±1 (½ as in Goodfellow's tutorial, 2, a batch size).
    case scale(Double)
    /// L + c for a constant c (TF-GAN's minimax generator loss carries −softplus(−1) ≈ −0.3133).
    case offset(Double)
    /// A cross-entropy against a target t in place of the hard label (label smoothing).
    case smoothing(target: Double)
    /// k·L + c.
    case scaleAndOffset(scale: Double, offset: Double)
    /// Another catalog loss (minimax for non-saturating, say), possibly itself with a deviation.
    case otherLoss(AuditSubject, Deviation?)

    /// One or two plain words: "offset", "scale", "sign", "epsilon", "probability space",
    /// "smoothing", "flushed subnormals", "log clamp", "scale and offset", "other loss".
    public var name: String {
        switch self {
        case .flushedSubnormals: "flushed subnormals"
        case .probabilitySpace: "probability space"
        case .epsilon: "epsilon"
        case .logClamp: "log clamp"
        case .sign: "sign"
        case .scale: "scale"
        case .offset: "offset"
        case .smoothing: "smoothing"
        case .scaleAndOffset: "scale and offset"
        case .otherLoss: "other loss"
        }
    }

    /// The number of fitted parameters: fewer explains more simply.
    var parameters: Int {
        switch self {
        case .flushedSubnormals, .probabilitySpace, .sign: 0
        case .epsilon, .logClamp, .scale, .offset, .smoothing: 1
        case .scaleAndOffset: 2
        case .otherLoss(_, let inner): 1 + (inner?.parameters ?? 0)
        }
    }

    /// Whether a result with only this deviation still counts as matching: flushed subnormals
    /// change values below 10⁻³⁸ (float) or 10⁻³⁰⁸ (double) and nothing a training step sees.
    public var isHarmless: Bool { self == .flushedSubnormals }
}
