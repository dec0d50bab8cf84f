import Glibc
public import LossMath

/// A small network from ℝ to ℝ with two tanh hidden layers, and its gradients written out by hand
/// (checked against automatic differentiation in the tests):
/// ```
/// z₁ = W₁x + b₁,  a₁ = tanh z₁,  z₂ = W₂a₁ + b₂,  a₂ = tanh z₂,  f(x) = w₃·a₂ + b₃
/// ```
/// Besides ∂f/∂params it gives the input slope f′(x) = w₃·((1 − a₂²) ⊙ W₂((1 − a₁²) ⊙ W₁)) and the
/// gradient of a function of that slope with respect to the parameters (a second-order
/// backward pass), which the WGAN-GP penalty needs.
public struct TanhMLP: Sendable {
    public var w1: [Double], b1: [Double]      // n₁
    public var w2: [Double] {                  // n₂ × n₁ row-major
        didSet { w2Transposed = Self.transpose(w2, rows: n2, columns: n1) }
    }
    public var b2: [Double]                    // n₂
    public var w3: [Double], b3: Double        // n₂, scalar
    public let n1: Int, n2: Int
    /// W₂ᵀ (n₁ × n₂ row-major), kept in step with `w2`: the forward pass and the input slope
    /// accumulate W₂a over i with j innermost, a loop over contiguous memory that vectorizes
    /// (each zⱼ still sums its terms in the order i = 0, 1, …).
    private var w2Transposed: [Double]

    private static func transpose(_ m: [Double], rows: Int, columns: Int) -> [Double] {
        var t = [Double](repeating: 0, count: m.count)
        for r in 0..<rows { for c in 0..<columns { t[c * rows + r] = m[r * columns + c] } }
        return t
    }

    /// Random weights with the Glorot scale √(2/(fan in + fan out)).
    public init(hidden n1: Int, _ n2: Int, generator g: inout SeededGenerator) {
        self.n1 = n1; self.n2 = n2
        func draw(_ count: Int, _ fanIn: Int, _ fanOut: Int) -> [Double] {
            let s = (2 / Double(fanIn + fanOut)).squareRoot()
            return (0..<count).map { _ in s * g.standardNormal() }
        }
        w1 = draw(n1, 1, n1); b1 = [Double](repeating: 0, count: n1)
        w2 = draw(n2 * n1, n1, n2); b2 = [Double](repeating: 0, count: n2)
        w2Transposed = Self.transpose(w2, rows: n2, columns: n1)
        w3 = draw(n2, n2, 1); b3 = 0
    }

    /// All parameters as one vector (w₁, b₁, w₂, b₂, w₃, b₃), for optimizers.
    public var parameters: [Double] {
        get { w1 + b1 + w2 + b2 + w3 + [b3] }
        set {
            var i = 0
            func take(_ n: Int) -> [Double] { defer { i += n }; return Array(newValue[i..<(i + n)]) }
            w1 = take(n1); b1 = take(n1); w2 = take(n1 * n2); b2 = take(n2); w3 = take(n2); b3 = newValue[i]
        }
    }

    public var parameterCount: Int { 2 * n1 + n1 * n2 + 2 * n2 + 1 }

    /// What the forward pass keeps for the backward passes.
    public struct Trace: Sendable {
        public var x: Double
        public var a1: [Double], a2: [Double]
        public var output: Double
    }

    /// The forward passes of a batch, kept for the backward passes: row b of `a1` (n₁ wide) and of
    /// `a2` (n₂ wide) belongs to input b.
    public struct BatchTrace: Sendable {
        public var inputs: [Double]
        public var a1: [Double], a2: [Double]
        public var outputs: [Double]
    }

    public func forward(_ x: Double) -> Trace {
        var a1 = [Double](repeating: 0, count: n1), a2 = [Double](repeating: 0, count: n2)
        let output = withKernels { k in
            a1.withUnsafeMutableBufferPointer { a1 in
                a2.withUnsafeMutableBufferPointer { a2 in k.forward(x, a1.baseAddress!, a2.baseAddress!) }
            }
        }
        return Trace(x: x, a1: a1, a2: a2, output: output)
    }

