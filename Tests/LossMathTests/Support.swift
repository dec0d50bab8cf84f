import LossMath

/// |a − b| in ULPs of b (b's spacing; the smallest subnormal at 0). Equal infinities and NaNs are 0.
func ulps(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .infinity }
    if a == b { return 0 }
    if !a.isFinite || !b.isFinite { return .infinity }
    return abs(a - b) / b.ulp
}

/// The same for Float.
func ulps(_ a: Float, _ b: Float) -> Float {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .infinity }
    if a == b { return 0 }
    if !a.isFinite || !b.isFinite { return .infinity }
    return abs(a - b) / b.ulp
}

/// The reference vectors of a loss, loaded once per test process.
enum Reference {
    static let vectors: [GeneratorLoss: ReferenceVectors] = {
        var all: [GeneratorLoss: ReferenceVectors] = [:]
        for loss in GeneratorLoss.allCases { all[loss] = try? ReferenceVectors.load(for: loss) }
        return all
    }()
}
