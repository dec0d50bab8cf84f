import Foundation
import LossMath
import Testing

/// `gan-losses penalty`: gradient penalties over a batch from norms or gradients, the whole-batch
/// mistake beside them, and bad input.
@Suite("gan-losses penalty")
struct PenaltyCLITests {
    /// Writes `files` (name and text) into a new folder.
    static func folder(_ files: [(String, String)]) throws -> URL {
        let folder = try Tool.temporaryFolder("penalty")
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("norms 0.5, 1, 2 with λ = 10: penalties 2.5, 0, 10, slopes −10, 0, 20, ∂P/∂gᵢ a third of them under the mean")
    func perSampleNorms() throws {
        let r = try Tool.run(["penalty", "--norms", "0.5,1,2", "--per-sample", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.first == ["index", "norm", "penalty", "grad_norm", "grad_batch"])
        #expect(Array(rows.dropFirst()) == [["0", "0.5", "2.5", "-10.0", "\(-10.0 / 3)"],
                                            ["1", "1.0", "0.0", "0.0", "0.0"],
                                            ["2", "2.0", "10.0", "20.0", "\(20.0 / 3)"]])
        let sum = try Tool.run(["penalty", "--norms", "0.5,1,2", "--per-sample", "--reduction", "sum", "--format", "csv"])
        #expect(csvRows(sum.stdout)[3] == ["2", "2.0", "10.0", "20.0", "20.0"])
    }

    @Test("the batch: mean 12.5/3, sum 12.5; G = √5.25 and λ(G − 1)² beside it")
    func batchOfNorms() throws {
        let mean = try Tool.run(["penalty", "--norms", "0.5,1,2", "--format", "csv"])
        #expect(mean.status == 0, "\(mean.stderr)")
        let rows = csvRows(mean.stdout)
        #expect(rows.first == ["kind", "samples", "reduction", "penalty", "whole_batch_norm", "whole_batch_penalty"])
        let g = 5.25.squareRoot()
        #expect(rows[1] == ["wgan-gp", "3", "mean", "\(12.5 / 3)", "\(g)", "\(10 * (g - 1) * (g - 1))"])
        let sum = try Tool.run(["penalty", "--norms", "0.5,1,2", "--reduction", "sum", "--format", "csv"])
        #expect(csvRows(sum.stdout)[1][2...3] == ["sum", "12.5"])
    }

