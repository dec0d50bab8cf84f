/// Decimal text to `Double` without `strtod` for the common forms, with `strtod`'s result bit for bit.
///
/// The text must be all of `[+-]digits[.digits][(e|E)[+-]digits]` (".5" and "1." too) with at most
/// 19 significant digits; anything else (more digits, "inf", "nan", hexadecimal, spaces, an empty
/// or malformed text) gives nil, and the caller asks `strtod`. The digits make an integer w < 10¹⁹
/// and the text is w · 10^q. Two exact methods then find the nearest double (ties to even, what
/// `strtod` does in the default rounding mode):
///
/// 1. Clinger (1990): when w ≤ 2⁵³ and |q| ≤ 22, both w and 10^|q| are doubles exactly, so the one
///    IEEE product w · 10^q or quotient w / 10^−q is the correctly rounded result.
/// 2. Eisel–Lemire (Lemire 2021, "Number parsing at a gigabyte per second"), as Go's `strconv`
///    writes it (`eiselLemire64`): w normalized to 64 bits times 10^q's 128-bit significand
///    rounded down (``PowersOfTen``) brackets the exact product closely enough to round it; it
///    gives up, and we return nil, when the bracket straddles a rounding boundary, when the
///    result would be subnormal, infinite or beyond the table, exactly where a wider computation
///    would be needed.
///
/// DecimalParserTests compares the bits with `strtod` on millions of random texts.
struct DecimalParser: Sendable {
    /// 10^q's 128-bit significands.
    private let powers = PowersOfTen()
    /// 10⁰ … 10²², each exactly a double.
    private let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The double nearest the decimal number that is the whole of `text[0..<count]`, or nil when
    /// the text is not of the simple form or the fast methods cannot decide (then ask `strtod`).
    func parse(_ text: UnsafePointer<UInt8>, count: Int) -> Double? {
        guard let number = parsePrefix(text, count: count), number.length == count else { return nil }
        return number.value
    }