    /// The forward pass of every input, into flat buffers: no allocation per input.
    public func forward(batch inputs: [Double]) -> BatchTrace {
        let m = inputs.count
        var a1 = [Double](repeating: 0, count: m * n1), a2 = [Double](repeating: 0, count: m * n2)
        var outputs = [Double](repeating: 0, count: m)
        withKernels { k in
            a1.withUnsafeMutableBufferPointer { a1 in
                a2.withUnsafeMutableBufferPointer { a2 in
                    for b in 0..<m {
                        outputs[b] = k.forward(inputs[b], a1.baseAddress! + b * n1, a2.baseAddress! + b * n2)
                    }
                }
            }
        }
        return BatchTrace(inputs: inputs, a1: a1, a2: a2, outputs: outputs)
    }

    public func callAsFunction(_ x: Double) -> Double { forward(x).output }

    /// Adds g·∂f/∂params to `gradient` and returns g·∂f/∂x (plain backpropagation).
    @discardableResult
    public func backward(_ t: Trace, scale g: Double, into gradient: inout [Double]) -> Double {
        withRows(t) { x, a1, a2 in withGradient(&gradient) { k, gradient in k.backward(x, a1, a2, g, gradient) } }
    }

    /// ``backward(_:scale:into:)`` for input `b` of a batch.
    @discardableResult
    public func backward(_ t: BatchTrace, sample b: Int, scale g: Double, into gradient: inout [Double]) -> Double {
        withRows(t, b) { x, a1, a2 in withGradient(&gradient) { k, gradient in k.backward(x, a1, a2, g, gradient) } }
    }

    /// f′(x), the slope of the network at its input, by forward-mode tangents.
    public func inputSlope(_ t: Trace) -> Double {
        withRows(t) { _, a1, a2 in withKernels { $0.inputSlope(a1, a2) } }
    }

    /// ``inputSlope(_:)`` for input `b` of a batch.
    public func inputSlope(_ t: BatchTrace, sample b: Int) -> Double {
        withRows(t, b) { _, a1, a2 in withKernels { $0.inputSlope(a1, a2) } }
    }

    /// Adds g·∂f′(x)/∂params to `gradient`: the backward pass through the tangent computation
    /// u₁ = (1 − a₁²)⊙w₁, t₂ = W₂u₁, u₂ = (1 − a₂²)⊙t₂, f′ = w₃·u₂, where a₁ and a₂ depend on the
    /// parameters too (d(1 − a²)/dz = −2a(1 − a²)).
    public func slopeBackward(_ t: Trace, scale g: Double, into gradient: inout [Double]) {
        withRows(t) { x, a1, a2 in withGradient(&gradient) { k, gradient in k.slopeBackward(x, a1, a2, g, gradient) } }
    }

    /// ``slopeBackward(_:scale:into:)`` for input `b` of a batch.
    public func slopeBackward(_ t: BatchTrace, sample b: Int, scale g: Double, into gradient: inout [Double]) {
        withRows(t, b) { x, a1, a2 in withGradient(&gradient) { k, gradient in k.slopeBackward(x, a1, a2, g, gradient) } }
    }

    // MARK: The passes, on raw rows

    private func withRows<R>(_ t: Trace, _ body: (Double, UnsafePointer<Double>, UnsafePointer<Double>) -> R) -> R {
        t.a1.withUnsafeBufferPointer { a1 in t.a2.withUnsafeBufferPointer { a2 in body(t.x, a1.baseAddress!, a2.baseAddress!) } }
    }

