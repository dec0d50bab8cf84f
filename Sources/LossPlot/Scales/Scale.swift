import FoundationEssentials
import Glibc

/// How data values map onto an axis.
///
/// ```
/// linear   t(v) = v
/// log      t(v) = log₁₀ v                 v > 0
/// logit    t(v) = log₁₀(v / (1 − v))      0 < v < 1   (D near 0 and near 1 both get room)
/// ```
public enum Scale: String, Sendable, Hashable, CaseIterable {
    /// One of the three scales: t(v) = v, log₁₀ v or log₁₀(v / (1 − v)).
    case linear, log, logit

    /// The transformed coordinate; NaN outside the scale's domain.
    public func forward(_ v: Double) -> Double {
        switch self {
        case .linear: v
        case .log: v > 0 ? log10(v) : .nan
        case .logit: v > 0 && v < 1 ? log10(v) - log10(1 - v) : .nan
        }
    }

    /// The data value at a transformed coordinate.
    public func inverse(_ t: Double) -> Double {
        switch self {
        case .linear: t
        case .log: pow(10, t)
        case .logit: 1 / (1 + pow(10, -t))
        }
    }

    /// Whether `v` can be shown on this scale.
    public func contains(_ v: Double) -> Bool {
        switch self {
        case .linear: v.isFinite
        case .log: v > 0 && v.isFinite
        case .logit: v > 0 && v < 1
        }
    }

    /// Words for error messages.
    public var domainDescription: String {
        switch self {
        case .linear: "finite numbers"
        case .log: "positive numbers"
        case .logit: "numbers strictly between 0 and 1"
        }
    }
}
