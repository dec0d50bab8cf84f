/// Evaluation over buffers of logits, into buffers the caller owns: no allocation per element.
///
/// The BCE losses (minimax, nonsat, RSGAN, RaSGAN) loop over the kernel the scalar functions use
/// (``logisticPair(_:timesPowerOfTwo:)``): one exponential e^(−|ℓ|) per logit shared by the loss
/// and its derivative, branch-free, so the compiler runs the loop eight logits wide on AVX-512;
/// every result has the bits of the scalar path (the tests check every bit). The other losses
/// loop over the scalar closed forms.
extension GeneratorLoss {
    /// Writes L(ℓᵢ) into `values[i]` and ∂L/∂ℓ(ℓᵢ) into `gradients[i]` for every logit.
    /// The three buffers must have the same count.
    public func evaluate(logits: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
                         gradients: UnsafeMutableBufferPointer<Double>, parameters: LossParameters = .standard) {
        precondition(values.count == logits.count && gradients.count == logits.count,
                     "logits, values and gradients must have the same count")
        switch self {
        // minimax: L = −softplus(ℓ), ∂L/∂ℓ = −σ(ℓ); nonsat: L = softplus(−ℓ), ∂L/∂ℓ = −σ(−ℓ);
        // rasgan (ragan): 2 softplus(ℓ_r − ℓ), −2 σ(ℓ_r − ℓ); rsgan: softplus(ℓ_r − ℓ), −σ(ℓ_r − ℓ).
        case .minimax: Self.logisticLoop(logits, values, gradients, mirrored: false, valueSign: -1)
        case .nonsat: Self.logisticLoop(logits, values, gradients, mirrored: true, valueSign: 1)
        case .ragan, .rasgan, .rsgan:
            Self.logisticLoop(logits, values, gradients, mirrored: true, shift: parameters.realLogit,
                              valueSign: 1, powerOfTwo: self == .rsgan ? 0 : 1)
        default:
            for i in 0..<logits.count {
                values[i] = value(atLogit: logits[i], parameters: parameters)
                gradients[i] = gradientLogit(atLogit: logits[i], parameters: parameters)
            }
        }
    }

    /// L = ±2ᵖ softplus(a) and ∂L/∂ℓ = −2ᵖ σ(a), with a = ℓ or, `mirrored`, a = shift − ℓ, through
    /// ``logisticPair(_:timesPowerOfTwo:)``: a branch-free kernel that the compiler vectorizes
    /// (eight lanes with AVX-512), with the bits of the scalar functions.
    static func logisticLoop(_ logits: UnsafeBufferPointer<Double>, _ values: UnsafeMutableBufferPointer<Double>,
                             _ gradients: UnsafeMutableBufferPointer<Double>, mirrored: Bool, shift: Double = 0,
                             valueSign: Double, powerOfTwo p: Double = 0) {
        guard let l = logits.baseAddress, let v = values.baseAddress, let g = gradients.baseAddress else { return }
        if mirrored {
            // shift − ℓ carried exactly, as the scalar ``GeneratorLoss/value(atLogit:parameters:)`` does.
            for i in 0..<logits.count {
                let pair = logisticPair(difference: shift, minus: l[i], timesPowerOfTwo: p)
                v[i] = valueSign * pair.softplus
                g[i] = -pair.sigmoid
            }
        } else {
            for i in 0..<logits.count {
                let pair = logisticPair(l[i], timesPowerOfTwo: p)
                v[i] = valueSign * pair.softplus
                g[i] = -pair.sigmoid
            }
        }
    }

    /// The same over arrays: `values` and `gradients` are resized to `logits.count` if needed
    /// (that is the only allocation, and none when they already have the right size).
    @inlinable
    public func evaluate(logits: [Double], values: inout [Double], gradients: inout [Double],
                         parameters: LossParameters = .standard) {
        if values.count != logits.count { values = [Double](repeating: 0, count: logits.count) }
        if gradients.count != logits.count { gradients = [Double](repeating: 0, count: logits.count) }
        logits.withUnsafeBufferPointer { l in
            values.withUnsafeMutableBufferPointer { v in
                gradients.withUnsafeMutableBufferPointer { g in
                    evaluate(logits: l, values: v, gradients: g, parameters: parameters)
                }
            }
        }
    }
}
