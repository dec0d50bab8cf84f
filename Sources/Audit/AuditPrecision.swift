internal import Glibc

/// The floating-point format a user's loss was computed in, which sets what "exact" means: a
/// correct implementation is within a few units in the last place (ULP) of that format.
public enum AuditPrecision: String, Sendable, CaseIterable {
    /// IEEE binary32 (`float32`, `torch.float32`, `jnp.float32`): 24-bit significand.
    case float
    /// IEEE binary64 (`float64`): 53-bit significand.
    case double

    /// u = 2⁻²⁴ or 2⁻⁵³: the largest relative error of one rounding.
    public var unitRoundoff: Double {
        switch self {
        case .float: 0x1p-24
        case .double: 0x1p-53
        }
    }

    /// The smallest positive normal number (2⁻¹²⁶ or 2⁻¹⁰²²): below it a result is subnormal,
    /// and flushed to zero where denormals are disabled.
    public var leastNormal: Double {
        switch self {
        case .float: Double(Float.leastNormalMagnitude)
        case .double: Double.leastNormalMagnitude
        }
    }

    /// `x` rounded to this format (to nearest), as a `Double`.
    public func rounded(_ x: Double) -> Double {
        switch self {
        case .float: Double(Float(x))
        case .double: x
        }
    }

    /// The spacing of this format's numbers at |x| (for 0, the least subnormal); infinite for
    /// an infinite or NaN `x`, or one beyond the format's range.
    public func ulp(_ x: Double) -> Double {
        switch self {
        case .float:
            let f = Float(x)
            return f.isFinite ? Double(f.ulp) : .infinity
        case .double:
            return x.isFinite ? x.ulp : .infinity
        }
    }

    /// The format the numbers were printed from: `float` when each of them is a binary32 value
    /// (printed exactly, as `tolist()` does) or is its own nine-significant-digit decimal (how
    /// numpy, pandas and `%.9g` print float32), else `double`. A float64 number printed in full
    /// passes by chance about once in 10⁸; up to 10 000 numbers are looked at.
    public static func detect<S: Sequence>(_ values: S) -> AuditPrecision where S.Element == Double {
        var seen = 0
        var buffer = [CChar](repeating: 0, count: 32)
        for x in values where x.isFinite {
            seen += 1
            if seen > 10_000 { break }
            if Double(Float(x)) == x { continue }
            let printed = buffer.withUnsafeMutableBufferPointer { b -> Double in
                withVaList([x]) { _ = vsnprintf(b.baseAddress, b.count, "%.9g", $0) }
                return strtod(b.baseAddress!, nil)
            }
            if printed != x { return .double }
        }
        return seen > 0 ? .float : .double
    }
}
