/// The metrics of a run of text: how far it advances, and how far it reaches above and below the
/// baseline, in points.
public struct TextExtents: Sendable, Hashable {
    public var width: Double
    public var ascent: Double
    public var descent: Double

    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width; self.ascent = ascent; self.descent = descent
    }
}

/// Measures text: the layout asks before it places anything.
public protocol TextMeasuring {
    func measure(_ string: String, font: Font) -> TextExtents
}

/// The file formats a backend can write.
public enum ImageFormat: String, Sendable, CaseIterable {
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
    case cairo(String)
    /// The PNG encoder's compression failed.
    case encoding(String)
    case tooLarge(pixels: Int, limit: Int)
    /// The display list has a number that is not finite (``DisplayList/firstNonFinite``).
    case nonFinite(String)

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
