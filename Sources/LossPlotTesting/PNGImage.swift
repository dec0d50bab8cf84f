public import LossPlot
import CCairo
import FoundationEssentials
import Glibc

/// A PNG decoded to pixels through cairo, for comparing images by their pixels (PNG bytes can
/// differ between machines where the pixels agree) and for checking what was drawn where.
public struct PNGImage: Sendable {
    /// The width in pixels.
    public let width: Int
    /// The height in pixels.
    public let height: Int
    private let pixels: [UInt32]
    private let stride: Int

    /// Decodes PNG bytes; nil if they are not a PNG cairo can read.
    public init?(_ bytes: [UInt8]) {
        let reader = ByteReader(bytes: bytes)
        let context = Unmanaged.passUnretained(reader).toOpaque()
        guard let surface = cairo_image_surface_create_from_png_stream(Self.read, context),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        defer { cairo_surface_destroy(surface) }
        let w = Int(cairo_image_surface_get_width(surface))
        let h = Int(cairo_image_surface_get_height(surface))
        let s = Int(cairo_image_surface_get_stride(surface)) / 4
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let count = s * h
        width = w
        height = h
        stride = s
        pixels = data.withMemoryRebound(to: UInt32.self, capacity: count) { Array(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// (red, green, blue) in 0…255 at a pixel (premultiplied by alpha, which is 1 for our output).
    public func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let p = pixels[y * stride + x]
        return (Int((p >> 16) & 0xFF), Int((p >> 8) & 0xFF), Int(p & 0xFF))
    }

    /// Whether some pixel within `radius` of (x, y) is within `tolerance` (summed over the three
    /// channels, 0…765) of `color`.
    public func hasColor(near x: Double, _ y: Double, _ color: Color, radius: Int = 2, tolerance: Int = 40) -> Bool {
        let (cx, cy) = (Int(x.rounded()), Int(y.rounded()))
        let target = (Int(color.red * 255), Int(color.green * 255), Int(color.blue * 255))
        for dy in -radius...radius {
            for dx in -radius...radius {
                let (px, py) = (cx + dx, cy + dy)
                guard px >= 0, py >= 0, px < width, py < height else { continue }
                let (r, g, b) = rgb(px, py)
                if abs(r - target.0) + abs(g - target.1) + abs(b - target.2) <= tolerance { return true }
            }
        }
        return false
    }

    /// cairo's read callback: copies the next bytes from the ``ByteReader`` passed as the closure.
    private static let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let reader = Unmanaged<ByteReader>.fromOpaque(closure).takeUnretainedValue()
        let n = Int(length)
        guard reader.offset + n <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        reader.bytes.withUnsafeBufferPointer { buffer in
            data.update(from: buffer.baseAddress! + reader.offset, count: n)
        }
        reader.offset += n
        return CAIRO_STATUS_SUCCESS
    }
}

/// Bytes handed to cairo's stream reader.
final class ByteReader {
    let bytes: [UInt8]
    var offset = 0
    init(bytes: [UInt8]) { self.bytes = bytes }
}
