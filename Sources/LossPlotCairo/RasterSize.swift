import LossPlot

/// The pixel size of a page rendered as a raster (PNG), and whether cairo can hold it.
public struct RasterSize: Hashable, Sendable {
    /// The width in pixels.
    public var width: Int
    /// The height in pixels.
    public var height: Int

    /// The largest raster accepted, in pixels (64 megapixels, 256 MiB of ARGB32).
    public static let maximumPixels = 64_000_000
    /// cairo's largest image side, in pixels.
    public static let maximumSide = 32767

    /// A page of `width` × `height` points at `dpi`: ⌈width · dpi/72⌉ × ⌈height · dpi/72⌉ pixels
    /// (0 × 0 when a side is not finite or too large to count).
    public init(width: Double, height: Double, dpi: Double) {
        func side(_ points: Double) -> Int {
            let pixels = (points * dpi / 72).rounded(.up)
            return pixels.isFinite && pixels >= 0 && pixels < 1e15 ? Int(pixels) : 0
        }
        self.width = side(width)
        self.height = side(height)
    }

    /// width × height, or `Int.max` when the product overflows.
    public var pixels: Int { width.multipliedReportingOverflow(by: height).overflow ? .max : width * height }

    /// The bytes of its ARGB32 image surface.
    public var surfaceBytes: Int { pixels > Int.max / 4 ? .max : 4 * pixels }

    /// Whether cairo can draw it within the pixel budget.
    public var fits: Bool {
        width > 0 && height > 0 && width <= Self.maximumSide && height <= Self.maximumSide && pixels <= Self.maximumPixels
    }

    /// The highest resolution at which a page of this shape fits, for messages ("at most N dpi"),
    /// given the resolution it was measured at.
    public func largestFittingDPI(measuredAt dpi: Double) -> Double {
        guard pixels > 0 else { return dpi }
        let byPixels = dpi * (Double(Self.maximumPixels) / Double(pixels)).squareRoot()
        let bySide = dpi * Double(Self.maximumSide) / Double(max(width, height))
        return min(byPixels, bySide).rounded(.down)
    }
}
