/// The LZW compression of GIF image data (GIF89a, section 22 and appendix F), with the code
/// size and table rules of giflib, which every reader follows.
///
/// ```
/// m = minimum code size (2…8; the pixel indices are < 2^m)
/// clear = 2^m, end = 2^m + 1, first free code = 2^m + 2
/// codes start m + 1 bits wide, packed least significant bit first into bytes
/// after each code written: if next free code ≥ 2^width and width < 12, width += 1
/// a new code per code written, up to 4094; at 4095 a clear code instead (table and width reset)
/// data = clear, codes…, end; then in sub-blocks: length byte (1…255), bytes; a 0 byte ends them
/// ```
enum GIFLZW {
    /// The largest code width.
    static let maximumWidth = 12
    /// The table is reset (a clear code) when the next free code would be this one (giflib's rule).
    static let tableLimit = 4095

    /// The compressed bytes of `indices` (each < 2^`minimumCodeSize`), before they are cut into
    /// sub-blocks.
    static func encode(_ indices: UnsafeBufferPointer<UInt8>, minimumCodeSize m: Int) -> [UInt8] {
        precondition((2...8).contains(m), "GIF's minimum code size is 2 to 8")
        let clear = 1 << m, end = clear + 1
        var width = m + 1, next = clear + 2
        var out: [UInt8] = []
        out.reserveCapacity(indices.count / 4 + 16)
        var bits: UInt64 = 0, bitCount = 0
        func write(_ code: Int) {
            bits |= UInt64(code) << UInt64(bitCount)
            bitCount += width
            while bitCount >= 8 {
                out.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
                bitCount -= 8
            }
            if next >= 1 << width && width < maximumWidth { width += 1 }
        }
        var table = CodeTable()
        write(clear)
        if var prefix = indices.first.map(Int.init) {
            for index in indices.dropFirst() {
                let key = prefix << 8 | Int(index)
                if let code = table.code(for: key) {
                    prefix = code
                    continue
                }
                write(prefix)
                if next >= tableLimit {
                    write(clear)
                    table.removeAll()
                    (next, width) = (clear + 2, m + 1)
                } else {
                    table.insert(key, code: next)
                    next += 1
                }
                prefix = Int(index)
            }
            write(prefix)
        }
        write(end)
        if bitCount > 0 { out.append(UInt8(truncatingIfNeeded: bits)) }
        return out
    }

    /// `data` cut into sub-blocks of at most 255 bytes, each after its length, and the 0 that ends them.
    static func subBlocks(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + data.count / 255 + 2)
        var start = 0
        while start < data.count {
            let n = min(255, data.count - start)
            out.append(UInt8(n))
            out += data[start..<(start + n)]
            start += n
        }
        out.append(0)
        return out
    }

    /// The string table: (prefix code, next index) → code, open addressing over 8192 slots
    /// (at most 4095 − 2^m − 2 entries, under half full).
    struct CodeTable {
        private static let slots = 8192
        private var keys = [Int32](repeating: -1, count: slots)
        private var codes = [Int16](repeating: 0, count: slots)

        /// The code of the string `key` = prefix << 8 | index, if it has one.
        func code(for key: Int) -> Int? {
            var slot = Self.slot(key)
            while true {
                let k = keys[slot]
                if k == Int32(key) { return Int(codes[slot]) }
                if k < 0 { return nil }
                slot = (slot + 1) & (Self.slots - 1)
            }
        }

        mutating func insert(_ key: Int, code: Int) {
            var slot = Self.slot(key)
            while keys[slot] >= 0 { slot = (slot + 1) & (Self.slots - 1) }
            keys[slot] = Int32(key)
            codes[slot] = Int16(code)
        }

        mutating func removeAll() {
            for i in keys.indices { keys[i] = -1 }
        }

        /// A multiplicative hash of the 20-bit key to 13 bits.
        private static func slot(_ key: Int) -> Int {
            Int((UInt32(truncatingIfNeeded: key) &* 2_654_435_761) >> 19)
        }
    }
}
