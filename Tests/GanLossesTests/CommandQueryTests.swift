import Foundation
@testable import gan_losses
import Testing

/// The explorer's `/figure.svg|png|pdf?…`: the same bytes as `gan-losses plot` with the same
/// options, and the command line's message for a bad one.
@Suite("Command queries: figures, values and tables by URL")
struct CommandQueryTests {
    /// `plot`'s bytes for `arguments`, written with -o into a fresh folder.
    static func plotted(_ arguments: [String], format: String) throws -> [UInt8] {
        let folder = try Tool.temporaryFolder("figure-query")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["plot"] + arguments + ["-o", "f." + format], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        return Array(try Data(contentsOf: folder.appendingPathComponent("f." + format)))
    }

    @Test("a query's bytes are plot's, in every format", arguments: [
        ("svg", "loss=minimax,nonsat&y=grad&x=logit&width=3.3&height=2.5",
         ["--loss=minimax,nonsat", "--y=grad", "--x=logit", "--width=3.3", "--height=2.5"]),
        ("png", "loss=ns&x=logit&x-range=-8:8&grid&dpi=100", ["--loss=ns", "--x=logit", "--x-range=-8:8", "--grid", "--dpi=100"]),
        ("pdf", "loss=rsgan%2Cralsgan&x=logit&real-logit=1&theme=slides", ["--loss=rsgan,ralsgan", "--x=logit", "--real-logit=1", "--theme=slides"]),
        ("svg", "loss=hinge&player=d&x=logit&title=Hinge+halves", ["--loss=hinge", "--player=d", "--x=logit", "--title=Hinge halves"]),
    ])
    func sameBytes(format: String, query: String, arguments: [String]) throws {
        let q = try CommandQuery(path: "/figure." + format, query: query)
        #expect(q.arguments == arguments)
        #expect(try q.respond() == Self.plotted(arguments, format: format))
    }

    @Test("a bad parameter is refused with the command line's message", arguments: [
        "loss=minmax", "loss=ns&x=d&x-range=2:3", "loss=wgan&x=d", "loss=ns&width=0", "loss=ns&colour=red", "loss=ns&y=loss&y-range=1:0",
    ])
    func refusal(query: String) throws {
        let q = try CommandQuery(path: "/figure.svg", query: query)
        let refusal = try #require(throws: CommandQuery.Refusal.self) { try q.respond() }
        let folder = try Tool.temporaryFolder("figure-query")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try Tool.run(["plot"] + q.arguments + ["-o", "f.svg"], in: folder)
        #expect(cli.status == 64)
        #expect("Error: " + refusal.message + "\n" == cli.stderr)
    }

    @Test("no file, no other path, and well-formed parameters only")
    func requests() throws {
        #expect(throws: CommandQuery.Refusal.self) { try CommandQuery(path: "/figure.svg", query: "loss=ns&o=/tmp/x.svg") }
        #expect(throws: CommandQuery.Refusal.self) { try CommandQuery(path: "/figure.svg", query: "loss=ns&output=x.svg") }
        #expect(throws: CommandQuery.Refusal.self) { try CommandQuery(path: "/figure.gif", query: "loss=ns") }
        #expect(throws: CommandQuery.Refusal.self) { try CommandQuery(path: "/etc/passwd", query: "") }
        #expect(throws: CommandQuery.Refusal.self) { try CommandQuery(path: "/figure.svg", query: "loss=%zz") }
        #expect(throws: CommandQuery.Refusal.self) { try CommandQuery(path: "/figure.svg", query: "lo ss=ns") }
        #expect(try CommandQuery(path: "/figure.svg", query: "loss=ns&&log-y").arguments == ["--loss=ns", "--log-y"])
        #expect(CommandQuery.decoded("a%2Cb+c%CE%BB") == "a,b cλ")
        #expect(CommandQuery.decoded("%FF") == nil)
    }
}
