/// An animated GIF89a, built a frame at a time: one colour table for all frames (``GIFPalette``),
/// each frame after the first only the rectangle where it differs from the one before, its
/// unchanged pixels transparent, so that a frame that adds a few segments costs a few hundred bytes.
///
/// ```
/// GIF = "GIF89a", screen descriptor, global colour table, NETSCAPE2.0 loop block,
///       per frame: graphic control extension, image descriptor, LZW data; 0x3B
/// screen descriptor = width, height (16-bit little-endian), 0xF0 | (s − 1), background 0, aspect 0
///                     (a global table of 2^s colours, 3 bytes each, R G B)
/// loop block = 21 FF 0B "NETSCAPE2.0" 03 01 loops (16-bit, 0 = for ever) 00
/// graphic control = 21 F9 04, flags (disposal << 2 | transparent?), delay (1/100 s, 16-bit),
///                   transparent index, 00; disposal 1: the frame stays under the next
/// image descriptor = 2C, left, top, width, height (16-bit each), 0 (no local table, not interlaced)
/// LZW data = minimum code size, sub-blocks (GIFLZW)
/// ```
///
/// Frames are held until ``encode(loopCount:keep:)`` as runs of equal pixels of their changed
/// rectangle, so that memory grows with what changes, not with the frames' area.
struct GIFEncoder {
    let width: Int
    let height: Int

    /// A frame as stored: its rectangle, its pixels there as runs (``unchanged`` where the frame
    /// before shows through) and its delay.
    struct Frame {
        var x: Int, y: Int, width: Int, height: Int
        var runs: [(count: Int, color: UInt32)]
        var delay: Int
        var hasTransparency: Bool
    }

    /// A pixel that is the same as in the frame before, inside a frame's rectangle.
    static let unchanged: UInt32 = 0xFF00_0000

    private(set) var frames: [Frame] = []
    /// Every colour of the frames' rectangles (their changed pixels), with its number of pixels.
    private(set) var histogram: [UInt32: Int] = [:]
    private var previous: [UInt32] = []

    init(width: Int, height: Int) {
        precondition(width > 0 && height > 0 && width <= 0xFFFF && height <= 0xFFFF, "a GIF is 1 to 65535 pixels a side")
        self.width = width
        self.height = height
    }

    /// Adds a frame shown for `delay` hundredths of a second.
    mutating func add(_ image: RGBImage, delay: Int) {
        precondition(image.width == width && image.height == height, "every frame has the animation's size")
        let pixels = image.pixels
        guard !frames.isEmpty else {
            frames.append(store(pixels, x: 0, y: 0, width: width, height: height, delay: delay))
            previous = pixels
            return
        }
        // The rectangle of the pixels that differ from the frame before.
        var (minX, minY, maxX, maxY) = (width, height, -1, -1)
        pixels.withUnsafeBufferPointer { now in
            previous.withUnsafeBufferPointer { before in
                for y in 0..<height {
                    let row = y * width
                    var first = 0
                    while first < width, now[row + first] == before[row + first] { first += 1 }
                    guard first < width else { continue }
                    var last = width - 1
                    while now[row + last] == before[row + last] { last -= 1 }
                    (minX, maxX) = (min(minX, first), max(maxX, last))
                    if minY == height { minY = y }
                    maxY = y
                }
            }
        }
        if maxY < 0 {
            // Nothing changed: one transparent pixel.
            frames.append(Frame(x: 0, y: 0, width: 1, height: 1, runs: [(1, Self.unchanged)], delay: delay, hasTransparency: true))
            return
        }
        var marked = [UInt32](repeating: 0, count: (maxX - minX + 1) * (maxY - minY + 1))
        var i = 0
        for y in minY...maxY {
            for x in minX...maxX {
                let p = pixels[y * width + x]
                marked[i] = p == previous[y * width + x] ? Self.unchanged : p
                i += 1
            }
        }
        frames.append(store(marked, x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1, delay: delay))
        previous = pixels
    }

    /// A frame of these pixels (row-major over its rectangle) as runs, counted into the histogram.
    private mutating func store(_ pixels: [UInt32], x: Int, y: Int, width: Int, height: Int, delay: Int) -> Frame {
        var runs: [(count: Int, color: UInt32)] = []
        var transparent = false
        var start = 0
        while start < pixels.count {
            let color = pixels[start]
            var end = start + 1
            while end < pixels.count, pixels[end] == color { end += 1 }
            runs.append((end - start, color))
            if color == Self.unchanged { transparent = true } else { histogram[color, default: 0] += end - start }
            start = end
        }
        return Frame(x: x, y: y, width: width, height: height, runs: runs, delay: delay, hasTransparency: transparent)
    }

    /// The file: the frames so far, looping `loopCount` times (0: for ever), the colours of
    /// `keep` that occur kept exactly in the table (``GIFPalette``).
    func encode(loopCount: Int, keep: [UInt32]) -> [UInt8] {
        precondition(!frames.isEmpty, "a GIF has at least one frame")
        let transparency = frames.contains(where: \.hasTransparency)
        let palette = GIFPalette(histogram: histogram, keep: keep, capacity: transparency ? 255 : 256)
        let transparentIndex = palette.colors.count
        let entries = palette.colors.count + (transparency ? 1 : 0)
        var bits = 1
        while 1 << bits < entries { bits += 1 }
        let minimumCodeSize = max(2, bits)

        var out: [UInt8] = Array("GIF89a".utf8)
        func u16(_ v: Int) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        u16(width)
        u16(height)
        out += [0xF0 | UInt8(bits - 1), 0, 0]  // global table, 8 bits per primary, 2^bits entries
        for i in 0..<(1 << bits) {
            let c = i < palette.colors.count ? palette.colors[i] : 0
            out += [UInt8(c >> 16 & 0xFF), UInt8(c >> 8 & 0xFF), UInt8(c & 0xFF)]
        }
        out += [0x21, 0xFF, 0x0B] + Array("NETSCAPE2.0".utf8) + [0x03, 0x01]
        u16(loopCount)
        out.append(0)
        var indices: [UInt8] = []
        for frame in frames {
            out += [0x21, 0xF9, 0x04, 1 << 2 | (frame.hasTransparency ? 1 : 0)]
            u16(frame.delay)
            out += [frame.hasTransparency ? UInt8(transparentIndex) : 0, 0]
            out.append(0x2C)
            u16(frame.x)
            u16(frame.y)
            u16(frame.width)
            u16(frame.height)
            out.append(0)
            indices.removeAll(keepingCapacity: true)
            for run in frame.runs {
                let index = run.color == Self.unchanged ? UInt8(transparentIndex) : palette.index(of: run.color)
                indices.append(contentsOf: repeatElement(index, count: run.count))
            }
            out.append(UInt8(minimumCodeSize))
            out += GIFLZW.subBlocks(indices.withUnsafeBufferPointer { GIFLZW.encode($0, minimumCodeSize: minimumCodeSize) })
        }
        out.append(0x3B)
        return out
    }
}
