/// A GIF decoded for tests: its blocks as written (screen, colour tables, loop count, each
/// frame's rectangle, delay, disposal and transparency, its LZW stream decompressed to indices),
/// and the pictures its frames make one after another. Written from the GIF89a specification,
/// apart from the encoder it checks.
///
/// ```
/// "GIF87a" | "GIF89a", width, height (16-bit little-endian), flags, background, aspect
/// [global colour table: 3 · 2^(flags & 7 + 1) bytes]
/// blocks: 21 F9 graphic control | 21 FF application (NETSCAPE2.0: loop count) | 21 xx other
///         extension | 2C image (left, top, width, height, flags, [local table], LZW data) | 3B end
/// ```
public struct GIFAnimation: Sendable {
    /// A GIF that cannot be read, and why.
    public struct Malformed: Error, CustomStringConvertible {
        /// What is wrong, in one line.
        public var description: String
    }

    /// One image of the file with the graphic control before it.
    public struct Frame: Sendable {
        /// The rectangle the frame covers on the screen.
        public var x: Int, y: Int, width: Int, height: Int
        /// How long the frame shows, in hundredths of a second (0 without a graphic control).
        public var delay: Int
        /// What becomes of the frame's rectangle before the next: 0 or 1 it stays, 2 background, 3 what was before.
        public var disposal: Int
        /// The index that leaves the pixel below showing, if any.
        public var transparentIndex: Int?
        /// The first byte of its image data: the LZW minimum code size.
        public var minimumCodeSize: Int
        /// The colour table it is drawn with (its local table, else the global one), 0x00RRGGBB.
        public var palette: [UInt32]
        /// Its pixels as table indices, row by row.
        public var indices: [UInt8]
    }

    /// The screen's width in pixels.
    public let width: Int
    /// The screen's height in pixels.
    public let height: Int
    /// The global colour table, 0x00RRGGBB (empty without one).
    public let globalPalette: [UInt32]
    /// The NETSCAPE2.0 loop count (0: for ever), nil when the file has no loop block.
    public let loopCount: Int?
    /// The frames, in order.
    public let frames: [Frame]

    /// Reads a GIF; throws ``Malformed`` for bytes that are not one.
    public init(_ bytes: [UInt8]) throws {
        var reader = Reader(bytes: bytes)
        let signature = String(decoding: try reader.take(6), as: UTF8.self)
        guard signature == "GIF89a" || signature == "GIF87a" else { throw Malformed(description: "no GIF signature") }
        width = try reader.u16()
        height = try reader.u16()
        let flags = try Int(reader.byte())
        _ = try reader.take(2)  // background index, aspect ratio
        globalPalette = flags & 0x80 != 0 ? try reader.palette(flags & 7) : []
        var loops: Int?
        var frames: [Frame] = []
        var control: (delay: Int, disposal: Int, transparent: Int?) = (0, 0, nil)
        reading: while true {
            switch try reader.byte() {
            case 0x21:
                let label = try reader.byte()
                let blocks = try reader.subBlocks()
                if label == 0xF9 {
                    guard let b = blocks.first, b.count == 4 else { throw Malformed(description: "a graphic control block is not 4 bytes") }
                    control = (Int(b[1]) | Int(b[2]) << 8, Int(b[0] >> 2 & 7), b[0] & 1 != 0 ? Int(b[3]) : nil)
                } else if label == 0xFF, blocks.count >= 2, String(decoding: blocks[0], as: UTF8.self) == "NETSCAPE2.0",
                          blocks[1].count == 3, blocks[1][0] == 1 {
                    loops = Int(blocks[1][1]) | Int(blocks[1][2]) << 8
                }
            case 0x2C:
                let (x, y, w, h) = (try reader.u16(), try reader.u16(), try reader.u16(), try reader.u16())
                let imageFlags = try Int(reader.byte())
                let palette = imageFlags & 0x80 != 0 ? try reader.palette(imageFlags & 7) : globalPalette
                let m = try Int(reader.byte())
                guard (2...8).contains(m) else { throw Malformed(description: "minimum code size \(m) is outside 2 to 8") }
                var indices = try Self.decompress(reader.subBlocks().flatMap { $0 }, minimumCodeSize: m).indices
                guard indices.count >= w * h else {
                    throw Malformed(description: "frame \(frames.count + 1) has \(indices.count) pixels for \(w) × \(h)")
                }
                indices.removeLast(indices.count - w * h)
                if imageFlags & 0x40 != 0 { indices = Self.deinterlaced(indices, width: w, height: h) }
                frames.append(Frame(x: x, y: y, width: w, height: h, delay: control.delay, disposal: control.disposal,
                                    transparentIndex: control.transparent, minimumCodeSize: m, palette: palette, indices: indices))
                control = (0, 0, nil)
            case 0x3B:
                break reading
            case let other:
                throw Malformed(description: "unknown block 0x\(String(other, radix: 16)) at byte \(reader.offset - 1)")
            }
        }
        loopCount = loops
        self.frames = frames
    }

