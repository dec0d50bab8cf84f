public import LossMath

/// A fully connected network with ReLU hidden layers and a linear output, trained on whole
/// batches by hand-written backpropagation (checked against finite differences in the tests).
/// Layer l maps a row h of width nₗ to z = h·Wₗ + bₗ of width nₗ₊₁ (Wₗ is nₗ × nₗ₊₁, row-major),
/// and h′ = max(z, 0) except at the last layer:
/// ```
/// h₀ = x,   hₗ₊₁ = relu(hₗ Wₗ + bₗ),   f(x) = h_{L−1} W_{L−1} + b_{L−1}
/// ```
/// Besides ∂f/∂params it gives the input gradient ∇ₓf (for a scalar output) and the gradient
/// with respect to the parameters of a penalty on ∇ₓf, which WGAN-GP and R1 need (see
/// ``penaltyBackward(_:slopes:penaltyGradient:into:)``).
///
/// Every product runs as rows of axpy updates over contiguous memory (the compiler vectorizes
/// them) in a fixed order, so results do not depend on the vector width.
public struct ReLUNetwork: Sendable {
    /// The widths n₀ (input), n₁, …, n_L (output).
    public let widths: [Int]
    /// Per layer Wₗ (nₗ × nₗ₊₁, row-major) and then bₗ, layer after layer: the vector an optimizer
    /// updates.
    public var parameters: [Float] { didSet { refreshTransposes() } }
    /// Wₗᵀ (nₗ₊₁ × nₗ, row-major) per layer, kept in step with `parameters`: δ·Wᵀ as axpy rows.
    private var transposes: [Float]
    private let weightOffsets: [Int], biasOffsets: [Int], transposeOffsets: [Int]

    public var layerCount: Int { widths.count - 1 }
    public var parameterCount: Int { parameters.count }

    /// Weights and biases drawn uniformly from [−1/√nₗ, 1/√nₗ] (PyTorch's default for a linear
    /// layer), in `Float` as in PyTorch.
    public init(widths: [Int], generator g: inout SeededGenerator) {
        precondition(widths.count >= 2 && widths.allSatisfy { $0 > 0 }, "a network needs an input and an output width")
        self.widths = widths
        var w: [Int] = [], b: [Int] = [], t: [Int] = [], count = 0, tCount = 0
        for l in 0..<(widths.count - 1) {
            w.append(count); count += widths[l] * widths[l + 1]
            b.append(count); count += widths[l + 1]
            t.append(tCount); tCount += widths[l] * widths[l + 1]
        }
        weightOffsets = w; biasOffsets = b; transposeOffsets = t
        var p = [Float](repeating: 0, count: count)
        for l in 0..<(widths.count - 1) {
            let bound = 1 / Double(widths[l]).squareRoot()
            for i in w[l]..<(b[l] + widths[l + 1]) { p[i] = Float(bound * (2 * g.uniform() - 1)) }
        }
        parameters = p
        transposes = [Float](repeating: 0, count: tCount)
        refreshTransposes()
    }

    private mutating func refreshTransposes() {
        for l in 0..<layerCount {
            let (n, m) = (widths[l], widths[l + 1]), w = weightOffsets[l], t = transposeOffsets[l]
            for k in 0..<n { for j in 0..<m { transposes[t + j * n + k] = parameters[w + k * m + j] } }
        }
    }

    /// The rows of one batch through every layer: `layers[0]` the inputs (B × n₀), `layers[l]` the
    /// activations hₗ (B × nₗ; relu'd for hidden layers), the last the outputs (B × n_L).
    public struct Activations: Sendable {
        public var batch: Int
        public var layers: [[Float]]
        public var outputs: [Float] { layers[layers.count - 1] }
    }

