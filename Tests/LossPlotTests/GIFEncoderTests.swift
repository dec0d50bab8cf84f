import LossPlot
import LossPlotTesting
@testable import LossPlotCairo
import Testing

/// The GIF encoder's parts, each against the decoder of LossPlotTesting (written from the
/// specification, not from the encoder): LZW at its edges, the colour table, frames as changed
/// rectangles.
@Suite("The GIF encoder")
struct GIFEncoderTests {
    static func lzw(_ indices: [UInt8], _ m: Int) -> [UInt8] {
        indices.withUnsafeBufferPointer { GIFLZW.encode($0, minimumCodeSize: m) }
    }

    /// A fixed pseudo-random sequence (xorshift) of indices below 2^bits.
    static func noise(_ count: Int, bits: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var x = seed
        return (0..<count).map { _ in
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            return UInt8(truncatingIfNeeded: x >> 32) & UInt8((1 << bits) - 1)
        }
    }

    @Test("LZW round trip for every minimum code size and small sizes",
          arguments: [2, 3, 4, 5, 6, 7, 8])
    func roundTrip(m: Int) throws {
        for count in [0, 1, 2, 3, 4, 5, 17, 255, 256, 1000] {
            let indices = Self.noise(count, bits: m)
            let decoded = try GIFAnimation.decompress(Self.lzw(indices, m), minimumCodeSize: m)
            #expect(decoded.indices == indices, "m \(m), \(count) indices")
        }
    }

    @Test("LZW: codes grow to 12 bits, the table is cleared at 4095, and the data still decodes")
    func twelveBits() throws {
        // Noise defeats compression, so the table fills again and again.
        for m in [2, 8] {
            let indices = Self.noise(200_000, bits: m)
            let decoded = try GIFAnimation.decompress(Self.lzw(indices, m), minimumCodeSize: m)
            #expect(decoded.indices == indices)
            #expect(decoded.widestCode == 12)
            #expect(decoded.clearCodes > 3, "m \(m): \(decoded.clearCodes) clear codes")
        }
        // Runs of one index: the string just added is the next code at every step (the KwKwK case).
        let flat = [UInt8](repeating: 3, count: 300_000)
        let decoded = try GIFAnimation.decompress(Self.lzw(flat, 2), minimumCodeSize: 2)
        #expect(decoded.indices == flat)
        #expect(decoded.clearCodes == 1)  // only the first: 300 000 pixels need under 800 codes
    }

    @Test("LZW: the width grows exactly where the decoder expects it, at each power of two")
    func widthBoundaries() throws {
        // Sequences that end just before, at and after each code-width change, for m = 2.
        for count in 1...600 {
            let indices = Self.noise(count, bits: 2, seed: UInt64(count) &* 0x2545_F491_4F6C_DD1D | 1)
            let decoded = try GIFAnimation.decompress(Self.lzw(indices, 2), minimumCodeSize: 2)
            #expect(decoded.indices == indices, "\(count) indices")
        }
    }

    @Test("sub-blocks: at most 255 bytes each, a 0 at the end")
    func subBlocks() {
        #expect(GIFLZW.subBlocks([]) == [0])
        let data = [UInt8](repeating: 7, count: 600)
        let blocks = GIFLZW.subBlocks(data)
        #expect(blocks.count == 600 + 3 + 1)
        #expect(blocks[0] == 255 && blocks[256] == 255 && blocks[512] == 90 && blocks.last == 0)
    }

