@testable import LossPlot
import LossPlotTesting
@testable import LossPlotCairo
import Testing

@Suite("The PNG encoder")
struct PNGEncoderTests {
    /// cairo ARGB32 words (premultiplied) for a width × height image, row-major.
    static func encode(_ words: [UInt32], width: Int, height: Int) throws -> [UInt8] {
        try words.withUnsafeBytes { raw in
            try PNGEncoder.encode(pixels: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), width: width,
                                  height: height, stride: 4 * width, dpi: 150)
        }
    }

    @Test("an opaque image is written as RGB and decodes to the same pixels")
    func opaqueRoundTrip() throws {
        let (w, h) = (37, 5)  // an odd width: rows are not multiples of 4 bytes
        let words = (0..<(w * h)).map { i -> UInt32 in 0xFF00_0000 | UInt32(truncatingIfNeeded: i &* 2_654_435_761) & 0xFF_FFFF }
        let png = try Self.encode(words, width: w, height: h)
        #expect(png[25] == 2)  // IHDR colour type: RGB
        let image = try #require(PNGImage(png))
        #expect(image.width == w && image.height == h)
        for y in 0..<h {
            for x in 0..<w {
                let p = words[y * w + x]
                let (r, g, b) = image.rgb(x, y)
                #expect(r == Int((p >> 16) & 0xFF) && g == Int((p >> 8) & 0xFF) && b == Int(p & 0xFF))
            }
        }
    }

    @Test("transparency is kept as RGBA, with the premultiplication undone")
    func translucent() throws {
        // Half-transparent pure red, premultiplied: a = 0x80, r = 0x80.
        let png = try Self.encode([0xFFFF_FFFF, 0x8080_0000], width: 2, height: 1)
        #expect(png[25] == 6)  // IHDR colour type: RGBA
        let image = try #require(PNGImage(png))
        // cairo premultiplies again when it decodes: red 0x80 at alpha 0x80.
        #expect(image.rgb(1, 0) == (0x80, 0, 0))
        #expect(image.rgb(0, 0) == (255, 255, 255))
        // Two rows: the second is filtered against the first, in straight (unpremultiplied) bytes.
        let two = try #require(PNGImage(try Self.encode([0xFFFF_FFFF, 0x8080_0000, 0x8080_0000, 0x4000_0040], width: 2, height: 2)))
        #expect(two.rgb(0, 1) == (0x80, 0, 0) && two.rgb(1, 0) == (0x80, 0, 0))
        #expect(two.rgb(1, 1) == (0, 0, 0x40))
    }

    @Test("the resolution is recorded (pHYs, pixels per metre)")
    func resolution() throws {
        let png = try Self.encode([0xFF00_0000], width: 1, height: 1)
        let chunk = try #require((0..<(png.count - 4)).first { Array(png[$0..<($0 + 4)]) == Array("pHYs".utf8) })
        let perMetre = png[(chunk + 4)..<(chunk + 8)].reduce(0) { $0 << 8 | Int($1) }
        #expect(perMetre == 5906)  // 150 dpi
    }
}
