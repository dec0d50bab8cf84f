/// Evaluation over buffers of logits, into buffers the caller owns: no allocation per element.
///
/// Each element is computed by the scalar closed forms (`value(atLogit:)`,
/// `gradientLogit(atLogit:)`), so the results are bit for bit those of the scalar path and share
/// its accuracy (the tests check every bit). This is the interface a faster kernel will keep.
extension GeneratorLoss {
    /// Writes L(ℓᵢ) into `values[i]` and ∂L/∂ℓ(ℓᵢ) into `gradients[i]` for every logit.
    /// The three buffers must have the same count.
    @inlinable
    public func evaluate(logits: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
                         gradients: UnsafeMutableBufferPointer<Double>, parameters: LossParameters = .standard) {
        precondition(values.count == logits.count && gradients.count == logits.count,
                     "logits, values and gradients must have the same count")
        switch self {
        // The two losses every course starts with, specialized so the loop carries no dispatch.
        case .minimax:
            for i in 0..<logits.count {
                let l = logits[i]
                values[i] = -softplus(l)
                gradients[i] = -sigmoid(l)
            }
        case .nonsat:
            for i in 0..<logits.count {
                let l = logits[i]
                values[i] = softplus(-l)
                gradients[i] = -sigmoid(-l)
            }
        default:
            for i in 0..<logits.count {
                values[i] = value(atLogit: logits[i], parameters: parameters)
                gradients[i] = gradientLogit(atLogit: logits[i], parameters: parameters)
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