    /// The forward pass of `batch` rows of `inputs` (B × n₀, row-major).
    public func forward(_ inputs: [Float], batch: Int) -> Activations {
        precondition(inputs.count == batch * widths[0], "the inputs are \(batch) rows of \(widths[0])")
        var layers = [inputs]
        layers.reserveCapacity(widths.count)
        for l in 0..<layerCount {
            let m = widths[l + 1]
            var z = [Float](repeating: 0, count: batch * m)
            parameters.withUnsafeBufferPointer { p in
                let bias = p.baseAddress! + biasOffsets[l]
                z.withUnsafeMutableBufferPointer { z in
                    for r in 0..<batch { (z.baseAddress! + r * m).update(from: bias, count: m) }
                }
            }
            multiplyAdd(layers[l], rows: batch, layer: l, transposed: false, into: &z)
            if l < layerCount - 1 { Self.relu(&z) }
            layers.append(z)
        }
        return Activations(batch: batch, layers: layers)
    }

    /// Backpropagates ∂E/∂f (`outputGradient`, B × n_L) through the batch: adds ∂E/∂params to
    /// `gradient` when given, and returns ∂E/∂x (B × n₀) when `inputGradient` is set.
    /// ```
    /// δ_{L−1} = ∂E/∂f,   ∂E/∂Wₗ += hₗᵀ δₗ,   ∂E/∂bₗ += Σ_rows δₗ,   δₗ₋₁ = (δₗ Wₗᵀ) ⊙ [hₗ > 0]
    /// ```
    @discardableResult
    public func backward(_ a: Activations, outputGradient: [Float], into gradient: UnsafeMutablePointer<Float>?,
                         inputGradient: Bool) -> [Float]? {
        precondition(outputGradient.count == a.batch * widths[layerCount], "one output gradient per output")
        var delta = outputGradient
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            if let gradient {
                Self.accumulateOuter(a.layers[l], delta, rows: a.batch, into: gradient + weightOffsets[l])
                Self.columnSums(delta, rows: a.batch, into: gradient + biasOffsets[l])
            }
            guard l > 0 || inputGradient else { return nil }
            delta = backOne(delta, a, layer: l)
        }
        return delta
    }

    /// δₗ₋₁ = (δₗ Wₗᵀ) ⊙ [hₗ > 0] (no mask at the input, l = 0).
    private func backOne(_ delta: [Float], _ a: Activations, layer l: Int) -> [Float] {
        var previous = [Float](repeating: 0, count: a.batch * widths[l])
        multiplyAdd(delta, rows: a.batch, layer: l, transposed: true, into: &previous)
        if l > 0 { Self.mask(&previous, by: a.layers[l]) }
        return previous
    }

    /// The input gradients ∇ₓf of a network with one output, row by row, and the backward deltas
    /// that produced them (kept for ``penaltyBackward(_:slopes:penaltyGradient:into:)``).
    public struct Slopes: Sendable {
        /// ∇ₓf per row (B × n₀).
        public var gradients: [Float]
        /// δₗ = ∂f/∂zₗ per layer (B × nₗ₊₁); the last is all ones.
        var deltas: [[Float]]
    }

    /// ∇ₓf for each row: the backward pass with ∂E/∂f = 1.
    public func inputSlopes(_ a: Activations) -> Slopes {
        precondition(widths[layerCount] == 1, "input slopes need a network with one output")
        var deltas = [[Float]](repeating: [], count: layerCount)
        var delta = [Float](repeating: 1, count: a.batch)
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            deltas[l] = delta
            delta = backOne(delta, a, layer: l)
        }
        return Slopes(gradients: delta, deltas: deltas)
    }

    /// Adds ∂P/∂params to `gradient` for a penalty P of the input gradients gᵣ = ∇ₓf(xᵣ), given
    /// pᵣ = ∂P/∂gᵣ (B × n₀). With ReLU the masks [hₗ > 0] are constant almost everywhere, so g is a
    /// product of the weight matrices and the masks, linear in each Wₗ, and independent of the
    /// biases:
    /// ```
    /// gᵀ = W₀ δ₀ᵀ, δₗ = (δₗ₊₁ Wₗ₊₁ᵀ) ⊙ mₗ₊₁, δ_{L−1} = 1
    /// ∂P/∂Wₗ = Σᵣ qₗᵀ δₗ   with the forward tangent q₀ = p, qₗ₊₁ = (qₗ Wₗ) ⊙ mₗ₊₁
    /// ```
    /// (the second-order pass of double backpropagation, written out).
    public func penaltyBackward(_ a: Activations, slopes: Slopes, penaltyGradient p: [Float],
                                into gradient: UnsafeMutablePointer<Float>) {
        precondition(p.count == a.batch * widths[0], "one penalty gradient per input")
        var q = p
        for l in 0..<layerCount {
            Self.accumulateOuter(q, slopes.deltas[l], rows: a.batch, into: gradient + weightOffsets[l])
            guard l < layerCount - 1 else { break }
            var next = [Float](repeating: 0, count: a.batch * widths[l + 1])
            multiplyAdd(q, rows: a.batch, layer: l, transposed: false, into: &next)
            Self.mask(&next, by: a.layers[l + 1])
            q = next
        }
    }

    // MARK: - The products

    /// C += A·Wₗ (`transposed` false: A is B × nₗ, C is B × nₗ₊₁) or C += A·Wₗᵀ (A is B × nₗ₊₁,
    /// C is B × nₗ).
    private func multiplyAdd(_ a: [Float], rows: Int, layer l: Int, transposed: Bool, into c: inout [Float]) {
        let (n, m) = (widths[l], widths[l + 1])
        parameters.withUnsafeBufferPointer { p in
            transposes.withUnsafeBufferPointer { t in
                let w = p.baseAddress! + weightOffsets[l], wt = t.baseAddress! + transposeOffsets[l]
                let (b, bt, inner, columns) = transposed ? (wt, w, m, n) : (w, wt, n, m)
                a.withUnsafeBufferPointer { a in
                    c.withUnsafeMutableBufferPointer { c in
                        Self.multiplyAdd(a.baseAddress!, b, bt, into: c.baseAddress!, rows: rows, inner: inner, columns: columns)
                    }
                }
            }
        }
    }

    typealias Lanes = SIMD16<Float>

    private static func load(_ p: UnsafePointer<Float>) -> Lanes { UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }
    private static func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
    }

    /// C (rows × columns) += A (rows × inner) · B (inner × columns), given B and Bᵀ. Wide outputs
    /// (16 columns or more) keep sixteen neighbouring entries in one SIMD register, four at a time,
    /// while the terms over k stream past in order, as a scalar loop would add them. Narrow ones
    /// (the output layer, the input gradient) take each entry as a dot product of a row of A and
    /// a row of Bᵀ, in sixteen lanes summed at the end. Every entry sums in a fixed order, so the
    /// bits do not depend on the machine.
    private static func multiplyAdd(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ bt: UnsafePointer<Float>,
                                    into c: UnsafeMutablePointer<Float>, rows: Int, inner: Int, columns: Int) {
        for r in 0..<rows {
            let out = c + r * columns, row = a + r * inner
            var j = 0
            while j + 64 <= columns {
                var (s0, s1, s2, s3) = (load(out + j), load(out + j + 16), load(out + j + 32), load(out + j + 48))
                for k in 0..<inner {
                    let x = Lanes(repeating: row[k]), p = b + k * columns + j
                    s0 = s0 + x * load(p); s1 = s1 + x * load(p + 16); s2 = s2 + x * load(p + 32); s3 = s3 + x * load(p + 48)
                }
                store(s0, out + j); store(s1, out + j + 16); store(s2, out + j + 32); store(s3, out + j + 48)
                j += 64
            }
            while j + 16 <= columns {
                var s = load(out + j)
                for k in 0..<inner { s = s + Lanes(repeating: row[k]) * load(b + k * columns + j) }
                store(s, out + j)
                j += 16
            }
            while j < columns {
                out[j] += dot(row, bt + j * inner, count: inner)
                j += 1
            }
        }
    }

    /// Σₖ x[k]·y[k] in sixteen lanes (k ≡ i mod 16 in lane i, in order), the lanes then summed in
    /// order, then the remaining terms.
    private static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = Lanes(repeating: 0), k = 0
        while k + 16 <= count {
            lanes = lanes + load(x + k) * load(y + k)
            k += 16
        }
        var s: Float = 0
        for i in 0..<16 { s += lanes[i] }
        while k < count { s += x[k] * y[k]; k += 1 }
        return s
    }

    /// G (left × right) += Aᵀ · D for A (rows × left) and D (rows × right), summed over the rows
    /// in order: for each row, G's rows take an axpy update of D's row (wide D) or G's columns of
    /// A's row (narrow D, through Gᵀ), sixteen entries per register.
    private static func accumulateOuter(_ a: [Float], _ d: [Float], rows: Int, into g: UnsafeMutablePointer<Float>) {
        let left = a.count / max(rows, 1), right = d.count / max(rows, 1)
        a.withUnsafeBufferPointer { a in
            d.withUnsafeBufferPointer { d in
                let a = a.baseAddress!, d = d.baseAddress!
                if right >= 16 {
                    for k in 0..<left {
                        let out = g + k * right
                        var j = 0
                        // Four registers at a time: four independent chains of additions.
                        while j + 64 <= right {
                            var (s0, s1, s2, s3) = (load(out + j), load(out + j + 16), load(out + j + 32), load(out + j + 48))
                            for r in 0..<rows {
                                let x = Lanes(repeating: a[r * left + k]), p = d + r * right + j
                                s0 = s0 + x * load(p); s1 = s1 + x * load(p + 16); s2 = s2 + x * load(p + 32); s3 = s3 + x * load(p + 48)
                            }
                            store(s0, out + j); store(s1, out + j + 16); store(s2, out + j + 32); store(s3, out + j + 48)
                            j += 64
                        }
                        while j + 16 <= right {
                            var s = load(out + j)
                            for r in 0..<rows { s = s + Lanes(repeating: a[r * left + k]) * load(d + r * right + j) }
                            store(s, out + j)
                            j += 16
                        }
                        while j < right {
                            var s = out[j]
                            for r in 0..<rows { s += a[r * left + k] * d[r * right + j] }
                            out[j] = s
                            j += 1
                        }
                    }
                    return
                }
                // Narrow: accumulate Gᵀ (right × left) row-wise over contiguous rows of A.
                withUnsafeTemporaryAllocation(of: Float.self, capacity: left * right) { scratch in
                    let gt = scratch.baseAddress!
                    for k in 0..<left { for j in 0..<right { gt[j * left + k] = g[k * right + j] } }
                    for r in 0..<rows {
                        let aRow = a + r * left
                        for j in 0..<right {
                            let x = d[r * right + j], out = gt + j * left
                            for k in 0..<left { out[k] += x * aRow[k] }
                        }
                    }
                    for k in 0..<left { for j in 0..<right { g[k * right + j] = gt[j * left + k] } }
                }
            }
        }
    }

    /// s (columns) += the column sums of D (rows × columns), in row order.
    private static func columnSums(_ d: [Float], rows: Int, into s: UnsafeMutablePointer<Float>) {
        let columns = d.count / max(rows, 1)
        for r in 0..<rows { for j in 0..<columns { s[j] += d[r * columns + j] } }
    }

    private static func relu(_ z: inout [Float]) {
        z.withUnsafeMutableBufferPointer { z in
            let p = z.baseAddress!
            for i in 0..<z.count { p[i] = p[i] > 0 ? p[i] : 0 }
        }
    }

    /// x ⊙ [h > 0].
    private static func mask(_ x: inout [Float], by h: [Float]) {
        precondition(x.count == h.count)
        x.withUnsafeMutableBufferPointer { x in
            h.withUnsafeBufferPointer { h in
                let (p, q) = (x.baseAddress!, h.baseAddress!)
                for i in 0..<x.count { p[i] = q[i] > 0 ? p[i] : 0 }
            }
        }
    }
}
