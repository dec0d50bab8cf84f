import CCairo
import Foundation
import LossPlot

/// A decoded PNG: ARGB pixels read back through cairo.
struct DecodedPNG {
    var width: Int
    var height: Int
    private var pixels: [UInt32]
    private var stride: Int

    init?(_ bytes: [UInt8]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-\(UUID().uuidString).png")
        guard (try? Data(bytes).write(to: url)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: url) }
        guard let surface = cairo_image_surface_create_from_png(url.path),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        defer { cairo_surface_destroy(surface) }
        let w = Int(cairo_image_surface_get_width(surface))
        let h = Int(cairo_image_surface_get_height(surface))
        let s = Int(cairo_image_surface_get_stride(surface)) / 4
        let data = cairo_image_surface_get_data(surface)!
        let count = s * h
        width = w
        height = h
        stride = s
        pixels = data.withMemoryRebound(to: UInt32.self, capacity: count) {
            Array(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// (r, g, b) in 0…255 at a pixel.
    func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let p = pixels[y * stride + x]
        return (Int((p >> 16) & 0xFF), Int((p >> 8) & 0xFF), Int(p & 0xFF))
    }

    /// Whether some pixel within `radius` of (x, y) is within `tolerance` of the colour.
    func hasColor(near x: Double, _ y: Double, _ color: Color, radius: Int = 2, tolerance: Int = 40) -> Bool {
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
}

/// The checks every rendered figure must pass on its display list.
enum LayoutChecks {
    /// Text items outside the page.
    static func textsOutsidePage(_ list: DisplayList) -> [TextItem] {
        let page = Rect(x: 0, y: 0, width: list.width, height: list.height)
        return list.texts.filter { t in
            !(page.contains(Point(t.bounds.minX, t.bounds.minY)) && page.contains(Point(t.bounds.maxX, t.bounds.maxY)))
        }
    }

    /// Pairs of text items whose boxes overlap by more than a hair (adjacent runs of one label touch).
    static func overlappingTexts(_ list: DisplayList) -> [(TextItem, TextItem)] {
        let texts = list.texts
        var pairs: [(TextItem, TextItem)] = []
        for i in texts.indices {
            for j in texts.indices where j > i {
                let a = texts[i].bounds.insetBy(0.6), b = texts[j].bounds.insetBy(0.6)
                if a.intersects(b) { pairs.append((texts[i], texts[j])) }
            }
        }
        return pairs
    }
}
