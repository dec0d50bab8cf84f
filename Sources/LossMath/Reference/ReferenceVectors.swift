import FoundationEssentials
import Glibc

/// The high-precision reference for one generator loss: the third witness of every value and
/// derivative (DESIGN.md §5).
///
/// Written by `tools/make_reference.py` with mpmath at 60 digits and committed beside this module
/// (`Resources/reference/<id>.ref`, about 110 000 logits each), so that neither the tests nor
/// `gan-losses check` need Python. Each quantity is stored as its correctly rounded `Double` and the
/// rounding error in ULPs, which lets an error be measured to a fraction of an ULP
/// (see ``ReferenceValue``).
///
/// The file is little-endian binary (text would take 70 MB):
/// ```
/// "GANREF01"  n: UInt32  q: UInt32            q = 2 (L, ∂L/∂ℓ) or 3 (and ∂L/∂D)
/// n × Float64                                 the logits
/// q × (n × Float64, n × Int16)                per quantity: rounded values, errors × 65534
/// ```
public struct ReferenceVectors: Sendable {
    public var loss: GeneratorLoss
    public var points: [ReferencePoint]

    /// The scale of the stored errors: an Int16 `e` stands for `e / 65534` ULP (±½ ↦ ±32767).
    static let errorScale = 65534.0

    /// The vectors of `loss`, read from the reference folder (``directory()``).
    public static func load(for loss: GeneratorLoss) throws -> ReferenceVectors {
        let url = try directory().appendingPathComponent("\(loss.id).ref")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceError.unreadable(path: url.path, reason: "the file cannot be read")
        }
        return try ReferenceVectors(loss: loss, data: data, source: url.path)
    }

    /// Parses the binary format written by `tools/make_reference.py` (see the type's description).
    public init(loss: GeneratorLoss, data: Data, source: String = "<memory>") throws {
        self.loss = loss
        let bytes = [UInt8](data)
        func malformed(_ reason: String) -> ReferenceError { .malformed(path: source, reason: reason) }
        guard bytes.count >= 16, bytes[0..<8].elementsEqual("GANREF01".utf8) else {
            throw malformed("not a reference file (no GANREF01 header)")
        }
        func word(_ offset: Int, _ size: Int) -> UInt64 {
            (0..<size).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
        }
        let n = Int(word(8, 4)), quantities = Int(word(12, 4))
        guard n > 0, quantities == 2 || quantities == 3 else {
            throw malformed("\(n) points and \(quantities) quantities")
        }
        guard bytes.count == 16 + 8 * n + quantities * 10 * n else {
            throw malformed("\(bytes.count) bytes for \(n) points and \(quantities) quantities")
        }
        func double(_ offset: Int) -> Double { Double(bitPattern: word(offset, 8)) }
        func column(_ q: Int) -> [ReferenceValue] {
            let start = 16 + 8 * n + q * 10 * n
            return (0..<n).map { i in
                let error = Int16(truncatingIfNeeded: UInt16(word(start + 8 * n + 2 * i, 2)))
                return ReferenceValue(rounded: double(start + 8 * i), error: Double(error) / Self.errorScale)
            }
        }
        let values = column(0), gradients = column(1), gradientsD = quantities == 3 ? column(2) : nil
        points = (0..<n).map { i in
            ReferencePoint(logit: double(16 + 8 * i), value: values[i], gradientLogit: gradients[i],
                           gradientD: gradientsD?[i])
        }
    }

    /// The folder holding the reference files: `GAN_LOSSES_REFERENCE_DIR` if set, else the copy in
    /// the source tree this module was built from. (They are not a SwiftPM resource: its generated
    /// accessor imports Foundation, which would load Foundation and ICU into every run of the tool.)
    static func directory() throws -> URL {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["GAN_LOSSES_REFERENCE_DIR"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources").appendingPathComponent("reference"))
        for url in candidates where fileManager.fileExists(atPath: url.appendingPathComponent("minimax.ref").path) {
            return url
        }
        throw ReferenceError.notFound(searched: candidates.map(\.path))
    }
}

/// One point of the reference sweep.
public struct ReferencePoint: Sendable, Hashable {
    public var logit: Double
    public var value: ReferenceValue
    public var gradientLogit: ReferenceValue
    /// nil for losses on the raw output.
    public var gradientD: ReferenceValue?
}

/// An exact real number given as its correctly rounded `Double` and the rounding error
/// `(exact − rounded) / ulp(rounded)` ∈ [−½, ½].
public struct ReferenceValue: Sendable, Hashable {
    public var rounded: Double
    public var error: Double

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

/// Why the reference vectors could not be read.
public enum ReferenceError: Error, CustomStringConvertible {
    case notFound(searched: [String])
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let searched):
            "reference vectors not found (looked in \(searched.joined(separator: ", "))); "
                + "set GAN_LOSSES_REFERENCE_DIR to the folder Sources/LossMath/Resources/reference"
        case .unreadable(let path, let reason): "cannot read reference vectors \(path): \(reason)"
        case .malformed(let path, let reason): "malformed reference vectors \(path): \(reason)"
        }
    }
}
