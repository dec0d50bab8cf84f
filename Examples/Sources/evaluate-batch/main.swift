// Losses and their logit gradients over a batch of logits, in one call per loss.
//
// The minimax generator's gradient −σ(ℓ) vanishes as the discriminator rejects the sample
// (ℓ → −∞, D(G(z)) → 0); the non-saturating −σ(−ℓ) stays near −1. Both are exact to the last bit,
// even at ℓ = −745, where D is the smallest subnormal.
import LossMath

let logits: [Double] = [-745, -40, -10, -2, 0, 2, 10, 40]
var values = [Double](repeating: 0, count: logits.count)
var gradients = [Double](repeating: 0, count: logits.count)

for loss in [GeneratorLoss.minimax, .nonsat] {
    loss.evaluate(logits: logits, values: &values, gradients: &gradients)
    print(loss.title)
    for (logit, (value, gradient)) in zip(logits, zip(values, gradients)) {
        print("  ℓ = \(logit)\tL = \(value)\t∂L/∂ℓ = \(gradient)")
    }
}
