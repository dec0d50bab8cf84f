import Dynamics
import LossFigures
import Foundation
@testable import GanLossesCommands
import Testing

/// The explorer's live training without a socket: the session's messages, the commands that
/// steer it, and its last figure against the command line's.
@Suite("Live training")
struct TrainingSessionTests {
    /// A message's fields (the figure left as text).
    static func fields(_ message: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any])
    }

    /// Every message of `query` with `commands` sent at the start, the stream's commands finished
    /// after `finishAfter` messages (nil: never).
    static func messages(_ query: String, commands: [String] = [], finishAfter: Int? = nil) async -> [String] {
        let (stream, input) = AsyncStream<String>.makeStream()
        for c in commands { input.yield(c) }
        var received: [String] = []
        for await message in TrainingStream.messages(query: query, commands: stream) {
            received.append(message)
            if received.count == finishAfter { input.finish() }
        }
        input.finish()
        return received
    }

    @Test("a run: step 0, then a message every sixtieth of the steps to the last, whose figure is simulate ring's, byte for byte",
          .enabled(if: !CourseFigure.unoptimized, "release only: unoptimized, the ring's snapshots take minutes"))
    func wholeRun() async throws {
        let query = "loss=nonsat,r1&steps=120&seed=3"
        let received = await Self.messages(query)
        let steps = try received.map { try #require(Self.fields($0)["step"] as? Int) }
        #expect(steps == Array(stride(from: 0, through: 120, by: 2)))
        let last = try Self.fields(try #require(received.last))
        #expect(last["done"] as? Bool == true && last["steps"] as? Int == 120)
        #expect(try received.dropLast().allSatisfy { try Self.fields($0)["done"] as? Bool == false })

        // The last figure is the command line's, and the last coverage its CSV's last rows.
        let folder = try Tool.temporaryFolder("training")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["simulate", "ring", "--loss", "nonsat,r1", "--steps", "120", "--seed", "3", "-o", "ring.svg", "--csv", "ring.csv"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: folder.appendingPathComponent("ring.svg"), encoding: .utf8)
        #expect(last["figure"] as? String == svg)
        let csv = try String(contentsOf: folder.appendingPathComponent("ring.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let objectives = try #require(last["objectives"] as? [[String: Any]])
        #expect(objectives.map { $0["id"] as? String } == ["nonsat", "r1"])
        for objective in objectives {
            let row = try #require(csv.last { $0[0] == objective["id"] as? String && $0[1] == "120" })
            #expect(objective["modes"] as? Int == Int(row[2]) && objective["of"] as? Int == 8)
            #expect(objective["share"] as? Double == Double(row[3]))
        }
        // While training, a panel per objective titled with the step.
        let middle = try Self.fields(received[30])
        #expect((middle["figure"] as? String)?.contains("nonsat, 60: ") == true)
    }

    @Test("pause before the start, then step: one stretch each; resume trains to the end; the same messages as an unsteered run",
          .enabled(if: !CourseFigure.unoptimized, "release only: unoptimized, the ring's snapshots take minutes"))
    func steering() async throws {
        let query = "loss=minimax&steps=60"
        let (stream, input) = AsyncStream<String>.makeStream()
        input.yield("pause")
        var iterator = TrainingStream.messages(query: query, commands: stream).makeAsyncIterator()
        let start = try Self.fields(try #require(await iterator.next()))
        #expect(start["step"] as? Int == 0)
        input.yield("step")
        #expect(try Self.fields(try #require(await iterator.next()))["step"] as? Int == 1)
        input.yield("step")
        #expect(try Self.fields(try #require(await iterator.next()))["step"] as? Int == 2)
        input.yield("bogus")  // ignored
        input.yield("resume")
        var rest: [String] = []
        while let m = await iterator.next() { rest.append(m) }
        #expect(try rest.map { try Self.fields($0)["step"] as? Int } == Array(3...60))
        let unsteered = await Self.messages(query)
        let steered = try Self.fields(try #require(rest.last))["figure"] as? String
        let plain = try Self.fields(try #require(unsteered.last))["figure"] as? String
        #expect(steered != nil && steered == plain)
    }

    @Test("the page gone (the commands end): the training stops before its end")
    func pageGone() async throws {
        let received = await Self.messages("loss=wgan-gp&steps=3000", commands: ["pause"], finishAfter: 1)
        #expect(received.count == 1)
        let done = try Self.fields(try #require(received.first))["done"] as? Bool
        #expect(done == false)
    }

    @Test("the commands: pause waits, step trains one stretch, resume trains on, the end stops")
    func control() {
        var c = TrainingStream.Control()
        #expect(c.next(advancing: true) == .train)
        c.apply("pause")
        #expect(c.next(advancing: false) == .train, "the start is sent even when paused")
        #expect(c.next(advancing: true) == .wait)
        c.apply("step"); c.apply("step")
        #expect(c.next(advancing: true) == .train && c.next(advancing: true) == .train && c.next(advancing: true) == .wait)
        c.apply("resume")
        #expect(c.next(advancing: true) == .train)
        c.closed = true
        #expect(c.next(advancing: true) == .stop)
    }

    @Test("a query the command line refuses: one message with its message", arguments: [
        ("loss=bogus", "unknown objective 'bogus'; the objectives are minimax, nonsat, wgan-gp, r1"),
        ("steps=7000", "--steps 7000 is more than 6000 for ring (WGAN-GP's five critic steps take about 10 s at 6000)"),
        ("table", "table: the table of seeds is for the command line: gan-losses simulate ring --table"),
        ("o=ring.svg", "o: the explorer writes no file; the response is the output"),
        ("loss=nonsat&gamma=2", "--gamma applies to the r1 objective, which --loss leaves out"),
        ("help", "--help and --version are for the command line: gan-losses simulate ring --help"),
    ])
    func refusals(query: String, message: String) async throws {
        let received = await Self.messages(query)
        #expect(received.count == 1)
        #expect(try Self.fields(received[0])["error"] as? String == message)
    }

    @Test("/ring.svg is simulate ring's figure",
          .enabled(if: !CourseFigure.unoptimized, "release only: unoptimized, the ring's snapshots take minutes"))
    func ringFigure() throws {
        let folder = try Tool.temporaryFolder("ring-query")
        defer { try? FileManager.default.removeItem(at: folder) }
        let q = try CommandQuery(path: "/ring.png", query: "loss=minimax&steps=40&data=grid")
        let r = try Tool.run(["simulate", "ring"] + q.arguments + ["-o", "r.png"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try q.respond() == Array(try Data(contentsOf: folder.appendingPathComponent("r.png"))))
        #expect(throws: CommandQuery.Refusal(message: "table: the table of seeds is for the command line: gan-losses simulate ring --table")) {
            try CommandQuery(path: "/ring.svg", query: "table").respond()
        }
    }
}