    @Test("gradients: four rows of norm 1 give P = 0 per sample, G = 2 and λ(2 − 1)² = 10 for the whole batch; --norms 1,1,1,1 the same")
    func wholeBatchMistake() throws {
        let folder = try Self.folder([("g.csv", "x1,x2,x3\n1,0,0\n0,-1,0\n0,0,1\n-1,0,0\n")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["penalty", "--gradients", "@g.csv", "--format", "csv"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(csvRows(r.stdout)[1] == ["wgan-gp", "4", "mean", "0.0", "2.0", "10.0"])
        let norms = try Tool.run(["penalty", "--norms", "1,1,1,1", "--format", "csv"])
        #expect(norms.stdout == r.stdout)
        // The table explains the mistake.
        let table = try Tool.run(["penalty", "--gradients", "@g.csv"], in: folder)
        #expect(table.stdout.contains("n = 4 samples (gradients of 3 input dimensions)"))
        #expect(table.stdout.contains("For n samples each of norm 1, G = √n, so the penalty pushes each norm toward 1/√n instead of 1."))
        #expect(table.stdout.contains("at interpolates x̂ = εx + (1 − ε)x̃"))
    }

    @Test("gradients streamed: norms per row, no header, CRLF, a last line without newline, huge components without overflow")
    func gradientRows() throws {
        let folder = try Self.folder([("g.csv", "0.6,-0.8\r\n3, 4\n\n1e300,1e300\n5e-324,0")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["penalty", "--kind", "r1", "--gamma", "2", "--gradients", "@g.csv", "--per-sample", "--format", "csv"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.dropFirst().map { $0[1] } == ["1.0", "5.0", "\(1e300 * 2.0.squareRoot())", "5e-324"])
        // (γ/2) g² = g² for γ = 2, from ‖v‖² itself: 1 and 25 exactly, ∞ past the doubles.
        #expect(rows.dropFirst().map { $0[2] } == ["1.0", "25.0", "inf", "0.0"])
    }

    @Test("targets, the one-sided penalty, R1 and R2", arguments: [
        (["--kind", "wgan-gp", "--target", "2", "--norms", "0.5,2,3"], "22.5,0.0,10.0"),
        (["--kind", "one-sided", "--target", "2", "--norms", "0.5,2,3"], "0.0,0.0,10.0"),
        (["--kind", "one-sided", "--lambda", "1", "--norms", "0.5,1,3"], "0.0,0.0,4.0"),
        (["--kind", "r1", "--norms", "0.5,1,2"], "1.25,5.0,20.0"),
        (["--kind", "r2", "--gamma", "1", "--norms", "0.5,1,2"], "0.125,0.5,2.0"),
        (["--kind", "R2", "--gamma", "0", "--norms", "0.5,1,2"], "0.0,0.0,0.0"),
    ])
    func kinds(arguments: [String], penalties: String) throws {
        let r = try Tool.run(["penalty"] + arguments + ["--per-sample", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(csvRows(r.stdout).dropFirst().map { $0[2] }.joined(separator: ",") == penalties)
    }

    @Test("R1's whole batch is the per-sample sum, (γ/2) Σ gᵢ², n times the mean; the note says so")
    func r1WholeBatch() throws {
        let r = try Tool.run(["penalty", "--kind", "r1", "--norms", "0.5,1,2", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(objects[0]["kind"] as? String == "r1")
        #expect(objects[0]["penalty"] as? Double == 8.75)
        #expect(objects[0]["whole_batch_penalty"] as? Double == 26.25)
        let table = try Tool.run(["penalty", "--kind", "r1", "--norms", "0.5,1,2"])
        #expect(table.stdout.contains("the per-sample sum, n times the mean"))
        #expect(table.stdout.contains("at real samples x"))
    }

    @Test("--norms from a CSV column gives what the list gives")
    func normsFromFile() throws {
        let folder = try Self.folder([("n.csv", "step,g\n1,0.5\n2,1\n3,2\n"), ("one.csv", "0.5\n1\n2")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = try Tool.run(["penalty", "--norms", "0.5,1,2", "--format", "csv"])
        for source in ["@n.csv:g", "@one.csv"] {
            let file = try Tool.run(["penalty", "--norms", source, "--format", "csv"], in: folder)
            #expect(file.status == 0, "\(file.stderr)")
            #expect(file.stdout == list.stdout, "\(source)")
        }
    }

    @Test("every example of --help runs")
    func helpExamples() throws {
        let help = try Tool.run(["penalty", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("λ (g − k)²") && help.stdout.contains("(γ/2) g²") && help.stdout.contains("x̂ = εx + (1 − ε)x̃"))
        let examples = help.stdout.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("gan-losses penalty ") }
        #expect(examples.count >= 3 && examples.count <= 7)   // one or two per kind
        let folder = try Self.folder([("norms.csv", "g\n0.5\n1.5\n"), ("gradients.csv", "1,0\n0,2\n"), ("fake.csv", "0.3,0.4\n")])
        defer { try? FileManager.default.removeItem(at: folder) }
        for example in examples {
            let r = try Tool.run(Array(DocsTests.split(example).dropFirst()), in: folder)
            #expect(r.status == 0, "\(example): \(r.stderr)")
            #expect(!r.stdout.isEmpty, "\(example)")
        }
    }

    @Test("dragan is WGAN-GP's function of the norm at its own site; lecam regularizes outputs, one-sided or two-sided")
    func draganAndLeCam() throws {
        let dragan: [[String]] = csvRows(try Tool.run(["penalty", "--kind", "dragan", "--norms", "0.5,1,2", "--format", "csv"]).stdout)
        let wgan: [[String]] = csvRows(try Tool.run(["penalty", "--norms", "0.5,1,2", "--format", "csv"]).stdout)
        #expect(dragan.count == 2 && dragan[1][0] == "dragan")
        let draganValues: [String] = Array(dragan[1].dropFirst()), wganValues: [String] = Array(wgan[1].dropFirst())
        #expect(draganValues == wganValues)
        let text = try Tool.run(["penalty", "--kind", "dragan", "--norms", "1"]).stdout
        #expect(text.contains("perturbed real samples") && text.contains("compare_gan"))
        let base = ["penalty", "--kind", "lecam", "--real-logits", "1.2,0.4,2", "--fake-logits=-1,0.3", "--anchors", "0.8,-0.6", "--format", "csv"]
        let one = csvRows(try Tool.run(base).stdout)
        #expect(one.first == ["kind", "real", "fake", "regularizer", "weighted"])
        let r: Double = try #require(Double(one[1][3])), weighted: Double = try #require(Double(one[1][4]))
        let expected: Double = (3.24 + 1 + 6.76) / 3 + (3.24 + 0.25) / 2
        #expect(abs(r - expected) < 1e-14)
        #expect(abs(weighted - 0.3 * r) < 1e-15)
        let far = ["penalty", "--kind", "lecam", "--real-logits", "1.2,0.4,2", "--fake-logits=-1,0.3", "--anchors=-5,5", "--format", "csv"]
        #expect(Double(csvRows(try Tool.run(far).stdout)[1][3]) == 0)
        #expect((Double(csvRows(try Tool.run(far + ["--two-sided"]).stdout)[1][3]) ?? 0) > 10)
        let rows = csvRows(try Tool.run(base + ["--per-sample"]).stdout)
        #expect(rows.count == 1 + 5 && rows[1][0] == "real" && rows[4][0] == "fake")
        let first: Double = Double(rows[1][3]) ?? 0
        #expect(abs(first - 2 * 1.8 / 3) < 1e-15)
    }

    @Test("bad input: one line, exit 64 (1 for a file that cannot be read), nothing printed", arguments: [
        (["penalty"], "give the per-sample gradient norms with --norms", 64),
        (["penalty", "--norms", "1", "--gradients", "@g.csv"], "either --norms or --gradients, not both", 64),
        (["penalty", "--norms", "0.5,-1"], "--norms: item 2 is -1; a gradient norm is a finite number ≥ 0", 64),
        (["penalty", "--norms", "nan"], "item 1 is nan", 64),
        (["penalty", "--norms", "1,inf"], "item 2 is inf", 64),
        (["penalty", "--norms", "@negative.csv:g", "--per-sample"], "--norms: line 3 of negative.csv is -2", 64),
        (["penalty", "--norms", "@empty.csv"], "has no numbers", 64),
        (["penalty", "--gradients", "@ragged.csv"], "line 3 of ragged.csv has 3 cells where its header (line 1) has 2", 64),
        (["penalty", "--gradients", "@ragged.csv", "--per-sample"], "line 3 of ragged.csv has 3 cells", 64),
        (["penalty", "--gradients", "@text.csv"], "line 2 of text.csv: 'x' is not a number", 64),
        (["penalty", "--gradients", "@nan.csv"], "line 2 of nan.csv, cell 1, is nan", 64),
        (["penalty", "--gradients", "@empty.csv"], "empty.csv has no gradients", 64),
        (["penalty", "--gradients", "@header.csv"], "header.csv has no gradients", 64),
        (["penalty", "--gradients", "g.csv"], "write --gradients @file.csv", 64),
        (["penalty", "--gradients", "@missing.csv"], "cannot read missing.csv", 1),
        (["penalty", "--norms", "@missing.csv"], "cannot read missing.csv", 1),
        (["penalty", "--norms", "1", "--lambda", "-1"], "--lambda -1 must be a finite number ≥ 0", 64),
        (["penalty", "--norms", "1", "--lambda", "inf"], "--lambda inf must be a finite number ≥ 0", 64),
        (["penalty", "--kind", "r1", "--norms", "1", "--gamma", "nan"], "--gamma nan must be a finite number ≥ 0", 64),
        (["penalty", "--kind", "r2", "--norms", "1", "--gamma=-0.5"], "--gamma -0.5 must be a finite number ≥ 0", 64),
        (["penalty", "--norms", "1", "--target", "0"], "--target 0 must be a finite number > 0", 64),
        (["penalty", "--norms", "1", "--target", "-1"], "--target -1 must be a finite number > 0", 64),
        (["penalty", "--norms", "1", "--target", "nan"], "--target nan must be a finite number > 0", 64),
        (["penalty", "--kind", "r1", "--norms", "1", "--lambda", "10"], "--lambda and --target are for wgan-gp, one-sided and dragan", 64),
        (["penalty", "--norms", "1", "--gamma", "10"], "--gamma is the weight of r1 and r2", 64),
        (["penalty", "--kind", "wgan", "--norms", "1"], "Please provide one of 'wgan-gp', 'one-sided', 'r1', 'r2', 'dragan' or 'lecam'", 64),
        (["penalty", "--kind", "lecam", "--norms", "1"], "--kind lecam regularizes the outputs", 64),
        (["penalty", "--kind", "lecam", "--real-logits", "1"], "--kind lecam needs the outputs on both sides", 64),
        (["penalty", "--kind", "lecam", "--real-logits", "1", "--fake-logits", "0"], "--anchors takes two finite numbers", 64),
        (["penalty", "--kind", "lecam", "--real-logits", "1", "--fake-logits", "0", "--anchors", "1,nan"], "--anchors takes two finite numbers", 64),
        (["penalty", "--kind", "lecam", "--real-logits", "1,inf", "--fake-logits", "0", "--anchors", "1,0"], "--real-logits: item 2 is inf", 64),
        (["penalty", "--kind", "dragan", "--norms", "1", "--anchors", "1,0"], "are for --kind lecam", 64),
        (["penalty", "--norms", "1", "--reduction", "max"], "'max' is invalid for '--reduction", 64),
    ])
    func badInput(arguments: [String], message: String, status: Int32) throws {
        let folder = try Self.folder([
            ("g.csv", "1,0\n"), ("negative.csv", "g\n1\n-2\n"), ("empty.csv", ""), ("header.csv", "x1,x2\n"),
            ("ragged.csv", "x1,x2\n1,2\n3,4,5\n"), ("text.csv", "1,2\nx,4\n"), ("nan.csv", "1,2\nnan,4\n"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(arguments, in: folder)
        #expect(r.status == status, "\(arguments): status \(r.status), stderr \(r.stderr)")
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(arguments): \(r.stdout)")
    }
}
