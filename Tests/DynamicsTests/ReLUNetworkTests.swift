import Dynamics
import LossMath
import Testing

/// The hand-written passes of ``ReLUNetwork`` against finite differences of a plain `Double`
/// forward pass written from the definition.
@Suite("ReLU network")
struct ReLUNetworkTests {
    /// f(x) from the definition, in `Double`, with the network's own parameters.
    static func reference(_ net: ReLUNetwork, _ parameters: [Double], _ x: [Double]) -> [Double] {
        var h = x, offset = 0
        for l in 0..<(net.widths.count - 1) {
            let (n, m) = (net.widths[l], net.widths[l + 1])
            var z = (0..<m).map { parameters[offset + n * m + $0] }
            for k in 0..<n { for j in 0..<m { z[j] += h[k] * parameters[offset + k * m + j] } }
            offset += n * m + m
            h = l < net.widths.count - 2 ? z.map { max($0, 0) } : z
        }
        return h
    }

    /// ∇ₓf by central differences (exact up to rounding: f is piecewise linear).
    static func slope(_ net: ReLUNetwork, _ p: [Double], _ x: [Double]) -> [Double] {
        x.indices.map { i in
            var (a, b) = (x, x)
            a[i] += 1e-6; b[i] -= 1e-6
            return (reference(net, p, a)[0] - reference(net, p, b)[0]) / 2e-6
        }
    }

    static func network(_ widths: [Int]) -> (ReLUNetwork, [Float]) {
        var g = SeededGenerator(seed: 11)
        let net = ReLUNetwork(widths: widths, generator: &g)
        let inputs = (0..<(3 * widths[0])).map { _ in Float(g.standardNormal()) }
        return (net, inputs)
    }

    @Test("forward matches the definition", arguments: [[2, 5, 3, 1], [3, 20, 17, 2], [2, 70, 1]])
    func forward(widths: [Int]) {
        let (net, x) = Self.network(widths)
        let out = net.forward(x, batch: 3).outputs
        let p = net.parameters.map(Double.init)
        for r in 0..<3 {
            let expected = Self.reference(net, p, (0..<widths[0]).map { Double(x[r * widths[0] + $0]) })
            for j in expected.indices { #expect(abs(Double(out[r * expected.count + j]) - expected[j]) < 1e-5 * max(1, abs(expected[j]))) }
        }
    }

    @Test("backward: ∂E/∂params and ∂E/∂x of E = Σ cᵣⱼ fⱼ(xᵣ) against central differences", arguments: [[2, 5, 3, 1], [3, 20, 17, 2], [2, 70, 1]])
    func backward(widths: [Int]) {
        let (net, x) = Self.network(widths)
        let outputs = widths.last!
        let c = (0..<(3 * outputs)).map { Float($0 % 3) - 0.7 }
        let a = net.forward(x, batch: 3)
        var gradient = [Float](repeating: 0, count: net.parameterCount)
        let dx = gradient.withUnsafeMutableBufferPointer { net.backward(a, outputGradient: c, into: $0.baseAddress!, inputGradient: true)! }
        func energy(_ p: [Double], _ x: [Double]) -> Double {
            (0..<3).reduce(0.0) { sum, r in
                let f = Self.reference(net, p, (0..<widths[0]).map { x[r * widths[0] + $0] })
                return sum + f.indices.reduce(0.0) { $0 + Double(c[r * outputs + $1]) * f[$1] }
            }
        }
        let p = net.parameters.map(Double.init), xd = x.map(Double.init)
        for i in p.indices {
            var (up, down) = (p, p)
            up[i] += 1e-6; down[i] -= 1e-6
            let expected = (energy(up, xd) - energy(down, xd)) / 2e-6
            #expect(abs(Double(gradient[i]) - expected) < 1e-4 * max(1, abs(expected)), "parameter \(i)")
        }
        for i in x.indices {
            var (up, down) = (xd, xd)
            up[i] += 1e-6; down[i] -= 1e-6
            let expected = (energy(p, up) - energy(p, down)) / 2e-6
            #expect(abs(Double(dx[i]) - expected) < 1e-3 * max(1, abs(expected)), "input \(i)")
        }
    }

    @Test("input slopes and the penalty's second-order pass against central differences", arguments: [[2, 5, 3, 1], [2, 24, 19, 1]])
    func penalty(widths: [Int]) {
        let (net, x) = Self.network(widths)
        let a = net.forward(x, batch: 3)
        let slopes = net.inputSlopes(a)
        let p = net.parameters.map(Double.init)
        func rows(_ x: [Float]) -> [[Double]] { (0..<3).map { r in (0..<widths[0]).map { Double(x[r * widths[0] + $0]) } } }
        for (r, row) in rows(x).enumerated() {
            let expected = Self.slope(net, p, row)
            for i in expected.indices { #expect(abs(Double(slopes.gradients[r * widths[0] + i]) - expected[i]) < 1e-5) }
        }
        // P = Σᵣ ½‖∇ₓf(xᵣ)‖²: pᵣ = ∇ₓf(xᵣ).
        var gradient = [Float](repeating: 0, count: net.parameterCount)
        gradient.withUnsafeMutableBufferPointer {
            net.penaltyBackward(a, slopes: slopes, penaltyGradient: slopes.gradients, into: $0.baseAddress!)
        }
        func penalty(_ p: [Double]) -> Double {
            rows(x).reduce(0.0) { sum, row in sum + 0.5 * Self.slope(net, p, row).reduce(0.0) { $0 + $1 * $1 } }
        }
        for i in p.indices {
            var (up, down) = (p, p)
            up[i] += 1e-4; down[i] -= 1e-4
            let expected = (penalty(up) - penalty(down)) / 2e-4
            #expect(abs(Double(gradient[i]) - expected) < 2e-3 * max(1, abs(expected)), "parameter \(i)")
        }
    }
}