    private func withRows<R>(_ t: BatchTrace, _ b: Int, _ body: (Double, UnsafePointer<Double>, UnsafePointer<Double>) -> R) -> R {
        precondition(t.inputs.indices.contains(b), "sample \(b) is not in the batch")
        return t.a1.withUnsafeBufferPointer { a1 in
            t.a2.withUnsafeBufferPointer { a2 in body(t.inputs[b], a1.baseAddress! + b * n1, a2.baseAddress! + b * n2) }
        }
    }

    private func withGradient<R>(_ gradient: inout [Double], _ body: (Kernels, UnsafeMutablePointer<Double>) -> R) -> R {
        precondition(gradient.count == parameterCount, "the gradient has \(parameterCount) entries")
        return withKernels { k in gradient.withUnsafeMutableBufferPointer { body(k, $0.baseAddress!) } }
    }

    private func withKernels<R>(_ body: (Kernels) -> R) -> R {
        w1.withUnsafeBufferPointer { w1 in
            b1.withUnsafeBufferPointer { b1 in
                w2.withUnsafeBufferPointer { w2 in
                    w2Transposed.withUnsafeBufferPointer { w2t in
                        b2.withUnsafeBufferPointer { b2 in
                            w3.withUnsafeBufferPointer { w3 in
                                body(Kernels(n1: n1, n2: n2, w1: w1.baseAddress!, b1: b1.baseAddress!, w2: w2.baseAddress!,
                                             w2t: w2t.baseAddress!, b2: b2.baseAddress!, w3: w3.baseAddress!, b3: b3))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The passes on raw pointers, so that every inner loop runs over contiguous memory without
    /// bounds checks and vectorizes; scratch vectors live on the stack. Each sum runs in a fixed
    /// order (over i for each j of layer two, and so on), whatever the vector width.
    private struct Kernels {
        let n1: Int, n2: Int
        let w1, b1, w2, w2t, b2, w3: UnsafePointer<Double>
        let b3: Double

        /// Fills the rows a₁ (n₁) and a₂ (n₂) and returns f(x).
        func forward(_ x: Double, _ a1: UnsafeMutablePointer<Double>, _ a2: UnsafeMutablePointer<Double>) -> Double {
            // Pre-activations first, then tanh over the whole layer: a loop the compiler vectorizes.
            for i in 0..<n1 { a1[i] = w1[i] * x + b1[i] }
            for i in 0..<n1 { a1[i] = Double.hyperbolicTangent(a1[i]) }
            a2.update(from: b2, count: n2)
            for i in 0..<n1 {
                let a = a1[i], row = w2t + i * n2
                for j in 0..<n2 { a2[j] += row[j] * a }
            }
            for j in 0..<n2 { a2[j] = Double.hyperbolicTangent(a2[j]) }
            var out = b3
            for j in 0..<n2 { out += w3[j] * a2[j] }
            return out
        }

        /// t₂ = W₂u (the tangent through the second layer), summed over i in order for each j.
        func layerTwoTangent(_ u: UnsafePointer<Double>, into t2: UnsafeMutablePointer<Double>) {
            t2.initialize(repeating: 0, count: n2)
            for i in 0..<n1 {
                let a = u[i], row = w2t + i * n2
                for j in 0..<n2 { t2[j] += row[j] * a }
            }
        }

        func backward(_ x: Double, _ a1: UnsafePointer<Double>, _ a2: UnsafePointer<Double>, _ g: Double,
                      _ gradient: UnsafeMutablePointer<Double>) -> Double {
            let (o1, o2, o3, o4, o5) = (n1, 2 * n1, 2 * n1 + n1 * n2, 2 * n1 + n1 * n2 + n2, 2 * n1 + n1 * n2 + 2 * n2)
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: n1 + n2) { scratch in
                let gz2 = scratch.baseAddress!, ga1 = gz2 + n2
                for j in 0..<n2 {
                    gradient[o4 + j] += g * a2[j]
                    gz2[j] = g * w3[j] * (1 - a2[j] * a2[j])
                    gradient[o3 + j] += gz2[j]
                }
                gradient[o5] += g
                // j outer, i inner: both accumulations run over contiguous memory.
                ga1.initialize(repeating: 0, count: n1)
                for j in 0..<n2 {
                    let g = gz2[j], gradientRow = gradient + o2 + j * n1, row = w2 + j * n1
                    for i in 0..<n1 {
                        gradientRow[i] += g * a1[i]
                        ga1[i] += row[i] * g
                    }
                }
                var gx = 0.0
                for i in 0..<n1 {
                    let gz1 = ga1[i] * (1 - a1[i] * a1[i])
                    gradient[i] += gz1 * x
                    gradient[o1 + i] += gz1
                    gx += gz1 * w1[i]
                }
                return gx
            }
        }

        func inputSlope(_ a1: UnsafePointer<Double>, _ a2: UnsafePointer<Double>) -> Double {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: n1 + n2) { scratch in
                let u1 = scratch.baseAddress!, t2 = u1 + n1
                for i in 0..<n1 { u1[i] = (1 - a1[i] * a1[i]) * w1[i] }
                layerTwoTangent(u1, into: t2)
                var s = 0.0
                for j in 0..<n2 { s += w3[j] * (1 - a2[j] * a2[j]) * t2[j] }
                return s
            }
        }

        func slopeBackward(_ x: Double, _ a1: UnsafePointer<Double>, _ a2: UnsafePointer<Double>, _ g: Double,
                           _ gradient: UnsafeMutablePointer<Double>) {
            let (o1, o2, o3, o4) = (n1, 2 * n1, 2 * n1 + n1 * n2, 2 * n1 + n1 * n2 + n2)
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * n1 + n2) { scratch in
                let u1 = scratch.baseAddress!, t2 = u1 + n1, gu1 = t2 + n2, ga1 = gu1 + n1
                for i in 0..<n1 { u1[i] = (1 - a1[i] * a1[i]) * w1[i] }
                layerTwoTangent(u1, into: t2)
                gu1.initialize(repeating: 0, count: 2 * n1)  // gu1 and ga1
                for j in 0..<n2 {
                    let d2 = 1 - a2[j] * a2[j]
                    gradient[o4 + j] += g * d2 * t2[j]                 // ∂/∂w₃
                    let gu2 = g * w3[j]
                    let gt2 = gu2 * d2
                    let gz2 = gu2 * t2[j] * (-2 * a2[j]) * d2          // through a₂ = tanh z₂
                    gradient[o3 + j] += gz2                            // ∂/∂b₂
                    // ∂/∂W₂ via t₂ and via z₂, and the sums back into layer one.
                    let row = w2 + j * n1, gradientRow = gradient + o2 + j * n1
                    for i in 0..<n1 {
                        gradientRow[i] += gt2 * u1[i] + gz2 * a1[i]
                        gu1[i] += row[i] * gt2
                        ga1[i] += row[i] * gz2
                    }
                }
                for i in 0..<n1 {
                    let d1 = 1 - a1[i] * a1[i]
                    gradient[i] += gu1[i] * d1                         // ∂/∂w₁ via u₁
                    let gz1 = (ga1[i] + gu1[i] * w1[i] * (-2 * a1[i])) * d1
                    gradient[i] += gz1 * x                             // ∂/∂w₁ via z₁
                    gradient[o1 + i] += gz1                            // ∂/∂b₁
                }
            }
        }
    }
}

/// Adam (Kingma & Ba 2015) over a parameter vector.
public struct Adam: Sendable {
    public var learningRate: Double
    public var beta1 = 0.5, beta2 = 0.999, epsilon = 1e-8
    private var m: [Double], v: [Double], t = 0

    public init(count: Int, learningRate: Double) {
        self.learningRate = learningRate
        m = [Double](repeating: 0, count: count)
        v = m
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        t += 1
        let c1 = 1 - pow(beta1, Double(t)), c2 = 1 - pow(beta2, Double(t))
        for i in parameters.indices {
            m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
            v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
            parameters[i] -= learningRate * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
        }
    }
}
