import Foundation
import LossMath
import Testing

/// `gan-losses audit` as a user's CI runs it: exit 0 when the export matches, 1 when it does not
/// (with the diagnosis in words and in JSON), 64 with one line for a malformed file, 1 for one
/// that cannot be read; the penalty audit; the grid; the figure.
@Suite("gan-losses audit")
struct AuditCommandTests {
    /// Writes `files` into a new folder and runs `audit` there.
    static func audit(_ arguments: [String], files: [String: String], written: ((URL) throws -> Void)? = nil) throws -> Tool.Result {
        let folder = try Tool.temporaryFolder("audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let result = try Tool.run(["audit"] + arguments, in: folder)
        try written?(folder)
        return result
    }

    /// The grid's logits with `value` of each, as a CSV with a header.
    static func export(_ value: (Double) -> String, gradient: ((Double) -> String)? = nil) throws -> String {
        let grid = try Tool.run(["audit", "--grid"]).stdout.split(separator: "\n").dropFirst().map { Double($0)! }
        return "logit,loss" + (gradient == nil ? "" : ",grad") + "\n"
            + grid.map { l in "\(l),\(value(l))" + (gradient.map { ",\($0(l))" } ?? "") }.joined(separator: "\n") + "\n"
    }

    @Test("a clean float32 export: exit 0, 'matches'; the same in JSON")
    func clean() throws {
        let csv = try Self.export({ "\(GeneratorLoss.nonsat.evaluate(atLogit: Float($0)).value)" },
                                  gradient: { "\(GeneratorLoss.nonsat.evaluate(atLogit: Float($0)).gradientLogit)" })
        let text = try Self.audit(["--loss", "nonsat", "mine.csv"], files: ["mine.csv": csv])
        #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("float32 (detected from the values)") && text.stdout.contains("result: matches"))
        let json = try Self.audit(["--loss", "nonsat", "--format", "json", "mine.csv"], files: ["mine.csv": csv])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(json.status == 0 && object?["matches"] as? Bool == true && object?["precision"] as? String == "float")
    }

    @Test("naive −log σ(ℓ) in float32: exit 1, probability space, where it breaks, what to write instead")
    func naive() throws {
        let csv = try Self.export { "\(Naive.nonsat(Float($0)))" }
        let r = try Self.audit(["--loss", "nonsat", "mine.csv", "-o", "audit.png"], files: ["mine.csv": csv]) { folder in
            let png = try Data(contentsOf: folder.appendingPathComponent("audit.png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the figure is a PNG")
        }
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("diagnosis, probability space"))
        #expect(r.stdout.contains("wrong at ℓ from −120 to −89 (32 rows): ±∞ from ℓ = −120 to −89"), "\(r.stdout)")
        #expect(r.stdout.contains("write instead: F.softplus(-l)"))
        #expect(r.stderr.isEmpty)
    }

    @Test("TF-GAN's offset and a whole-batch penalty, in JSON: the diagnoses by name")
    func namedDiagnoses() throws {
        let offset = try Self.export { "\(GeneratorLoss.minimax.value(atLogit: $0) - Double.softplus(-1))" }
        let r = try Self.audit(["--loss", "minimax", "--format", "json", "tf.csv"], files: ["tf.csv": offset])
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let group = (object?["groups"] as? [[String: Any]])?.first
        let diagnosis = (group?["loss"] as? [String: Any])?["diagnosis"] as? [String: Any]
        #expect(r.status == 1 && diagnosis?["name"] as? String == "offset")
        #expect(abs((diagnosis?["offset"] as? Double ?? 0) + 0.31326168751822286) < 1e-12)
        // Three samples of two dimensions, norms 1, 5 and 1: per sample λ·mean((g − 1)²) = 10·16/3;
        // over the whole batch ‖G‖ = √27 and λ(√27 − 1)².
        let gradients = "x1,x2\n0.6,0.8\n3,4\n1,0\n"
        let whole = 10 * (27.0.squareRoot() - 1) * (27.0.squareRoot() - 1)
        let wrong = try Self.audit(["--penalty", "wgan-gp", "--value", "\(whole)", "g.csv"], files: ["g.csv": gradients])
        #expect(wrong.status == 1 && wrong.stdout.contains("result: whole-batch norm"), "\(wrong.stdout)\(wrong.stderr)")
        let right = try Self.audit(["--penalty", "wgan-gp", "--value", "\(10.0 * 16 / 3)", "g.csv"], files: ["g.csv": gradients])
        #expect(right.status == 0 && right.stdout.contains("per sample and the batch reduced by its mean"), "\(right.stdout)")
    }

    @Test("--grid: a column of logits from −120 to 120 for float32, −750 to 750 for float64, each exact in float32")
    func grid() throws {
        for (precision, end) in [("float", 120.0), ("double", 750.0)] {
            let lines = try Tool.run(["audit", "--grid", "--precision", precision]).stdout.split(separator: "\n")
            #expect(lines.first == "logit")
            let values = lines.dropFirst().compactMap { Double($0) }
            #expect(values.first == -end && values.last == end && values.contains(0))
            #expect(values.allSatisfy { Double(Float($0)) == $0 })
        }
    }

    @Test("bad input: one line and exit 64; a file that cannot be read: exit 1", arguments: [
        ("logit,value\n1,2\n", "has no column 'loss'", 64),
        ("loss\n1\n", "has no column 'logit' or 'd'", 64),
        ("logit,loss\n1,0.3\n2,x\n", "line 3 of mine.csv: 'x' is not a number", 64),
        ("logit,loss\n1,nan\n", "line 2 of mine.csv: the loss is NaN", 64),
        ("logit,loss\n1,0.3\n2\n", "line 3 of mine.csv has no cell 2", 64),
        ("", "mine.csv is empty", 64),
        ("logit,loss\n", "has a header but no rows", 64),
        ("d,loss\n1.5,0.3\n", "d = 1.5 is not a probability", 64),
    ])
    func badInput(file: String, message: String, status: Int32) throws {
        let r = try Self.audit(["--loss", "nonsat", "mine.csv"], files: ["mine.csv": file])
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stdout.isEmpty)
    }

    @Test("bad options and unreadable files", arguments: [
        (["--loss", "bogus", "mine.csv"], "--loss bogus is not in the catalog", 64),
        (["--loss", "nonsat", "--player", "d", "mine.csv"], "has no column 'label'", 64),
        (["--loss", "nonsat", "missing.csv"], "cannot read missing.csv", 1),
        (["--loss", "nonsat"], "give the CSV file to audit", 64),
        (["--grid", "mine.csv"], "--grid prints logits and reads no file", 64),
        (["--penalty", "wgan-gp", "mine.csv"], "--penalty needs your penalty's value", 64),
        (["--value", "1", "mine.csv"], "--value, --lambda and --gamma go with --penalty", 64),
        (["--loss", "nonsat", "-o", "x.gif", "mine.csv"], "give a file ending in .png, .svg or .pdf", 64),
    ])
    func badOptions(arguments: [String], message: String, status: Int32) throws {
        let r = try Self.audit(arguments, files: ["mine.csv": "logit,loss\n0,0.6931471805599453\n"])
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
