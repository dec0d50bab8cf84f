import LossMath
import Testing

@Suite("Batch evaluation")
struct BatchTests {
    @Test("every element is bit for bit the scalar result", arguments: GeneratorLoss.allCases)
    func bitForBit(loss: GeneratorLoss) {
        var g = SeededGenerator(seed: 11)
        var logits = (0..<5000).map { _ in -800 + 1600 * g.uniform() }
        logits += [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, 18, 33.3, -37]
        let parameters = LossParameters(leastSquaresTarget: 0.5, realLogit: -1.25)
        var values: [Double] = [], gradients: [Double] = []
        loss.evaluate(logits: logits, values: &values, gradients: &gradients, parameters: parameters)
        #expect(values.count == logits.count && gradients.count == logits.count)
        for (i, l) in logits.enumerated() {
            let v = loss.value(atLogit: l, parameters: parameters), d = loss.gradientLogit(atLogit: l, parameters: parameters)
            #expect(values[i].bitPattern == v.bitPattern || (values[i].isNaN && v.isNaN), "\(loss.id) value at \(l)")
            #expect(gradients[i].bitPattern == d.bitPattern || (gradients[i].isNaN && d.isNaN), "\(loss.id) gradient at \(l)")
        }
    }

    @Test("buffers of the right size are reused, not reallocated")
    func noReallocation() {
        let logits = [-1.0, 0, 1]
        var values = [Double](repeating: 0, count: 3)
        var gradients = [Double](repeating: 0, count: 3)
        let before = values.withUnsafeBufferPointer { $0.baseAddress }
        GeneratorLoss.minimax.evaluate(logits: logits, values: &values, gradients: &gradients)
        #expect(values.withUnsafeBufferPointer { $0.baseAddress } == before)
        #expect(values[1] == GeneratorLoss.minimax.value(atLogit: 0))
    }
}
