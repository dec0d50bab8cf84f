public import FoundationEssentials
internal import Glibc

/// The high-precision reference for one generator loss: the third witness of every value and
/// derivative (docs/architecture.md#the-three-witnesses).
///
/// Written by `tools/make_reference.py` with mpmath at 60 digits and committed beside this module
/// (`Resources/reference/<id>.ref`, about 110 000 logits each), so that neither the tests nor
/// `gan-losses check` need Python. Each quantity is stored as its correctly rounded `Double` and the
/// rounding error in ULPs, which lets an error be measured to a fraction of an ULP
/// (see ``ReferenceValue``).
///
/// The file is little-endian binary (text would take 70 MB):
/// ```
/// "GANREF02"  n: UInt32  q: UInt32            1 ≤ n ≤ 10 000 000; q = 2 (L, ∂L/∂ℓ) or 3 (and ∂L/∂D)
/// n × Float64                                 the logits
/// q × (n × Float64, n × Int16)                per quantity: rounded values, errors × 65534
/// checksum: UInt64                            FNV-1a 64 (`FNV1a`) of every byte before it
/// ```
/// so a file has exactly 16 + 8n + 10qn + 8 bytes; that is checked against its size before the body
/// is read. q must be 3 for the losses of D and 2 for the others. The first format, "GANREF01", was
/// the same without the checksum; it is no longer read.
public struct ReferenceVectors: Sendable {
    /// The loss the vectors are for.
    public var loss: GeneratorLoss
    /// The points of the sweep, in the order of the file.
    public var points: [ReferencePoint]

    /// The scale of the stored errors: an Int16 `e` stands for `e / 65534` ULP (±½ ↦ ±32767).
    static let errorScale = 65534.0

    /// The vectors of `loss`, read from the reference folder chosen by `environment`
    /// (`ReferenceFolder`: `GAN_LOSSES_REFERENCE_DIR` if set, else the source tree).
    public static func load(for loss: GeneratorLoss,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ReferenceVectors {
        let path = try ReferenceFolder(environment: environment).file(for: loss)
        return try ReferenceVectors(loss: loss, file: path)
    }

    /// Reads the file at `path`, rejecting one whose size does not match its header before
    /// reading the rest.
    public init(loss: GeneratorLoss, file path: String) throws {
        try self.init(loss: loss, bytes: ReferenceFile.read(path), source: path)
    }

    /// Parses the binary format written by `tools/make_reference.py` (see the type's description).
    public init(loss: GeneratorLoss, data: Data, source: String = "<memory>") throws {
        try self.init(loss: loss, bytes: [UInt8](data), source: source)
    }

    init(loss: GeneratorLoss, bytes: [UInt8], source: String) throws {
        self.loss = loss
        let body = try ReferenceBody(bytes, expected: .generator, source: source)
        let quantities = body.header.quantities
        guard quantities == (loss.isDefinedThroughD ? 3 : 2) else {
            throw ReferenceError.malformed(path: source, reason: "\(quantities) quantities, but \(loss.id) has \(loss.isDefinedThroughD ? 3 : 2) (the file of another loss?)")
        }
        let values = body.column(0), gradients = body.column(1), gradientsD = quantities == 3 ? body.column(2) : nil
        points = (0..<body.header.points).map { i in
            ReferencePoint(logit: body.input(0, i), value: values[i], gradientLogit: gradients[i], gradientD: gradientsD?[i])
        }
    }
}

/// One point of the reference sweep.
public struct ReferencePoint: Sendable, Hashable {
    /// The logit ℓ, an exact `Double`.
    public var logit: Double
    /// L at ℓ.
    public var value: ReferenceValue
    /// ∂L/∂ℓ at ℓ.
    public var gradientLogit: ReferenceValue
    /// nil for losses on the raw output.
    public var gradientD: ReferenceValue?
}

/// An exact real number given as its correctly rounded `Double` and the rounding error
/// `(exact − rounded) / ulp(rounded)` ∈ [−½, ½].
public struct ReferenceValue: Sendable, Hashable {
    /// The correctly rounded `Double` of the exact value.
    public var rounded: Double
    /// The rounding error (exact − rounded) / ulp(rounded), in [−½, ½].
    public var error: Double

    /// A value from its rounded `Double` and its rounding error in ULPs (by default 0: exact).
    public init(rounded: Double, error: Double = 0) {
        self.rounded = rounded
        self.error = error
    }

    /// Whether the exact value is a normal `Double` (not zero, subnormal or infinite).
    public var isNormal: Bool { rounded.isNormal }

    /// The error of `computed` in ULPs of the rounded reference, to a fraction of an ULP:
    /// ```
    /// (computed − rounded) / ulp(rounded) − error
    /// ```
    /// The subtraction is exact when the two are close (Sterbenz). Zero for equal infinities and for
    /// NaN against NaN; infinite when only one side is infinite or NaN. ±0 are treated as equal.
    public func ulpError(of computed: Double) -> Double {
        if rounded.isNaN || computed.isNaN { return rounded.isNaN && computed.isNaN ? 0 : .infinity }
        if rounded.isInfinite || computed.isInfinite { return rounded == computed ? 0 : .infinity }
        return abs((computed - rounded) / rounded.ulp - error)
    }

    /// Whether the `Float` nearest the exact value is normal.
    public var isNormalFloat: Bool { Float(rounded).isNormal }

    /// The error of a `Float` result in ULPs of the `Float` nearest the exact value:
    /// `(computed − exact) / ulp(Float(exact))`, the difference formed in `Double` (exact by Sterbenz).
    public func ulpError(of computed: Float) -> Double {
        let nearest = Float(rounded)
        if rounded.isNaN || computed.isNaN { return rounded.isNaN && computed.isNaN ? 0 : .infinity }
        if nearest.isInfinite || computed.isInfinite { return nearest == computed ? 0 : .infinity }
        return abs(((Double(computed) - rounded) - error * rounded.ulp) / Double(nearest.ulp))
    }

    /// A result where the exact value is 0, subnormal, infinite or NaN: equal infinities and NaNs,
    /// or finite values within one smallest subnormal of the exact value.
    public func matchesSpecial(_ computed: Double) -> Bool {
        if !rounded.isFinite || !computed.isFinite { return ulpError(of: computed) == 0 }
        return abs(computed - rounded) <= .leastNonzeroMagnitude
    }

    /// A `Float` result where the exact value is 0, subnormal or beyond `Float`'s range in `Float`:
    /// equal infinities and NaNs, or within one smallest `Float` subnormal of the exact value.
    public func matchesSpecialFloat(_ computed: Float) -> Bool {
        let nearest = Float(rounded)
        if !nearest.isFinite || !computed.isFinite { return ulpError(of: computed) == 0 }
        return abs(Double(computed) - rounded) <= Double(Float.leastNonzeroMagnitude)
    }

    /// The relative error of `computed`, |computed − exact| / |exact| (absolute when exact is 0).
    public func relativeError(of computed: Double) -> Double {
        if rounded.isNaN || computed.isNaN { return rounded.isNaN && computed.isNaN ? 0 : .infinity }
        if rounded.isInfinite || computed.isInfinite { return rounded == computed ? 0 : .infinity }
        let difference = (computed - rounded) - error * rounded.ulp
        return rounded == 0 ? abs(difference) : abs(difference / rounded)
    }
}