    @Test("a 1 × 1 image of one colour: a table of two, the smallest code size, the colour back")
    func onePixel() throws {
        var encoder = GIFEncoder(width: 1, height: 1)
        encoder.add(RGBImage(width: 1, height: 1, pixels: [0x3366CC]), delay: 10)
        let bytes = encoder.encode(loopCount: 0, keep: [])
        let gif = try GIFAnimation(bytes)
        #expect(Array(bytes.prefix(6)) == Array("GIF89a".utf8) && bytes.last == 0x3B)
        #expect(gif.width == 1 && gif.height == 1 && gif.loopCount == 0)
        #expect(gif.globalPalette.count == 2 && gif.frames.count == 1)
        #expect(gif.frames[0].minimumCodeSize == 2 && gif.frames[0].delay == 10 && gif.frames[0].transparentIndex == nil)
        try gif.forEachScreen { _, screen in #expect(screen == [0x3366CC]) }
    }

    @Test("256 colours are kept exactly, with 8-bit codes")
    func twoHundredFiftySix() throws {
        let pixels = (0..<256).map { UInt32($0) * 0x010203 & 0xFF_FFFF | UInt32($0) << 16 }
        #expect(Set(pixels).count == 256)
        var encoder = GIFEncoder(width: 16, height: 16)
        encoder.add(RGBImage(width: 16, height: 16, pixels: pixels), delay: 5)
        let gif = try GIFAnimation(encoder.encode(loopCount: 3, keep: []))
        #expect(gif.globalPalette.count == 256 && gif.frames[0].minimumCodeSize == 8 && gif.loopCount == 3)
        try gif.forEachScreen { _, screen in #expect(screen == pixels) }
    }

    @Test("frames after the first: the changed rectangle only, the rest transparent; an unchanged frame one pixel")
    func changedRectangles() throws {
        let (w, h) = (40, 30)
        var a = [UInt32](repeating: 0xFF_FFFF, count: w * h)
        var encoder = GIFEncoder(width: w, height: h)
        encoder.add(RGBImage(width: w, height: h, pixels: a), delay: 10)
        var expected = [a]
        for (x, y) in [(5, 7), (6, 7), (20, 12)] { a[y * w + x] = 0xE0_4050 }
        encoder.add(RGBImage(width: w, height: h, pixels: a), delay: 10)
        expected.append(a)
        encoder.add(RGBImage(width: w, height: h, pixels: a), delay: 150)  // the same again
        expected.append(a)
        let gif = try GIFAnimation(encoder.encode(loopCount: 0, keep: []))
        #expect(gif.frames.count == 3)
        let second = gif.frames[1]
        #expect((second.x, second.y, second.width, second.height) == (5, 7, 16, 6))
        #expect(second.transparentIndex != nil && second.disposal == 1)
        #expect((gif.frames[2].width, gif.frames[2].height) == (1, 1) && gif.frames[2].delay == 150)
        try gif.forEachScreen { k, screen in #expect(screen == expected[k], "frame \(k)") }
    }

    @Test("more than 255 colours: the inks kept exactly, the anti-aliasing ramps within a few levels")
    func quantized() throws {
        // Ramps from white and from a pale band colour to four inks, every shade of each, as
        // anti-aliased lines on white and over a translucent band make them: 2048 colours for
        // 255 entries, white and the band on most pixels.
        let inks: [UInt32] = [0xEE6677, 0x4477AA, 0x228833, 0x000000]
        let backgrounds: [UInt32] = [0xFF_FFFF, 0xDAE4EE]
        let (w, h) = (256, 40)
        var pixels = [UInt32](repeating: 0xFF_FFFF, count: w * h)
        for i in (w * 20)..<(w * 30) { pixels[i] = 0xDAE4EE }
        for (b, background) in backgrounds.enumerated() {
            for (row, ink) in inks.enumerated() {
                for x in 0..<w {
                    let t = Double(x) / 255
                    func mix(_ shift: UInt32) -> UInt32 {
                        UInt32((Double(background >> shift & 0xFF) * (1 - t) + Double(ink >> shift & 0xFF) * t).rounded()) << shift
                    }
                    pixels[(4 * b + row) * w + x] = mix(16) | mix(8) | mix(0)
                }
            }
        }
        var encoder = GIFEncoder(width: w, height: h)
        encoder.add(RGBImage(width: w, height: h, pixels: pixels), delay: 10)
        let gif = try GIFAnimation(encoder.encode(loopCount: 0, keep: inks + backgrounds))
        #expect(gif.globalPalette.count == 256)
        for ink in inks + backgrounds { #expect(gif.globalPalette.contains(ink), "ink \(String(ink, radix: 16))") }
        try gif.forEachScreen { _, screen in
            var worst = 0, total = 0
            for (a, b) in zip(screen, pixels) {
                for shift: UInt32 in [16, 8, 0] {
                    let d = abs(Int(a >> shift & 0xFF) - Int(b >> shift & 0xFF))
                    (worst, total) = (max(worst, d), total + d)
                }
            }
            // Measured: 4 levels at most (255 entries for 8 ramps of up to 255 levels: about 30
            // entries a ramp, 4 levels apart on the darkest).
            print("quantized ramps: largest channel error \(worst), mean \(Double(total) / Double(3 * w * h))")
            #expect(worst <= 5, "largest channel error \(worst)")
            for row in 0..<8 { #expect(screen[row * w + 255] == pixels[row * w + 255]) }  // the inks themselves
        }
    }

    @Test("the table is the same for the same colours, whatever order they were counted in")
    func deterministicPalette() {
        var histogram: [UInt32: Int] = [:]
        for i in 0..<3000 { histogram[UInt32(truncatingIfNeeded: i &* 2_654_435_761) & 0xFF_FFFF] = 1 + i % 7 }
        let a = GIFPalette(histogram: histogram, keep: [0xFF_FFFF], capacity: 255)
        let b = GIFPalette(histogram: Dictionary(uniqueKeysWithValues: histogram.sorted { $0.key > $1.key }), keep: [0xFF_FFFF], capacity: 255)
        #expect(a.colors == b.colors && a.colors.count == 255)
    }
}
