public import FoundationEssentials

/// The high-precision reference for one discriminator loss, a function of a real logit ℓ_r and a
/// fake logit ℓ_f: the third witness of its value and partial derivatives.
///
/// Written by `tools/make_reference.py` with mpmath at 60 digits (`Resources/reference/d-<name>.ref`,
/// about 40 000 pairs each). The pairs mix random pairs of a sweep from the smallest subnormal to
/// the largest double, uniform pairs, `Float` pairs, pairs whose difference ℓ_f − ℓ_r is not a
/// `Double` (the relativistic loss), and real logits near the smoothed optimum. Little-endian:
/// ```
/// "GANREFD1"  n: UInt32  q: UInt32     q = 5 (L_D, ∂/∂ℓ_r, ∂/∂ℓ_f, ∂/∂D_r, ∂/∂D_f) or 3 (no D)
/// n × Float64, n × Float64             the real logits, then the fake logits
/// q × (n × Float64, n × Int16)         per quantity: rounded values, errors × 65534 (as ``ReferenceVectors``)
/// checksum: UInt64                     FNV-1a 64 of every byte before it
/// ```
public struct DiscriminatorReference: Sendable {
    /// The losses with a reference file, each as the catalog evaluates it: BCE, BCE with real target
    /// t = 0.9, least squares with a = 0 and b = 1, least squares on σ, the Wasserstein critic, hinge,
    /// the relativistic pairs (`ragan` is RaSGAN's, shared by the games `ragan` and `rasgan`; `rsgan`,
    /// `ralsgan`, `rahinge`), EBGAN's margin loss with m = 1, and f-GAN's six (`fgan-kl`, …).
    public static let losses: [(name: String, loss: DiscriminatorLoss)] = [
        ("bce", .bce), ("bce-smoothed", .bceSmoothed(target: 0.9)), ("lsgan", .leastSquares),
        ("lssigmoid", .leastSquaresSigmoid), ("wgan", .wasserstein), ("hinge", .hinge), ("ragan", .ragan),
        ("rsgan", .relativistic(.rsgan)), ("ralsgan", .relativistic(.ralsgan)), ("rahinge", .relativistic(.rahinge)),
        ("ebgan", .energy(margin: 1)),
    ] + FDivergence.allCases.map { ("fgan-" + $0.rawValue, .fDivergence($0)) }

    /// The name of the loss, such as "bce-smoothed" (its file is `d-<name>.ref`).
    public var name: String
    /// The loss, with the parameters the reference was computed for.
    public var loss: DiscriminatorLoss
    /// The points, in the order of the file.
    public var points: [DiscriminatorReferencePoint]

    /// The vectors of the loss called `name` in ``losses``, from the reference folder chosen by
    /// `environment` (`GAN_LOSSES_REFERENCE_DIR` if set, else the source tree).
    public static func load(_ name: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DiscriminatorReference {
        guard let loss = losses.first(where: { $0.name == name })?.loss else {
            preconditionFailure("no discriminator reference named \(name)")
        }
        let path = try ReferenceFolder(environment: environment).file(named: "d-\(name)")
        return try DiscriminatorReference(name: name, loss: loss, bytes: ReferenceFile.read(path), source: path)
    }

    init(name: String, loss: DiscriminatorLoss, bytes: [UInt8], source: String) throws {
        self.name = name
        self.loss = loss
        let body = try ReferenceBody(bytes, expected: .discriminator, source: source)
        let expected = loss.hasProbability ? 5 : 3
        guard body.header.quantities == expected else {
            throw ReferenceError.malformed(path: source, reason: "\(body.header.quantities) quantities, but the \(name) discriminator has \(expected) (the file of another loss?)")
        }
        let columns = (0..<expected).map(body.column)
        points = (0..<body.header.points).map { i in
            DiscriminatorReferencePoint(
                realLogit: body.input(0, i), fakeLogit: body.input(1, i), value: columns[0][i],
                gradientReal: columns[1][i], gradientFake: columns[2][i],
                gradientRealD: expected == 5 ? columns[3][i] : nil, gradientFakeD: expected == 5 ? columns[4][i] : nil)
        }
    }
}

/// One point of a discriminator reference: a pair of logits and the exact quantities there.
public struct DiscriminatorReferencePoint: Sendable, Hashable {
    /// ℓ_r, the logit on the real sample.
    public var realLogit: Double
    /// ℓ_f, the logit on the generated sample.
    public var fakeLogit: Double
    /// L_D.
    public var value: ReferenceValue
    /// ∂L_D/∂ℓ_r.
    public var gradientReal: ReferenceValue
    /// ∂L_D/∂ℓ_f.
    public var gradientFake: ReferenceValue
    /// ∂L_D/∂D_r; nil for the losses without a probability.
    public var gradientRealD: ReferenceValue?
    /// ∂L_D/∂D_f; nil for the losses without a probability.
    public var gradientFakeD: ReferenceValue?
}
