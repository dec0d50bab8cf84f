/// The metrics of a run of text: how far it advances, and how far it reaches above and below the
/// baseline, in points.
public struct TextExtents: Sendable, Hashable {
    /// How far the text advances along its baseline, in points.
    public var width: Double
    /// How far the text reaches above the baseline, in points.
    public var ascent: Double
    /// How far the text reaches below the baseline, in points.
    public var descent: Double

    /// Extents from the advance width, the ascent and the descent, in points.
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width; self.ascent = ascent; self.descent = descent
    }
}

/// Measures text: the layout asks before it places anything.
public protocol TextMeasuring {
    /// The extents of `string` set in `font`, in points.
    func measure(_ string: String, font: Font) -> TextExtents
}

/// The file formats a backend can write.
public enum ImageFormat: String, Sendable, CaseIterable {
    /// A file format: PNG (a raster, at a resolution), SVG or PDF (vectors).
    case png, svg, pdf

    /// The format for a file name's extension, case-insensitively; nil if unknown.
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }
}

/// A renderer: measures text and turns a display list into the bytes of an image file.
public protocol Backend: TextMeasuring {
    /// `dpi` matters for raster formats only.
    func render(_ list: DisplayList, format: ImageFormat, dpi: Double) throws -> [UInt8]
}

/// Why rendering failed.
public enum RenderError: Error, CustomStringConvertible, Equatable {
    /// cairo failed; the text says how (its status, or what it did not return).
    case cairo(String)
    /// The PNG encoder's compression failed.
    case encoding(String)
    /// The raster is too large to draw: `pixels` pixels against `limit`, or a side beyond cairo's 32767.
    case tooLarge(pixels: Int, limit: Int)
    /// The display list has a number that is not finite (``DisplayList/firstNonFinite``).
    case nonFinite(String)

    /// The failure in one line.
    public var description: String {
        switch self {
        case .cairo(let status): "cairo failed: \(status)"
        case .encoding(let why): "PNG encoding failed: \(why)"
        case .tooLarge(let pixels, let limit):
            "the image would have \(pixels) pixels, more than the limit of \(limit); lower the resolution or the size"
        case .nonFinite(let what):
            "the figure cannot be drawn: \(what) is not finite; nothing was written, so narrow the axis ranges (or report this if they are moderate)"
        }
    }
}
