/// The 128-bit significands of the powers of ten 10^q for −348 ≤ q ≤ 347, rounded down: the table
/// that ``DecimalParser`` multiplies by (Eisel–Lemire).
///
/// For each q, `high · 2⁶⁴ + low` is the integer in [2¹²⁷, 2¹²⁸) equal to ⌊10^q · 2^s⌋ for the s that
/// puts it there. Since 10^q = 5^q · 2^q, this is 5^q's significand, truncated:
/// ```
/// q ≥ 0:  5^q exactly (big integer, ×5 at a time), its top 128 bits (zeros below when shorter)
/// q < 0:  X_n = ⌊2¹¹⁵² / 5ⁿ⌋ (÷5 at a time: ⌊⌊x/a⌋/b⌋ = ⌊x/(ab)⌋, so no error builds up),
///         its top 128 bits (X_348 ≈ 2¹¹⁵² / 2⁸⁰⁸·⁰³ still has 344 bits)
/// ```
/// Computed exactly, in integers, once per reader rather than written out as 1,392 literals;
/// it takes well under a millisecond. Go's `strconv` and Wuffs use the same table (`detailedPowersOfTen`).
struct PowersOfTen: Sendable {
    /// The smallest and largest q in the table.
    static let range = -348...347

    /// `words[2 (q − lowerBound)]` is the high 64 bits of 10^q's significand, the next the low 64.
    private let words: [UInt64]

    /// The table, computed.
    init() {
        var words = [UInt64](repeating: 0, count: 2 * Self.range.count)
        func store(_ q: Int, _ significand: (high: UInt64, low: UInt64)) {
            words[2 * (q - Self.range.lowerBound)] = significand.high
            words[2 * (q - Self.range.lowerBound) + 1] = significand.low
        }
        var power = BigNatural(1)                   // 5^q
        for q in 0...Self.range.upperBound {
            store(q, power.top128)
            power.multiply(by: 5)
        }
        var quotient = BigNatural(powerOfTwo: 1152)  // ⌊2¹¹⁵² / 5ⁿ⌋
        for n in 1...(-Self.range.lowerBound) {
            quotient.divide(by: 5)
            store(-n, quotient.top128)
        }
        self.words = words
    }

    /// 10^q's significand; q must be in ``range``.
    @inline(__always)
    func significand(_ q: Int) -> (high: UInt64, low: UInt64) {
        let i = 2 * (q - Self.range.lowerBound)
        return (words[i], words[i + 1])
    }
}

/// A natural number as 32-bit limbs, least significant first: just enough arithmetic to build
/// ``PowersOfTen`` exactly.
private struct BigNatural {
    var limbs: [UInt32]

    init(_ value: UInt32) { limbs = [value] }

    init(powerOfTwo k: Int) {
        limbs = [UInt32](repeating: 0, count: k / 32 + 1)
        limbs[k / 32] = 1 << UInt32(k % 32)
    }

    mutating func multiply(by m: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let p = UInt64(limbs[i]) * UInt64(m) + carry
            limbs[i] = UInt32(truncatingIfNeeded: p)
            carry = p >> 32
        }
        if carry > 0 { limbs.append(UInt32(carry)) }
    }

    /// ⌊self / d⌋.
    mutating func divide(by d: UInt32) {
        var remainder: UInt64 = 0
        for i in limbs.indices.reversed() {
            let n = remainder << 32 | UInt64(limbs[i])
            limbs[i] = UInt32(n / UInt64(d))
            remainder = n % UInt64(d)
        }
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
    }

    /// The 128 bits from the leading one down (truncated), shifted up with zeros when fewer.
    var top128: (high: UInt64, low: UInt64) {
        let bitCount = 32 * (limbs.count - 1) + (32 - limbs.last!.leadingZeroBitCount)
        var high: UInt64 = 0, low: UInt64 = 0
        for position in 0..<128 {
            let bit = bitCount - 1 - position      // the bit of self that lands at 127 − position
            let set = bit >= 0 && (limbs[bit / 32] >> UInt32(bit % 32)) & 1 == 1
            if position < 64 { high = high << 1 | (set ? 1 : 0) } else { low = low << 1 | (set ? 1 : 0) }
        }
        return (high, low)
    }
}
