/// An opaque raster image: `width` × `height` pixels, row by row from the top left, each a word
/// 0x00RRGGBB. The frames of an animation reach a video encoder in this form
/// (``AnimationExporter/forEachFrame(of:_:)``).
public struct RGBImage: Sendable, Equatable {
    /// The width in pixels.
    public var width: Int
    /// The height in pixels.
    public var height: Int
    /// The pixels, row-major, 0x00RRGGBB.
    public var pixels: [UInt32]

    /// An image of these pixels (`width` × `height` of them, row-major, 0x00RRGGBB).
    public init(width: Int, height: Int, pixels: [UInt32]) {
        precondition(pixels.count == width * height, "an image of \(width) × \(height) has \(width * height) pixels")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// cairo's ARGB32 pixels (premultiplied, native-endian words, rows `stride` bytes apart)
    /// over white: each channel c + 255 − a, exact (an opaque pixel keeps its colour).
    init(cairo data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) {
        let raw = UnsafeRawPointer(data)
        var pixels = [UInt32](repeating: 0, count: width * height)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = raw + y * stride
                for x in 0..<width {
                    let p = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                    let a = p >> 24
                    if a == 0xFF {
                        out[y * width + x] = p & 0xFF_FFFF
                    } else {
                        let white = 0xFF - a
                        out[y * width + x] = ((p >> 16 & 0xFF) + white) << 16 | ((p >> 8 & 0xFF) + white) << 8 | ((p & 0xFF) + white)
                    }
                }
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// The pixels as bytes R, G, B, row by row (a video encoder's `rgb24`).
    public var rgbBytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 3 * pixels.count)
        for (i, p) in pixels.enumerated() {
            bytes[3 * i] = UInt8(truncatingIfNeeded: p >> 16)
            bytes[3 * i + 1] = UInt8(truncatingIfNeeded: p >> 8)
            bytes[3 * i + 2] = UInt8(truncatingIfNeeded: p)
        }
        return bytes
    }
}
