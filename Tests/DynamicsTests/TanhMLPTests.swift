import _Differentiation
import Dynamics
import Glibc
import LossMath
import Testing

/// The network's forward pass and input slope written for automatic differentiation, with one
/// chosen parameter (index `k` of the parameter vector) as the variable and the others constant.
enum MLPWitness {
    @differentiable(reverse, wrt: p)
    static func output(_ p: Double, k: Int, params: [Double], n1: Int, n2: Int, x: Double) -> Double {
        let v = Self.values(p, k: k, params: params)
        return Self.evaluateOutput(v, n1: n1, n2: n2, x: x)
    }

    @differentiable(reverse, wrt: p)
    static func slope(_ p: Double, k: Int, params: [Double], n1: Int, n2: Int, x: Double) -> Double {
        let v = Self.values(p, k: k, params: params)
        return Self.evaluateSlope(v, n1: n1, n2: n2, x: x)
    }

    /// The parameter vector with entry k replaced by p.
    @differentiable(reverse, wrt: p)
    static func values(_ p: Double, k: Int, params: [Double]) -> [Double] {
        var v: [Double] = []
        for i in withoutDerivative(at: params.indices) {
            v.append(i == k ? p : withoutDerivative(at: params[i]))
        }
        return v
    }

    /// f(x) from a parameter vector laid out as TanhMLP.parameters.
    @differentiable(reverse, wrt: v)
    static func evaluateOutput(_ v: [Double], n1: Int, n2: Int, x: Double) -> Double {
        let (o1, o2, o3, o4, o5) = (n1, 2 * n1, 2 * n1 + n1 * n2, 2 * n1 + n1 * n2 + n2, 2 * n1 + n1 * n2 + 2 * n2)
        var a1: [Double] = []
        for i in withoutDerivative(at: 0..<n1) { a1.append(tanh(v[i] * x + v[o1 + i])) }
        var out = v[o5]
        for j in withoutDerivative(at: 0..<n2) {
            var z = v[o3 + j]
            for i in withoutDerivative(at: 0..<n1) { z = z + v[o2 + j * n1 + i] * a1[i] }
            out = out + v[o4 + j] * tanh(z)
        }
        return out
    }

    /// f′(x) from a parameter vector laid out as TanhMLP.parameters.
    @differentiable(reverse, wrt: v)
    static func evaluateSlope(_ v: [Double], n1: Int, n2: Int, x: Double) -> Double {
        let (o1, o2, o3, o4) = (n1, 2 * n1, 2 * n1 + n1 * n2, 2 * n1 + n1 * n2 + n2)
        var a1: [Double] = []
        var u1: [Double] = []
        for i in withoutDerivative(at: 0..<n1) {
            let a = tanh(v[i] * x + v[o1 + i])
            a1.append(a)
            u1.append((1 - a * a) * v[i])
        }
        var slope = 0.0
        for j in withoutDerivative(at: 0..<n2) {
            var z = v[o3 + j]
            var t2 = 0.0
            for i in withoutDerivative(at: 0..<n1) {
                z = z + v[o2 + j * n1 + i] * a1[i]
                t2 = t2 + v[o2 + j * n1 + i] * u1[i]
            }
            let a = tanh(z)
            slope = slope + v[o4 + j] * (1 - a * a) * t2
        }
        return slope
    }
}

@Suite("The hand-written backpropagation of the small network")
struct TanhMLPTests {
    @Test("∂f/∂params, ∂f/∂x and ∂f′/∂params against autodiff and finite differences")
    func gradients() {
        var g = SeededGenerator(seed: 5)
        let net = TanhMLP(hidden: 4, 3, generator: &g)
        let params = net.parameters
        for x in [-1.3, 0.2, 2.1] {
            let trace = net.forward(x)
            var grad = [Double](repeating: 0, count: net.parameterCount)
            let gx = net.backward(trace, scale: 1, into: &grad)
            var slopeGrad = [Double](repeating: 0, count: net.parameterCount)
            net.slopeBackward(trace, scale: 1, into: &slopeGrad)
            // A few parameters from every block: w₁, b₁, W₂, b₂, w₃, b₃.
            for k in [0, 3, 4, 7, 8, 13, 19, 20, 22, 23, 25, net.parameterCount - 1] {
                let ad = gradient(at: params[k]) { p in MLPWitness.output(p, k: k, params: params, n1: 4, n2: 3, x: x) }
                #expect(abs(grad[k] - ad) <= 1e-12 * max(1, abs(ad)), "∂f/∂p[\(k)] at x = \(x)")
                let adSlope = gradient(at: params[k]) { p in MLPWitness.slope(p, k: k, params: params, n1: 4, n2: 3, x: x) }
                #expect(abs(slopeGrad[k] - adSlope) <= 1e-12 * max(1, abs(adSlope)), "∂f′/∂p[\(k)] at x = \(x)")
            }
            let h = 1e-6
            #expect(abs(gx - (net(x + h) - net(x - h)) / (2 * h)) < 1e-8)
            #expect(abs(net.inputSlope(trace) - gx) < 1e-12)
        }
    }

    @Test("the batch passes give every input the bits of the single-input passes")
    func batchMatchesSingle() {
        var g = SeededGenerator(seed: 9)
        let net = TanhMLP(hidden: 16, 32, generator: &g)
        let inputs = (0..<37).map { _ in 3 * g.standardNormal() }
        let batch = net.forward(batch: inputs)
        #expect(batch.outputs.count == inputs.count)
        var single = [Double](repeating: 0, count: net.parameterCount), batched = single
        var singleSlope = single, batchedSlope = single
        for (b, x) in inputs.enumerated() {
            let trace = net.forward(x)
            #expect(batch.outputs[b] == trace.output)
            #expect(Array(batch.a2[(b * 32)..<((b + 1) * 32)]) == trace.a2)
            #expect(net.inputSlope(batch, sample: b) == net.inputSlope(trace))
            #expect(net.backward(batch, sample: b, scale: 0.3, into: &batched) == net.backward(trace, scale: 0.3, into: &single))
            net.slopeBackward(batch, sample: b, scale: -0.7, into: &batchedSlope)
            net.slopeBackward(trace, scale: -0.7, into: &singleSlope)
        }
        #expect(batched == single)
        #expect(batchedSlope == singleSlope)
    }
}
