internal import Glibc

/// Distances estimated from samples.
public enum Empirical {
    /// W₁ between the empirical distributions of two samples:
    /// ```
    /// W₁ = ∫ |F̂_x(t) − F̂_y(t)| dt
    /// ```
    /// evaluated exactly on the merged sorted sample, where both empirical CDFs are step functions.
    /// For equal sizes this is the mean of |x₍ᵢ₎ − y₍ᵢ₎| over the sorted samples.
    public static func wasserstein1(_ x: [Double], _ y: [Double]) -> Double {
        precondition(!x.isEmpty && !y.isEmpty, "W₁ needs two non-empty samples")
        let a = x.sorted(), b = y.sorted()
        if a.count == b.count { return zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(a.count) }
        var (i, j) = (0, 0)
        var (fa, fb) = (0.0, 0.0)
        var previous = min(a[0], b[0])
        var total = 0.0
        while i < a.count || j < b.count {
            let next = j >= b.count || (i < a.count && a[i] <= b[j]) ? a[i] : b[j]
            total += abs(fa - fb) * (next - previous)
            previous = next
            while i < a.count && a[i] == next { i += 1 }
            while j < b.count && b[j] == next { j += 1 }
            fa = Double(i) / Double(a.count)
            fb = Double(j) / Double(b.count)
        }
        return total
    }

    /// Normalized counts of `samples` in `bins` equal bins over `range` (values outside are dropped).
    public static func histogram(_ samples: [Double], range: ClosedRange<Double>, bins: Int) -> [Double] {
        var counts = [Double](repeating: 0, count: bins)
        let width = (range.upperBound - range.lowerBound) / Double(bins)
        for s in samples where range.contains(s) {
            counts[min(bins - 1, Int((s - range.lowerBound) / width))] += 1
        }
        let total = counts.reduce(0, +)
        return total > 0 ? counts.map { $0 / total } : counts
    }

    /// A divergence between two histograms (probability vectors over the same bins).
    /// KL is +∞ where q has an empty bin that p does not; JS and TV are always finite.
    public static func divergence(_ kind: Divergence, _ p: [Double], _ q: [Double]) -> Double {
        precondition(p.count == q.count, "histograms over the same bins")
        func kl(_ a: [Double], _ b: [Double]) -> Double {
            zip(a, b).reduce(0) { sum, pair in
                let (ai, bi) = pair
                if ai == 0 { return sum }
                return bi == 0 ? .infinity : sum + ai * log(ai / bi)
            }
        }
        switch kind {
        case .klPQ: return kl(p, q)
        case .klQP: return kl(q, p)
        case .jensenShannon:
            let m = zip(p, q).map { 0.5 * ($0 + $1) }
            return 0.5 * kl(p, m) + 0.5 * kl(q, m)
        case .totalVariation: return 0.5 * zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) }
        case .wasserstein1:
            // On unit-spaced bins: Σ |cumulative difference|; callers scale by the bin width.
            var cumulative = 0.0, total = 0.0
            for (a, b) in zip(p, q) { cumulative += a - b; total += abs(cumulative) }
            return total
        }
    }
}