    /// The longest start of `text[0..<count]` of the simple form, its length and the double
    /// nearest it; nil when it has no digit, has an exponent mark without digits ("1e"), or the
    /// fast methods cannot decide. The form holds no comma, space or tab, so for a CSV cell the
    /// caller checks what follows: nothing, or blanks up to a comma, and the number is the cell's.
    func parsePrefix(_ text: UnsafePointer<UInt8>, count: Int) -> (value: Double, length: Int)? {
        var i = 0
        var negative = false
        if i < count && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        // The digits before and after the point make w (wrapping past 19 digits, and then unused).
        var w: UInt64 = 0
        let integerStart = i
        Self.readDigits(text, count: count, at: &i, into: &w)
        var digits = i - integerStart, fractionDigits = 0
        if i < count && text[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            Self.readDigits(text, count: count, at: &i, into: &w)
            fractionDigits = i - fractionStart
            digits += fractionDigits
        }
        guard digits > 0 else { return nil }
        // w < 10¹⁹ < 2⁶⁴ holds the digits from the first non-zero one, if there are at most 19.
        if digits > 19 {
            var leadingZeros = 0, k = integerStart
            while k < i && (text[k] == UInt8(ascii: "0") || text[k] == UInt8(ascii: ".")) {
                if text[k] == UInt8(ascii: "0") { leadingZeros += 1 }
                k += 1
            }
            guard digits - leadingZeros <= 19 else { return nil }
        }
        var exponent = 0
        if i < count && text[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < count && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) {
                exponentNegative = text[i] == UInt8(ascii: "-")
                i += 1
            }
            let first = i
            while i < count, case let d = text[i] &- UInt8(ascii: "0"), d < 10 {
                exponent = exponent * 10 + Int(d)
                // Past any double's, unless as many digits after the point offset it: strtod decides.
                guard exponent <= 100_000 else { return nil }
                i += 1
            }
            guard i > first else { return nil }                   // "1e": strtod stops before the e
            if exponentNegative { exponent = -exponent }
        }
        guard let magnitude = Self.nearest(w, exponent - fractionDigits, exactPowers: exactPowers, powers: powers) else { return nil }
        return (negative ? -magnitude : magnitude, i)
    }

    /// The double nearest w · 10^q, or nil when neither fast method decides it.
    @inline(__always)
    private static func nearest(_ w: UInt64, _ q: Int, exactPowers: [Double], powers: PowersOfTen) -> Double? {
        // 0 whatever the exponent (the sign is the caller's).
        if w == 0 { return 0 }
        if w <= 1 << 53 && -22 <= q && q <= 22 {
            let x = Double(w)
            return q < 0 ? x / exactPowers[-q] : x * exactPowers[q]
        }
        return eiselLemire(w, q, powers: powers)
    }

    /// Appends the digits from `text[i]` on to w (w · 10 + digit each, wrapping), eight at a time
    /// while there are eight, and leaves i after the last.
    @inline(__always)
    private static func readDigits(_ text: UnsafePointer<UInt8>, count: Int, at i: inout Int, into w: inout UInt64) {
        while i + 8 <= count, let eight = eightDigits(text + i) {
            w = w &* 100_000_000 &+ eight
            i += 8
        }
        while i < count, case let d = text[i] &- UInt8(ascii: "0"), d < 10 {
            w = w &* 10 &+ UInt64(d)
            i += 1
        }
    }

    /// The value of the eight bytes at `p` if they are all digits (SWAR, as in simdjson and
    /// fast_float): one 64-bit load, the first byte lowest.
    ///
    /// Validity: with v the bytes, a byte b of `v + 0x46…46` has its top bit set when b ≥ 0x3A
    /// (and b < 0xBA), one of `v − 0x30…30` when b < 0x30 or b ≥ 0xB0. Below the lowest byte that
    /// is not a digit nothing carries or borrows, so that byte sets a top bit; all digits set none.
    /// Value: with the digits d₀ … d₇ in the bytes, three multiply-and-shift steps pair them into
    /// 10 d₀ + d₁ …, then 100 (10 d₀ + d₁) + …, then the whole, with no product overflowing its field.
    @inline(__always)
    private static func eightDigits(_ p: UnsafePointer<UInt8>) -> UInt64? {
        let v = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        guard ((v &+ 0x4646_4646_4646_4646) | (v &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080 == 0 else { return nil }
        var x = v &- 0x3030_3030_3030_3030
        x = (x &* 10) &+ (x >> 8)           // byte pairs: 10 d₀ + d₁ in the low byte of each 16 bits
        let pairs = x & 0x0000_00FF_0000_00FF, next = (x >> 16) & 0x0000_00FF_0000_00FF
        x = (pairs &* (100 &+ (1_000_000 << 32)) &+ next &* (1 &+ (10_000 << 32))) >> 32
        return x & 0xFFFF_FFFF
    }

    /// The double nearest w · 10^q (w > 0), or nil where 128 bits of 10^q do not decide it or
    /// the result is not a normal double. Go's `eiselLemire64`, step for step (the names of its
    /// steps are those of Nigel Tao's account, "The Eisel-Lemire ParseNumberF64 Algorithm", 2020).
    private static func eiselLemire(_ w: UInt64, _ q: Int, powers: PowersOfTen) -> Double? {
        guard PowersOfTen.range.contains(q) else { return nil }
        // Normalization: w's leading one at bit 63; the binary exponent of the result, biased:
        // ⌊q log₂10⌋ (as ⌊217706 q / 2¹⁶⌋, equal for |q| < 643) + 64 + 1023 − shift.
        let shift = w.leadingZeroBitCount
        let man = w << UInt64(shift)
        var exponent2 = ((217706 * q) >> 16) + 64 + 1023 - shift
        // Multiplication by the upper 64 bits of 10^q, with the lower 64 when the 9 bits below
        // the result's 55 are all ones and a carry from the product's lower half could reach them.
        let power = powers.significand(q)
        var (xHigh, xLow) = man.multipliedFullWidth(by: power.high)
        if xHigh & 0x1FF == 0x1FF && xLow &+ man < man {
            let (yHigh, yLow) = man.multipliedFullWidth(by: power.low)
            var mergedHigh = xHigh
            let mergedLow = xLow &+ yHigh
            if mergedLow < xLow { mergedHigh &+= 1 }
            // Still all ones and the rest could carry: the bracket straddles a boundary.
            if mergedHigh & 0x1FF == 0x1FF && mergedLow &+ 1 == 0 && yLow &+ man < man { return nil }
            (xHigh, xLow) = (mergedHigh, mergedLow)
        }
        // Shifting to 54 bits (53 and one to round with).
        let msb = xHigh >> 63
        var mantissa = xHigh >> (msb + 9)
        exponent2 -= Int(1 ^ msb)
        // Half-way ambiguity: the truncated product is exactly half-way between two doubles, and
        // the bits cut off could make it either side.
        if xLow == 0 && xHigh & 0x1FF == 0 && mantissa & 3 == 1 { return nil }
        // From 54 bits to 53: add the rounding bit. Above half-way that rounds up, as it must; at an
        // exact tie it rounds to the odd side only when the 53 bits end in 0, the case refused above.
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >> 53 > 0 {
            mantissa >>= 1
            exponent2 += 1
        }
        // Subnormal, zero, infinite: strtod.
        guard exponent2 >= 1 && exponent2 < 0x7FF else { return nil }
        return Double(bitPattern: UInt64(exponent2) << 52 | mantissa & 0x000F_FFFF_FFFF_FFFF)
    }
}
