extension PNGImage {
    /// How two images of the same size differ, channel by channel (red, green, blue).
    public struct Difference: Sendable {
        /// |a − b| per channel value, 0…255, counted.
        public var histogram: [Int]

        /// The mean absolute difference, as a fraction of full scale (0…1).
        public var meanAbsolute: Double {
            let total = histogram.reduce(0, +)
            guard total > 0 else { return 0 }
            return Double(histogram.enumerated().reduce(0) { $0 + $1.offset * $1.element }) / Double(total) / 255
        }

        /// The share of channel values that differ by more than `threshold` (of 255).
        public func shareOver(_ threshold: Int) -> Double {
            let total = histogram.reduce(0, +)
            guard total > 0 else { return 0 }
            return Double(histogram[(threshold + 1)...].reduce(0, +)) / Double(total)
        }
    }

    /// The channel differences from `other` over the area both cover.
    public func difference(from other: PNGImage) -> Difference {
        var histogram = [Int](repeating: 0, count: 256)
        for y in 0..<min(height, other.height) {
            for x in 0..<min(width, other.width) {
                let (a, b) = (rgb(x, y), other.rgb(x, y))
                histogram[abs(a.0 - b.0)] += 1
                histogram[abs(a.1 - b.1)] += 1
                histogram[abs(a.2 - b.2)] += 1
            }
        }
        return Difference(histogram: histogram)
    }
}

extension PNGImage {
    /// A GIF screen (0xRRGGBB per pixel, as ``GIFAnimation`` decodes it) against this image of the
    /// same size: the largest channel difference, the mean over all channels (in levels of 255),
    /// and the share of pixels with a channel more than `threshold` off.
    public func difference(fromScreen screen: [UInt32], over threshold: Int) -> (worst: Int, mean: Double, shareOver: Double) {
        var total = 0, off = 0, worst = 0
        for y in 0..<height {
            for x in 0..<width {
                let p = screen[y * width + x]
                let (r, g, b) = rgb(x, y)
                let d = [abs(Int(p >> 16 & 0xFF) - r), abs(Int(p >> 8 & 0xFF) - g), abs(Int(p & 0xFF) - b)]
                total += d.reduce(0, +)
                worst = max(worst, d.max()!)
                if d.max()! > threshold { off += 1 }
            }
        }
        let pixels = Double(width * height)
        return (worst, Double(total) / (3 * pixels), Double(off) / pixels)
    }
}
