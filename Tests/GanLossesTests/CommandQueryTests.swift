import Dynamics
import Foundation
@testable import GanLossesCommands
import LossMath
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

    /// What `gan-losses arguments` prints on standard output (exit 0 expected).
    static func printed(_ arguments: [String]) throws -> [UInt8] {
        let r = try Tool.run(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return Array(r.stdout.utf8)
    }

    @Test("/dirac.* is simulate dirac's figure, /eval.json eval's JSON, /eigenvalues.csv its table, /distances.* distances'")
    func otherCommands() throws {
        let folder = try Tool.temporaryFolder("command-query")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dirac = try CommandQuery(path: "/dirac.svg", query: "loss=minimax%2Cr1&steps=120&lr=0.2")
        #expect(dirac.arguments == ["--loss=minimax,r1", "--steps=120", "--lr=0.2"])
        let r = try Tool.run(["simulate", "dirac"] + dirac.arguments + ["-o", "d.svg"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try dirac.respond() == Array(try Data(contentsOf: folder.appendingPathComponent("d.svg"))))

        let eval = try CommandQuery(path: "/eval.json", query: "loss=mm,ns,rsgan&logit=-3,0.5&real-logit=1&precision=float")
        #expect(try eval.respond() == Self.printed(["eval"] + eval.arguments + ["--format", "json"]))
        let d = try CommandQuery(path: "/eval.json", query: "player=d&loss=ns&real-logit=2&fake-logit=-1&smoothing=0.9")
        #expect(try d.respond() == Self.printed(["eval"] + d.arguments + ["--format", "json"]))

        let lines = try CommandQuery(path: "/distances.pdf", query: "theta=-0.35")
        let d2 = try Tool.run(["distances"] + lines.arguments + ["-o", "p.pdf"], in: folder)
        #expect(d2.status == 0, "\(d2.stderr)")
        #expect(try lines.respond() == Array(try Data(contentsOf: folder.appendingPathComponent("p.pdf"))))
        let values = try CommandQuery(path: "/distances.json", query: "theta=0.25")
        #expect(try values.respond() == Self.printed(["distances", "--theta=0.25", "--format", "json"]))

        let weighted = try CommandQuery(path: "/dirac.png", query: "loss=r1,wgan-gp&gamma=0.4&lambda=2&schedule=alternating&steps=50")
        let w = try Tool.run(["simulate", "dirac"] + weighted.arguments + ["-o", "w.png"], in: folder)
        #expect(w.status == 0, "\(w.stderr)")
        #expect(try weighted.respond() == Array(try Data(contentsOf: folder.appendingPathComponent("w.png"))))

        let eigen = try CommandQuery(path: "/eigenvalues.csv", query: "loss=minimax,r1-strong&lr=0.25&gamma=4")
        #expect(try eigen.respond() == Self.printed(["simulate", "dirac", "--eigenvalues"] + eigen.arguments))
        #expect(eigen.endpoint.contentType == "text/csv; charset=utf-8")
    }

    @Test("what a request may not ask: files, another format, help, a table from a figure")
    func refusals() throws {
        let cases: [(String, String, String)] = [
            ("/eval.json", "loss=ns&logit=1&format=csv", "format: the values are JSON (--format json)"),
            ("/eval.json", "batch&loss=ns&real-logits=@/etc/passwd&fake-logits=1", "--real-logits=@/etc/passwd: the explorer reads no file; give the numbers"),
            ("/dirac.svg", "eigenvalues", "eigenvalues: the eigenvalues are a table: ask for /eigenvalues.csv"),
            ("/figure.svg", "loss=ns&help", "--help and --version are for the command line: gan-losses plot --help"),
            ("/dirac.png", "loss=r1&csv=x.csv", "csv: the explorer writes no file; the response is the output"),
            ("/dirac.svg", "loss=r1&seed=3", "--seed does not apply to dirac, which has no randomness"),
        ]
        for (path, query, message) in cases {
            let refusal = #expect(throws: CommandQuery.Refusal.self) { try CommandQuery(path: path, query: query).respond() }
            #expect(refusal?.message == message, "\(path)?\(query)")
        }
    }
}

/// The explorer's answers to whole requests, before any socket: the page, the limits, the statuses.
@Suite("Explorer routes")
struct ExplorerRoutesTests {
    @Test("/ is the page: under 50 KB, HTML, nothing loaded from elsewhere, the catalog written in")
    func page() throws {
        let r = ExplorerRoutes.respond(method: "GET", target: "/", bodyLength: 0)
        #expect(r.status == 200 && r.contentType == "text/html; charset=utf-8")
        #expect(r.body.count < 50_000, "\(r.body.count) bytes")
        let html = String(decoding: r.body, as: UTF8.self)
        #expect(html.hasPrefix("<!doctype html>"))
        for external in ["src=\"http", "href=\"http", "@import", "url(http", "//cdn"] {
            #expect(!html.contains(external), "\(external)")
        }
        #expect(!html.contains("/*CATALOG*/") && !html.contains("/*SCRIPT*/") && !html.contains("/*STYLE*/"))
        for loss in GeneratorLoss.allCases where loss != .ragan { #expect(html.contains("\"id\": \"\(loss.id)\"")) }
        for game in DiracGAN.Game.allCases { #expect(html.contains("\"id\": \"\(game.rawValue)\"")) }
        for objective in RingGAN.Objective.allCases { #expect(html.contains("\"id\": \"\(objective.rawValue)\"")) }
    }

    @Test("the statuses: 200, 400 with the CLI's line, 404, 405, 413, 414, and 426 for the training's WebSocket asked for without one")
    func statuses() {
        let figure = ExplorerRoutes.respond(method: "GET", target: "/figure.pdf?loss=ns&width=3.3&height=2.5", bodyLength: 0)
        #expect(figure.status == 200 && figure.contentType == "application/pdf" && figure.body.starts(with: Array("%PDF".utf8)))
        let bad = ExplorerRoutes.respond(method: "GET", target: "/figure.svg?loss=ns&dpi=5", bodyLength: 0)
        #expect(bad.status == 400 && String(decoding: bad.body, as: UTF8.self) == "--dpi 5.0 is outside 10 to 1200\n")
        #expect(ExplorerRoutes.respond(method: "GET", target: "/etc/passwd", bodyLength: 0).status == 404)
        #expect(ExplorerRoutes.respond(method: "GET", target: "/figure.gif?loss=ns", bodyLength: 0).status == 404)
        let post = ExplorerRoutes.respond(method: "POST", target: "/figure.svg", bodyLength: 0)
        #expect(post.status == 405 && post.headers["Allow"] == "GET, HEAD")
        #expect(ExplorerRoutes.respond(method: "GET", target: "/figure.svg?loss=ns", bodyLength: 10).status == 413)
        let socket = ExplorerRoutes.respond(method: "GET", target: "/training?loss=nonsat", bodyLength: 0)
        #expect(socket.status == 426 && socket.headers["Upgrade"] == "websocket")
        #expect(String(decoding: socket.body, as: UTF8.self) == "/training is a WebSocket: the explorer's Training view opens it; the figure at the end is /ring.svg\n")
        let long = "/figure.svg?loss=ns&title=" + String(repeating: "a", count: ExplorerRoutes.maximumTargetLength)
        #expect(ExplorerRoutes.respond(method: "GET", target: long, bodyLength: 0).status == 414)
    }

    /// A query of `count` parameters drawn from plot's options, each with one of its own values
    /// (good ones and bad ones), and one time in six with any value at all: empty, huge,
    /// non-finite, escaped, not UTF-8. Flags come without a value.
    static func randomQuery(_ rng: inout SeededGenerator, count: Int) -> String {
        let options: [String: [String]] = [
            "loss": ["ns", "mm,ns", "all", "wgan,hinge", "rsgan", "lsgan", "minmax", "ns,,mm"],
            "player": ["g", "d", "x"], "x": ["d", "logit", "log-d", "logit-d", "q"], "y": ["loss", "grad", "grad-d", "both", "z"],
            "x-range": ["-10:10", "0.01:0.99", "1:0", "0:1e308", "-inf:0"], "y-range": ["-1:1", "1e-3:10", "2:2"],
            "y-scale": ["linear", "log", "symlog", "ln"], "legend": ["best", "outside", "none", "lower-left", "up"],
            "color": ["black,#CC3311", "red", ",blue", "#GGG"], "dash": ["solid,dotted", "dense-dot", "wavy"],
            "theme": ["paper", "slides", "slides-wide", "poster"], "dpi": ["72", "150", "5", "1e9"],
            "real-logit": ["0", "2", "-3.5", "1,2", "nan"], "ls-target": ["1", "0.5", "-1e308"], "ls-targets": ["0,1", "-1,1", "3"],
            "margin": ["1", "0", "20"], "smoothing": ["0.9", "tfgan:0.25", "torchgan:0.1", "1.5", "keras:0.1"],
            "font": ["sans", "serif", "comic"], "svg-text": ["text", "outlines"], "title": ["Gradients", "$\\partial L/\\partial\\ell$", "$\\frac{"],
            "x-label": ["$D$", "logit"], "nonsense": ["1"], "o": ["x.svg"], "": ["1"], "%ZZ": ["1"],
        ]
        let flags = ["grid", "log-y", "help", "version"]
        let anything = ["", "nan", "inf", "-0", "1e-320", "%CE%BB", "%FF", "%2C%2C", String(repeating: "9", count: 400)]
        return (0..<count).map { _ in
            if Int.random(in: 0..<8, using: &rng) == 0 { return flags.randomElement(using: &rng)! }
            let (name, values) = options.randomElement(using: &rng)!
            let value = Int.random(in: 0..<6, using: &rng) == 0 ? anything.randomElement(using: &rng)! : values.randomElement(using: &rng)!
            return name + "=" + value
        }.joined(separator: "&")
    }

    @Test("fuzz: 300 random queries of the plot options each get 200 with an SVG or 400 with one line")
    func fuzz() {
        var rng = SeededGenerator(seed: 17)
        var counts = [Int: Int]()
        for _ in 0..<300 {
            let query = Self.randomQuery(&rng, count: Int.random(in: 1...3, using: &rng))
            // Small figures, so that the accepted ones draw quickly.
            let r = ExplorerRoutes.respond(method: "GET", target: "/figure.svg?loss=mm,ns&width=3.3&height=2.5&" + query, bodyLength: 0)
            counts[r.status, default: 0] += 1
            switch r.status {
            case 200:
                #expect(r.body.starts(with: Array("<?xml".utf8)), "\(query)")
            case 400:
                let text = String(decoding: r.body, as: UTF8.self)
                #expect(text.hasSuffix("\n") && text.dropLast().allSatisfy { $0 != "\n" } && text.count > 5, "\(query): \(text)")
            default:
                Issue.record("\(query): status \(r.status)")
            }
        }
        #expect(counts[200, default: 0] > 30 && counts[400, default: 0] > 100, "\(counts)")
        print("explorer fuzz: \(counts.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", "))")
    }
}
