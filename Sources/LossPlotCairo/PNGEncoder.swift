import LossPlot
import CZlib

/// Writes a cairo ARGB32 image as PNG, several times faster than cairo's own writer.
///
/// cairo's `write_to_png` goes through libpng with zlib's default level (6) and adaptive row
/// filters: a third of the time of a whole `gan-losses plot`. Plots are flat colours on white: the
/// "up" filter (each byte minus the byte above) turns them into long runs of zeros, which zlib's
/// run-length strategy at level 1 compresses in a fraction of the time. The price is size: the
/// figure set's PNGs take 2.5 MB instead of cairo's 1.7 MB. The image is written as 8-bit RGB when
/// every pixel is opaque (ours are: the background is painted white), else as RGBA with the
/// premultiplied alpha undone the way cairo does it. A pHYs chunk records the resolution, so
/// viewers and slides size the image as intended.
///
/// ```
/// PNG = signature, IHDR, pHYs, IDAT (zlib stream of filtered rows), IEND
/// chunk = length (4 bytes, big-endian), type (4), data, CRC-32 of type and data
/// row = filter byte (2 = up), then per byte: raw − raw of the row above (mod 256)
/// ```
enum PNGEncoder {
    /// `pixels`: cairo's ARGB32 rows (premultiplied, native-endian 32-bit words), `stride` bytes apart.
    static func encode(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, dpi: Double) throws -> [UInt8] {
        let words = UnsafeRawPointer(pixels)
        var opaque = true
        for y in 0..<height where opaque {
            let row = words + y * stride
            for x in 0..<width where row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self) >> 24 != 0xFF {
                opaque = false
                break
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels

        // Rows are converted, filtered and deflated one at a time: the memory is two rows and a
        // 64 KiB output buffer, not a second copy of the image.
        var stream = z_stream()
        // Level 1 with run-length matching only (Z_RLE): the filtered rows of a plot are long runs.
        guard deflateInit2_(&stream, 1, Z_DEFLATED, 15, 8, Z_RLE, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RenderError.encoding("zlib could not start a deflate stream")
        }
        defer { deflateEnd(&stream) }
        var previous = [UInt8](repeating: 0, count: rowBytes), current = previous
        var filtered = [UInt8](repeating: 0, count: rowBytes + 1)
        var output = [UInt8](repeating: 0, count: 1 << 16)
        var idat: [UInt8] = []
        func deflateRow(_ row: UnsafeMutableBufferPointer<UInt8>, flush: Int32) throws {
            stream.next_in = row.baseAddress
            stream.avail_in = uInt(row.count)
            repeat {
                let status = output.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    return deflate(&stream, flush)
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw RenderError.encoding("zlib could not compress the image (status \(status))")
                }
                idat += output[0..<(output.count - Int(stream.avail_out))]
            } while stream.avail_out == 0 || (flush == Z_FINISH && stream.avail_in > 0)
        }
        for y in 0..<height {
            let row = words + y * stride
            current.withUnsafeMutableBufferPointer { out in
                let out = out.baseAddress!
                for x in 0..<width {
                    let p = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                    let a = p >> 24
                    var (r, g, b) = ((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF)
                    if a != 0xFF && a != 0 {  // undo premultiplication, rounding as cairo does
                        (r, g, b) = ((r * 255 + a / 2) / a, (g * 255 + a / 2) / a, (b * 255 + a / 2) / a)
                    }
                    let o = out + x * channels
                    o[0] = UInt8(truncatingIfNeeded: r); o[1] = UInt8(truncatingIfNeeded: g); o[2] = UInt8(truncatingIfNeeded: b)
                    if channels == 4 { o[3] = UInt8(truncatingIfNeeded: a) }
                }
            }
            // The "up" filter: each byte minus the byte above (the first row has none: no filter).
            filtered.withUnsafeMutableBufferPointer { f in
                current.withUnsafeBufferPointer { c in
                    previous.withUnsafeBufferPointer { p in
                        f[0] = y == 0 ? 0 : 2
                        let (f, c, p) = (f.baseAddress! + 1, c.baseAddress!, p.baseAddress!)
                        if y == 0 {
                            f.update(from: c, count: rowBytes)
                        } else {
                            for i in 0..<rowBytes { f[i] = c[i] &- p[i] }
                        }
                    }
                }
            }
            try filtered.withUnsafeMutableBufferPointer { try deflateRow($0, flush: y == height - 1 ? Z_FINISH : Z_NO_FLUSH) }
            swap(&previous, &current)
        }

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        func chunk(_ type: String, _ data: ArraySlice<UInt8>) {
            let typeBytes = Array(type.utf8)
            png += bigEndian(UInt32(data.count)) + typeBytes
            png += data
            var crc = crc32(0, typeBytes, 4)
            data.withUnsafeBufferPointer { crc = crc32(crc, $0.baseAddress, uInt($0.count)) }
            png += bigEndian(UInt32(crc))
        }
        chunk("IHDR", ArraySlice(bigEndian(UInt32(width)) + bigEndian(UInt32(height))
                                 + [8, opaque ? 2 : 6, 0, 0, 0]))  // 8 bits, RGB or RGBA, deflate, filters, no interlace
        let pixelsPerMetre = UInt32((dpi / 0.0254).rounded())
        chunk("pHYs", ArraySlice(bigEndian(pixelsPerMetre) + bigEndian(pixelsPerMetre) + [1]))
        chunk("IDAT", idat[...])
        chunk("IEND", [])
        return png
    }
}
