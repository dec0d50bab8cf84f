import Foundation

/// The high-precision reference for one generator loss: the third witness of every value and
/// derivative (DESIGN.md §5).
///
/// Written by `tools/make_reference.py` with mpmath at 60 digits and shipped as a resource of this
/// module (`Resources/reference/<id>.csv`), so that neither the tests nor `gan-losses check` need
/// Python. Each quantity is stored as its correctly rounded `Double` and the rounding error in ULPs,
/// which lets an error be measured to a fraction of an ULP (see ``ReferenceValue``).
public struct ReferenceVectors: Sendable {
    public var loss: GeneratorLoss
    public var points: [ReferencePoint]

    /// The vectors of `loss`, read from the module's resources.
    public static func load(for loss: GeneratorLoss) throws -> ReferenceVectors {
        let url = try directory().appendingPathComponent("\(loss.id).csv")
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ReferenceError.unreadable(path: url.path, reason: "\(error.localizedDescription)")
        }
        return try ReferenceVectors(loss: loss, csv: text, source: url.path)
    }

    /// Parses the CSV format of `tools/make_reference.py`.
    public init(loss: GeneratorLoss, csv: String, source: String = "<memory>") throws {
        self.loss = loss
        var points: [ReferencePoint] = []
        for (index, line) in csv.split(separator: "\n").enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            func value(_ i: Int) throws -> ReferenceValue? {
                if fields[i].isEmpty && fields[i + 1].isEmpty { return nil }
                guard let rounded = Double(fields[i]), let error = Double(fields[i + 1]) else {
                    throw ReferenceError.malformed(path: source, line: index + 1)
                }
                return ReferenceValue(rounded: rounded, error: error)
            }
            guard fields.count == 7, let logit = Double(fields[0]),
                  let v = try value(1), let g = try value(3) else {
                throw ReferenceError.malformed(path: source, line: index + 1)
            }
            points.append(ReferencePoint(logit: logit, value: v, gradientLogit: g, gradientD: try value(5)))
        }
        guard !points.isEmpty else { throw ReferenceError.malformed(path: source, line: 1) }
        self.points = points
    }

    /// The folder holding the CSV files: the resource bundle beside the executable (the tool and the
    /// test runner), else the copy in the source tree this module was built from. Overridable with
    /// the environment variable `GAN_LOSSES_REFERENCE_DIR`.
    static func directory() throws -> URL {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["GAN_LOSSES_REFERENCE_DIR"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let bundleName = "gan-losses_LossMath.resources"
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent("reference"))
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName)
            .appendingPathComponent("reference"))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources").appendingPathComponent("reference"))
        for url in candidates where fileManager.fileExists(atPath: url.appendingPathComponent("minimax.csv").path) {
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
    case malformed(path: String, line: Int)

    public var description: String {
        switch self {
        case .notFound(let searched):
            "reference vectors not found (looked in \(searched.joined(separator: ", "))); "
                + "set GAN_LOSSES_REFERENCE_DIR to the folder Sources/LossMath/Resources/reference"
        case .unreadable(let path, let reason): "cannot read reference vectors \(path): \(reason)"
        case .malformed(let path, let line): "malformed reference vectors: \(path), line \(line)"
        }
    }
}
