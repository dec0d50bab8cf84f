import Foundation
import Testing

/// The renderer's limits seen from the command line: input that used to crash the tool, or to
/// write a cut image with exit status 0.
@Suite("Rendering limits, end to end")
struct RenderingLimitsTests {
    static func folder() throws -> URL { try Tool.temporaryFolder("limits") }

    @Test("a title nested thousands deep neither crashes nor hangs: drawn flattened, or refused as a usage error", arguments: [
        "$" + String(repeating: "{", count: 27_000) + "x$",
        "$" + String(repeating: "x^{", count: 26_000) + "y$",
    ])
    func deepTitle(title: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // In a child process: a stack overflow would end it (status 11, SIGSEGV), not the tests.
        let r = try Tool.run(["plot", "--loss", "mm", "-o", "t.png", "--title", title], in: dir)
        #expect(r.status == 0 || r.status == 64, "status \(r.status): \(r.stderr.prefix(300))")
        if r.status == 0 {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("t.png").path))
        } else {
            #expect(r.stderr.contains("nests"), "\(r.stderr.prefix(300))")
        }
    }

    @Test("a y range up to the largest Double is a usage error naming the range, in every format", arguments: ["png", "svg", "pdf"])
    func rangeNearOverflow(format: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Tool.run(["plot", "--loss", "mm", "--y-range", "0:1.7976931348623157e308", "-o", "y.\(format)"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.contains("the y range 0.0:1.7976931348623157e+308"), "\(r.stderr)")
        #expect(r.stderr.contains("such as 0:8.1e+307"), "\(r.stderr)")
        #expect(!r.stderr.contains("cairo"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("y.\(format)").path))
    }

    @Test("a range too narrow for its magnitude is a usage error with the width it needs", arguments: [
        ["--y-range", "1:1.000000000000001"], ["--x", "logit", "--x-range", "1e300:1.0000000000001e300"],
    ])
    func rangeTooNarrow(arguments: [String]) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Tool.run(["plot", "--loss", "mm"] + arguments + ["-o", "n.png"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.contains("is too narrow for numbers of its size to be told apart; give one at least"), "\(r.stderr)")
    }

    @Test("the ranges the fuzz test counts as valid still draw", arguments: [
        ["--y-range", "-5:5"], ["--y-range", "-1e300:1e300"], ["--y-range", "0:1"],
        ["--log-y", "--y-range", "1e-12:1"], ["--log-y", "--y-range", "1e-300:1e300"],
        ["--x-range", "1e-300:2e-300"], ["--x-range", "0.999:0.9999999"], ["--x", "logit", "--x-range", "-1e300:1e300"],
        ["--x", "logit", "--x-range", "700:800"], ["--x", "logit", "--x-range", "-800:-700"],
    ])
    func validRanges(arguments: [String]) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Tool.run(["plot", "--loss", "mm,ns"] + arguments + ["-o", "f.png"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
    }
}