    /// Calls `body` with each frame's number and the screen after it is drawn (0x00RRGGBB, row by
    /// row), each frame drawn over what the frames before it left as their disposals say; the
    /// screen starts as the first table colour.
    public func forEachScreen(_ body: (Int, [UInt32]) throws -> Void) throws {
        var screen = [UInt32](repeating: globalPalette.first ?? 0, count: width * height)
        for (k, frame) in frames.enumerated() {
            let before = frame.disposal == 3 ? screen : []
            for row in 0..<frame.height {
                for column in 0..<frame.width {
                    let (x, y) = (frame.x + column, frame.y + row)
                    guard x < width, y < height else { continue }
                    let index = Int(frame.indices[row * frame.width + column])
                    if index == frame.transparentIndex { continue }
                    guard index < frame.palette.count else {
                        throw Malformed(description: "frame \(k + 1) uses index \(index) of a table of \(frame.palette.count)")
                    }
                    screen[y * width + x] = frame.palette[index]
                }
            }
            try body(k, screen)
            switch frame.disposal {
            case 2:
                for row in frame.y..<min(height, frame.y + frame.height) {
                    for x in frame.x..<min(width, frame.x + frame.width) { screen[row * width + x] = globalPalette.first ?? 0 }
                }
            case 3: screen = before
            default: break
            }
        }
    }

    /// What an LZW stream held: the indices, the widest code read, and the clear codes.
    public struct Decompressed: Sendable {
        /// The pixels' indices.
        public var indices: [UInt8]
        /// The width in bits of the widest code read.
        public var widestCode: Int
        /// How many clear codes the stream has, the first one included.
        public var clearCodes: Int
    }

    /// GIF's LZW: the indices coded in `data` (the sub-blocks' bytes joined), up to the end code.
    /// Codes are read least significant bit first, `minimumCodeSize` + 1 bits wide after a clear
    /// code, one bit wider once the next free code reaches 2^width (up to 12 bits); a code one past
    /// the table is the string before plus its own first index.
    public static func decompress(_ data: [UInt8], minimumCodeSize m: Int) throws -> Decompressed {
        let clear = 1 << m, end = clear + 1
        var prefix = [Int](repeating: -1, count: 4096)
        var suffix = [UInt8](repeating: 0, count: 4096)
        var first = [UInt8](repeating: 0, count: 4096)
        for i in 0..<clear { suffix[i] = UInt8(i); first[i] = UInt8(i) }
        var width = m + 1, next = clear + 2
        var previous: Int?
        var out: [UInt8] = []
        var bitPosition = 0
        var string: [UInt8] = []
        var widest = 0, clears = 0
        func read() throws -> Int {
            widest = max(widest, width)
            guard bitPosition + width <= data.count * 8 else { throw Malformed(description: "the image data ends before its end code") }
            var code = 0
            for i in 0..<width {
                let bit = bitPosition + i
                code |= Int(data[bit >> 3] >> UInt8(bit & 7) & 1) << i
            }
            bitPosition += width
            return code
        }
        func append(_ code: Int) {
            string.removeAll(keepingCapacity: true)
            var c = code
            while c >= 0 {
                string.append(suffix[c])
                c = prefix[c]
            }
            out.append(contentsOf: string.reversed())
        }
        while true {
            let code = try read()
            if code == clear {
                (width, next, previous) = (m + 1, clear + 2, nil)
                clears += 1
                continue
            }
            if code == end { return Decompressed(indices: out, widestCode: widest, clearCodes: clears) }
            guard let before = previous else {
                guard code < clear else { throw Malformed(description: "code \(code) after a clear code") }
                append(code)
                previous = code
                continue
            }
            if code < next {
                append(code)
                if next < 4096 { (prefix[next], suffix[next], first[next]) = (before, first[code], first[before]); next += 1 }
            } else if code == next && next < 4096 {
                (prefix[next], suffix[next], first[next]) = (before, first[before], first[before])
                next += 1
                append(code)
            } else {
                throw Malformed(description: "code \(code) beyond the table (next \(next))")
            }
            previous = code
            if next == 1 << width && width < 12 { width += 1 }
        }
    }

    /// Rows of an interlaced image back in order: every 8th from 0, every 8th from 4, every 4th
    /// from 2, every 2nd from 1.
    static func deinterlaced(_ indices: [UInt8], width: Int, height: Int) -> [UInt8] {
        var out = indices
        var source = 0
        for (start, step) in [(0, 8), (4, 8), (2, 4), (1, 2)] {
            for row in stride(from: start, to: height, by: step) {
                out[(row * width)..<((row + 1) * width)] = indices[(source * width)..<((source + 1) * width)]
                source += 1
            }
        }
        return out
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw Malformed(description: "the file ends early, at byte \(offset)") }
            offset += 1
            return bytes[offset - 1]
        }

        mutating func take(_ n: Int) throws -> [UInt8] {
            guard offset + n <= bytes.count else { throw Malformed(description: "the file ends early, at byte \(offset)") }
            offset += n
            return Array(bytes[(offset - n)..<offset])
        }

        mutating func u16() throws -> Int { Int(try byte()) | Int(try byte()) << 8 }

        mutating func palette(_ sizeBits: Int) throws -> [UInt32] {
            let b = try take(3 << (sizeBits + 1))
            return stride(from: 0, to: b.count, by: 3).map { UInt32(b[$0]) << 16 | UInt32(b[$0 + 1]) << 8 | UInt32(b[$0 + 2]) }
        }

        /// Sub-blocks up to the 0 that ends them.
        mutating func subBlocks() throws -> [[UInt8]] {
            var blocks: [[UInt8]] = []
            while true {
                let n = Int(try byte())
                if n == 0 { return blocks }
                blocks.append(try take(n))
            }
        }
    }
}
