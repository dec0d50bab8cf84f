import FoundationEssentials
import Glibc

/// How data values map onto an axis.
///
/// ```
/// linear   t(v) = v
/// log      t(v) = log₁₀ v                 v > 0
/// logit    t(v) = log₁₀(v / (1 − v))      0 < v < 1   (D near 0 and near 1 both get room)
/// symlog   t(v) = v                        |v| ≤ 1     (matplotlib's symlog, linthresh = 1)
///          t(v) = sign v · (1 + log₁₀|v|)  |v| > 1     (continuous and with a continuous slope at ±1)
/// ```
public enum Scale: String, Sendable, Hashable, CaseIterable {
    /// One of the four scales: t(v) = v, log₁₀ v, log₁₀(v / (1 − v)), or linear within ±1 and
    /// logarithmic beyond, on both signs.
    case linear, log, logit, symlog

    /// The transformed coordinate; NaN outside the scale's domain.
    public func forward(_ v: Double) -> Double {
        switch self {
        case .linear: v
        case .log: v > 0 ? log10(v) : .nan
        case .logit: v > 0 && v < 1 ? log10(v) - log10(1 - v) : .nan
        case .symlog: abs(v) <= 1 ? v : (v < 0 ? -1 : 1) * (1 + log10(abs(v)))
        }
    }

    /// The data value at a transformed coordinate.
    public func inverse(_ t: Double) -> Double {
        switch self {
        case .linear: t
        case .log: pow(10, t)
        case .logit: 1 / (1 + pow(10, -t))
        case .symlog: abs(t) <= 1 ? t : (t < 0 ? -1 : 1) * pow(10, abs(t) - 1)
        }
    }

    /// Whether `v` can be shown on this scale.
    public func contains(_ v: Double) -> Bool {
        switch self {
        case .linear, .symlog: v.isFinite
        case .log: v > 0 && v.isFinite
        case .logit: v > 0 && v < 1
        }
    }

    /// Words for error messages.
    public var domainDescription: String {
        switch self {
        case .linear, .symlog: "finite numbers"
        case .log: "positive numbers"
        case .logit: "numbers strictly between 0 and 1"
        }
    }
}
