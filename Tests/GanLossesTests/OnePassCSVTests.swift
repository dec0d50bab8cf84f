import Foundation
import Testing

/// `eval --batch` with both sides in one file reads it once; a file named by two different paths
/// is read once per side, as before. Both ways must give the same output, and the same one-line
/// error for the same problem.
@Suite("eval --batch: two columns of one file in one pass")
struct OnePassCSVTests {
    /// Runs `eval --batch` over `real` and `fake` columns of `file`, in one pass (the same path) and
    /// in two (the second path spelled `./file`), and returns both results, messages spelled alike.
    static func bothWays(_ file: String, real: String = "real", fake: String = "fake",
                         options: [String] = ["--loss", "all", "--format", "csv"]) throws -> (one: Tool.Result, two: Tool.Result) {
        let folder = try Tool.temporaryFolder("one-pass")
        defer { try? FileManager.default.removeItem(at: folder) }
        try file.write(to: folder.appendingPathComponent("s.csv"), atomically: true, encoding: .utf8)
        let one = try Tool.run(["eval", "--batch", "--real-logits", "@s.csv:\(real)", "--fake-logits", "@s.csv:\(fake)"] + options, in: folder)
        var two = try Tool.run(["eval", "--batch", "--real-logits", "@s.csv:\(real)", "--fake-logits", "@./s.csv:\(fake)"] + options, in: folder)
        two.stderr = two.stderr.replacingOccurrences(of: "./s.csv", with: "s.csv")
        return (one, two)
    }

    @Test("the same numbers: blanks, CRLF, a header, cells that only strtod reads, blocks and buffers crossed")
    func sameOutput() throws {
        var lines = ["real , fake", "1.2,-1\r", "", " 0.4 ,\t0.3", "inf,-inf", "1e-320,2.5E+3", "12345678901234567890.5,+.5",
                     "nan,0x1p-3", "-0,0", "1.7976931348623157e308,-4.9e-324"]
        // Past 4096 rows (one block) and past 1 MiB (one read).
        for i in 0..<60_000 {
            lines.append(String(format: "%.17g,%.6f", sin(Double(i)) * 7, cos(Double(i)) * 3))
        }
        let file = lines.joined(separator: "\n")   // no newline at the end
        let (one, two) = try Self.bothWays(file)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout && one.stderr == two.stderr)
        #expect(one.stdout.contains("rasgan,L_D"))   // all: every game once (ragan is rasgan)
        // Without the NaN and infinities: finite objectives, still the same.
        let finite = lines.enumerated().filter { ![4, 7].contains($0.offset) }.map(\.element).joined(separator: "\n") + "\n"
        let (oneFinite, twoFinite) = try Self.bothWays(finite, options: ["--loss", "ns,ragan,lssigmoid", "--reduction", "sum"])
        #expect(oneFinite.status == 0, "\(oneFinite.stderr)")
        #expect(oneFinite.stdout == twoFinite.stdout)
        // Both options naming the same column.
        let (oneSame, twoSame) = try Self.bothWays(finite, real: "fake", fake: "fake")
        #expect(oneSame.status == 0 && oneSame.stdout == twoSame.stdout)
    }

    @Test("columns in any order among others, lines with more cells or a CR before the newline")
    func otherColumns() throws {
        var lines = ["id,fake,note,real,extra"]
        // More than a block of rows; short numbers, so that the lists below fit on a command line.
        for i in 0..<5_000 {
            lines.append("\(i), \(Double(i) / 8 - 300) ,n,\(-Double(i) / 4)\(i % 3 == 0 ? ",e" : "")\(i % 5 == 0 ? "\r" : "")")
        }
        let (one, two) = try Self.bothWays(lines.joined(separator: "\n") + "\n")
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let lists = try Tool.run(["eval", "--batch", "--loss", "all", "--format", "csv",
                                  "--real-logits", (0..<5_000).map { String(-Double($0) / 4) }.joined(separator: ","),
                                  "--fake-logits", (0..<5_000).map { String(Double($0) / 8 - 300) }.joined(separator: ",")])
        #expect(one.stdout == lists.stdout)
    }

    @Test("the same error: the real column's first problem, else the generated column's", arguments: [
        ("real,fake\n1,2\n3,x\n4,5\ny,6\n", "--real-logits: line 5 of s.csv: 'y' is not a number"),
        ("real,fake\n1,2\n3,x\n4,5\n", "--fake-logits: line 3 of s.csv: 'x' is not a number"),
        ("real,other\n1,2\nz,3\n", "--real-logits: line 3 of s.csv: 'z' is not a number"),
        ("real,other\n1,2\n3,4\n", "--fake-logits: s.csv has no column 'fake'; its first line has 'real', 'other'"),
        ("other,fake\n1,2\n", "--real-logits: s.csv has no column 'real'"),
        ("real,fake\n1,2\n3\n", "--fake-logits: line 3 of s.csv has no cell 2"),
        ("real,fake\n\n", "--real-logits: s.csv has no numbers in column 'real'"),
        ("", "--real-logits: s.csv has no numbers in column 'real'"),
        ("real,fake\n1,\n", "--fake-logits: line 2 of s.csv: '' is not a number"),
        ("real,fake\n1e,2\n", "--real-logits: line 2 of s.csv: '1e' is not a number"),
        ("real,fake\n1,2\r\r\n", "--fake-logits: line 2 of s.csv: '2\\r' is not a number"),
        ("real,fake\n1\r,2\n", "--real-logits: line 2 of s.csv: '1\\r' is not a number"),
        ("real,fake\n1,2\n3 4,5\n", "--real-logits: line 3 of s.csv: '3 4' is not a number"),
    ])
    func sameError(file: String, message: String) throws {
        let (one, two) = try Self.bothWays(file)
        #expect(one.status == 64, "\(one.stderr)")
        #expect(one.stderr.contains(message), "\(one.stderr)")
        #expect(one.status == two.status && one.stderr == two.stderr && one.stdout == two.stdout)
    }

    @Test("a line over 1 MiB and a file that cannot be read: the real column's option, as before")
    func fileErrors() throws {
        let (long, longTwo) = try Self.bothWays("real,fake\n1,2\n" + String(repeating: "3", count: 1 << 20) + ",4\n")
        #expect(long.status == 64 && long.stderr.contains("--real-logits: line 3 of s.csv is longer than 1 MiB"), "\(long.stderr)")
        #expect(long.stderr == longTwo.stderr)
        let folder = try Tool.temporaryFolder("one-pass-missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try Tool.run(["eval", "--batch", "--loss", "ns", "--real-logits", "@none.csv:real", "--fake-logits", "@none.csv:fake"], in: folder)
        #expect(missing.status == 1 && missing.stderr.contains("--real-logits: cannot read none.csv"), "\(missing.stderr)")
    }
}
