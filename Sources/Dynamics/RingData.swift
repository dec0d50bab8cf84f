import Glibc
public import LossMath

/// The data of the 2-D mode-collapse experiments: an equal mixture of isotropic Gaussians
/// 𝒩(cₖ, σ²I), and the measures of the literature (VEEGAN, PacGAN) on a generator's samples:
/// a sample is of high quality when it lies within 3σ of some mode, and a mode is covered when
/// at least ``minimumPerMode`` of the samples lie within 3σ of it.
public struct RingData: Sendable {
    /// The modes' centres.
    public var centers: [(x: Double, y: Double)]
    /// The modes' standard deviation σ.
    public var sigma: Double
    /// The share of the samples that must lie within 3σ of a mode for it to count as covered.
    public var minimumShare = 0.01

    public init(centers: [(x: Double, y: Double)], sigma: Double) {
        self.centers = centers; self.sigma = sigma
    }

    /// Eight modes equally spaced on a circle of radius 2, σ = 0.02 (Metz et al. 2017).
    public static let ring = RingData(
        centers: (0..<8).map { k -> (x: Double, y: Double) in
            let angle = Double(k) * Double.pi / 4
            return (2 * cos(angle), 2 * sin(angle))
        }, sigma: 0.02)

    /// Twenty-five modes on the grid {−4, −2, 0, 2, 4}², σ = 0.05 (VEEGAN, PacGAN).
    public static let grid = RingData(
        centers: (0..<25).map { k -> (x: Double, y: Double) in
            let (column, row) = (k % 5, k / 5)
            return (x: Double(2 * column - 4), y: Double(2 * row - 4))
        }, sigma: 0.05)

    /// `count` samples as rows (x, y) in `Float`: a mode drawn uniformly, then its Gaussian noise.
    public func sample(_ count: Int, _ g: inout SeededGenerator) -> [Float] {
        var rows = [Float](repeating: 0, count: 2 * count)
        for r in 0..<count {
            let c = centers[Int(g.next() % UInt64(centers.count))]
            rows[2 * r] = Float(c.x + sigma * g.standardNormal())
            rows[2 * r + 1] = Float(c.y + sigma * g.standardNormal())
        }
        return rows
    }

    /// What a generator's samples cover.
    public struct Coverage: Sendable, Equatable {
        /// Samples within 3σ of each mode.
        public var perMode: [Int]
        /// Modes with at least the minimum share of the samples within 3σ.
        public var modesCovered: Int
        /// The share of samples within 3σ of some mode.
        public var highQualityShare: Double
    }

    /// The coverage of samples given as rows (x, y).
    public func coverage(of samples: [Float]) -> Coverage {
        let count = samples.count / 2
        var perMode = [Int](repeating: 0, count: centers.count)
        let radius2 = 9 * sigma * sigma
        for r in 0..<count {
            let (x, y) = (Double(samples[2 * r]), Double(samples[2 * r + 1]))
            // The modes are more than 6σ apart: a sample is near one mode at most.
            if let k = centers.firstIndex(where: { (x - $0.x) * (x - $0.x) + (y - $0.y) * (y - $0.y) <= radius2 }) {
                perMode[k] += 1
            }
        }
        let threshold = minimumShare * Double(count)
        return Coverage(perMode: perMode, modesCovered: perMode.filter { $0 > 0 && Double($0) >= threshold }.count,
                        highQualityShare: Double(perMode.reduce(0, +)) / Double(max(count, 1)))
    }
}
