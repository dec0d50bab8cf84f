import Glibc
import LossMath
import Testing
@testable import GanLossesCommands

/// The fast decimal parser against `strtod`: the same bits for every text it accepts, and it
/// accepts the common forms (what `%.17g` and short decimals print).
@Suite("Decimal parsing without strtod")
struct DecimalParserTests {
    static let parser = DecimalParser()

    /// `strtod`'s double for `text`, and whether it used all of it.
    static func strtodValue(_ text: String) -> (value: Double, whole: Bool) {
        text.withCString { c in
            var end: UnsafeMutablePointer<CChar>? = nil
            let x = strtod(c, &end)
            return (x, end == UnsafeMutablePointer(mutating: c) + strlen(c))
        }
    }

    /// The fast parser's double for the whole of `text`, or nil (strtod's case).
    static func fastValue(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { b in
            parser.parse(UnsafePointer(b.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!), count: b.count)
        }
    }

    /// Checks `text` and says whether the fast parser decided it.
    @discardableResult
    static func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let fast = fastValue(text) else { return false }
        let reference = strtodValue(text)
        #expect(reference.whole, "accepted '\(text)', which strtod does not read whole", sourceLocation: sourceLocation)
        #expect(fast.bitPattern == reference.value.bitPattern,
                "'\(text)': \(fast) (\(String(fast.bitPattern, radix: 16))) but strtod \(reference.value)", sourceLocation: sourceLocation)
        return true
    }

    /// `printf`'s text for `x` in `format` (one double).
    static func printed(_ format: String, _ x: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        _ = withVaList([x]) { vsnprintf(&buffer, 512, format, $0) }
        return String(cString: buffer)
    }

    @Test("edge cases: zeros, the extremes, ties, the forms strtod reads and the ones it leaves")
    func edgeCases() {
        let decided = [
            "0", "-0", "+0", "0.0", "-0.0", "0e0", "-0e-999", "0.000", "00", "1", "-1", "0.1", "-0.1", ".5", "5.", "-.5e1",
            "1e308", "1.7976931348623157e308", "-1.7976931348623157E+308", "2.2250738585072014e-308",
            "1e22", "1e21", "9007199254740992", "9007199254740995", "123456789012345678", "1234567890123456789",
            "9999999999999999999",
            "0.30000000000000004", "1.5e00000000000000000000000010", "000000000000000000000012.5",
            "0.0000000000000000000000000001234567890123456789", "-1.6751007182641193", "0.488239", "3.141592653589793",
            "1e-300", "1e-307", "123e-20", "8.98846567431158e307", "4.4501477170144023e-308",
        ]
        for text in decided {
            #expect(Self.check(text), "'\(text)' is of the simple form and should be decided fast")
        }
        // Long runs of digits offset by exponents beyond any double's: 1, 0.1 and 10.
        let zeros = String(repeating: "0", count: 100_000)
        for text in ["0.\(zeros)1e100001", "0.\(zeros)1e100000", "1\(zeros)e-99999", "0.\(zeros)1e99999999999"] {
            Self.check(text)
        }
        #expect(Self.fastValue("0.\(zeros)1e100000") == 0.1)
        // Exact ties between two doubles (10²³ = 2²³ · 5²³ with 5²³ odd of 54 bits is one): decided
        // (to even) or left to strtod, never wrong.
        for text in ["1e23", "9007199254740993", "-9007199254740993", "18014398509481986", "18014398509481990", "4503599627370496.5"] {
            Self.check(text)
        }
        // Not decided here, strtod's: subnormal, infinite, too many digits, other forms, malformed.
        let left = [
            "4.9e-324", "5e-324", "2.4703282292062327e-324", "1e-320", "2.2250738585072009e-308",
            "2.2250738585072011e-308", "1e309", "1.8e308", "1e400",
            "12345678901234567890", "1.2345678901234567890", "inf", "-inf", "nan", "NaN", "infinity", "0x1p3", "1e", "1e+", "e5",
            "", ".", "-", "+", "1.2.3", " 1", "1 ", "1,5", "--1", "1e5.5", "1d5", "١",
        ]
        for text in left {
            #expect(Self.fastValue(text) == nil, "'\(text)' should be left to strtod")
        }
    }

    @Test("a prefix: the number before a comma or blanks, and its length")
    func prefix() {
        for (text, value, length) in [("1.5,2", 1.5, 3), ("-2e3 ,x", -2000.0, 4), ("7\t", 7.0, 1), ("0.25", 0.25, 4)] {
            let bytes = Array(text.utf8)
            let number = bytes.withUnsafeBufferPointer { Self.parser.parsePrefix($0.baseAddress!, count: $0.count) }
            #expect(number?.value == value && number?.length == length, "\(text)")
        }
    }

    /// Random doubles of every exponent printed by printf in shortest-round-trip and shorter forms.
    @Test("random doubles as printf prints them: the same bits as strtod", arguments: 0..<4)
    func printedDoubles(shard: UInt64) {
        var rng = SeededGenerator(seed: 0xDEC1 &+ shard)
        var decided = 0, total = 0
        let formats = ["%.17g", "%.16g", "%.15g", "%.6f", "%.9e", "%.3g", "%.19g", "%.1e"]
        for _ in 0..<60_000 {
            // Any finite double: random bits; and logits as a normal sample would give them.
            let bits = Double(bitPattern: rng.next())
            let logit = rng.standardNormal() * [1, 10, 1e-3, 1e6][Int(rng.next() % 4)]
            for x in [bits, logit] where x.isFinite {
                for format in formats {
                    total += 1
                    if Self.check(Self.printed(format, x)) { decided += 1 }
                }
            }
        }
        // Nearly all are of the simple form and decided fast (the rest: subnormals, 19+ digits).
        #expect(Double(decided) > 0.8 * Double(total), "\(decided) of \(total) decided fast")
    }

    /// Random digit strings: signs, leading zeros, points anywhere, 1 to 22 digits, exponents
    /// over the whole range of doubles and beyond.
    @Test("random decimal texts: the same bits as strtod", arguments: 0..<4)
    func randomTexts(shard: UInt64) {
        var rng = SeededGenerator(seed: 0x5EED &+ shard)
        var decided = 0
        let total = 250_000
        for _ in 0..<total {
            var text = ["", "-", "+"][Int(rng.next() % 3)]
            if rng.next() % 4 == 0 { text += String(repeating: "0", count: Int(rng.next() % 5)) }
            let digits = 1 + Int(rng.next() % 22)
            let point = Int(rng.next() % UInt64(digits + 2))   // digits + 1: no point
            for k in 0..<digits {
                if k == point { text += "." }
                text += String(rng.next() % 10)
            }
            if point == digits { text += "." }
            if rng.next() % 3 != 0 {
                text += ["e", "E", "e-", "e+", "E-"][Int(rng.next() % 5)]
                text += String(rng.next() % [3, 25, 330, 400][Int(rng.next() % 4)])
            }
            if Self.check(text) { decided += 1 }
        }
        #expect(decided > total / 2, "\(decided) of \(total) decided fast")
    }

    /// Exact ties between two doubles, (2m + 1) · 2^(j−1) with m of 53 bits, whose decimals have at
    /// most 19 digits: round half to even, the case Eisel–Lemire must refuse or get right.
    @Test("ties between two doubles round to even, as strtod")
    func ties() {
        var rng = SeededGenerator(seed: 0x7135)
        var decided = 0
        for _ in 0..<100_000 {
            let m = (UInt64(1) << 52) | (rng.next() >> 12)
            let odd = 2 * m + 1                           // 54 bits
            let j = Int(rng.next() % 14) - 4             // the tie is odd · 2^(j − 1)
            let text: String
            if j >= 1 {
                text = String(odd << UInt64(j - 1))         // an integer below 2⁶⁴ (≤ 20 digits)
            } else {
                // odd / 2^(1−j) = odd · 5^(1−j) / 10^(1−j)
                var five: UInt64 = 1
                for _ in 0..<(1 - j) { five *= 5 }
                let scaled = odd.multipliedReportingOverflow(by: five)
                guard !scaled.overflow else { continue }
                text = String(scaled.partialValue) + "e-\(1 - j)"
            }
            if Self.check(text) { decided += 1 }
            if Self.check("-" + text) { decided += 1 }
        }
        // Those that round up to an even neighbour are decided; the others are strtod's.
        #expect(decided > 50_000, "\(decided) decided")
    }
}
