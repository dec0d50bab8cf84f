import Foundation
import LossMath
import Testing

@Suite("gan-losses eval")
struct EvalCLITests {
    @Test("CSV: the exact header, one row per loss and point in order, shortest round-trip numbers")
    func csv() throws {
        let r = try Tool.run(["eval", "--loss", "minimax,lsgan", "--logit", "-745,-40,0,40", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.first == ["loss", "logit", "d", "value", "grad_logit", "grad_d"])
        #expect(rows.count == 9)
        #expect(rows.dropFirst().map { $0[0] } == Array(repeating: "minimax", count: 4) + Array(repeating: "lsgan", count: 4))
        #expect(rows.dropFirst().map { $0[1] } == ["-745.0", "-40.0", "0.0", "40.0", "-745.0", "-40.0", "0.0", "40.0"])
        #expect(rows[1] == ["minimax", "-745.0", "5e-324", "-5e-324", "-5e-324", "-1.0"])
        #expect(rows[5][5] == "", "grad_d is empty where D-space does not apply")
        // Every number parses back to what LossMath computes, bit for bit.
        for row in rows.dropFirst() {
            let loss = try #require(GeneratorLoss(id: row[0]))
            let e = loss.evaluate(atLogit: try #require(Double(row[1])))
            #expect(Double(row[3]) == e.value)
            #expect(Double(row[4]) == e.gradientLogit)
            #expect(row[5].isEmpty ? e.gradientD == nil : Double(row[5]) == e.gradientD)
        }
    }

    @Test("--form naive: the textbook formulas' values, where they break in Float, and only where they exist")
    func naiveForm() throws {
        let r = try Tool.run(["eval", "--loss", "mm,ns", "--logit=-100,20", "--precision", "float", "--form", "naive", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout).dropFirst().map { [$0[0], $0[1], $0[3], $0[4]] }
        // log(1 − σ(20)) is −∞ (1 − σ rounds to 0), log(1 − σ(−100)) is 0 (the true −3.8e−44 is lost),
        // −log σ(−100) is +∞ (σ flushes to 0), −log σ(20) is −0; no derivatives.
        #expect(rows == [["minimax", "-100.0", "0.0", ""], ["minimax", "20.0", "-inf", ""],
                         ["nonsat", "-100.0", "inf", ""], ["nonsat", "20.0", "-0.0", ""]], "\(rows)")
        for (arguments, message) in [(["--loss", "wgan", "--logit", "1"], "wgan has none here"),
                                     (["--loss", "mm", "--d", "0.5"], "give --logit"),
                                     (["--player", "d", "--loss", "mm", "--fake-logit", "1"], "give --logit")] {
            let bad = try Tool.run(["eval", "--form", "naive"] + arguments)
            #expect(bad.status == 64 && bad.stderr.contains(message) && bad.stderr.split(separator: "\n").count == 1, "\(bad.stderr)")
        }
    }

    @Test("negative numbers parse as values", arguments: [["--logit", "-1"], ["--logit=-1"], ["--logit", "-1e0"]])
    func negativeNumbers(arguments: [String]) throws {
        let r = try Tool.run(["eval", "--loss", "nonsat", "--format", "csv"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(csvRows(r.stdout)[1][1] == "-1.0")
    }

    @Test("--d converts with a stable logit; D = 0 and 1 give the limits")
    func dInput() throws {
        let r = try Tool.run(["eval", "--loss", "mm,ns", "--d", "0,1e-300,0.5,1", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows[1] == ["minimax", "-inf", "0.0", "-0.0", "-0.0", "-1.0"])
        #expect(rows[2] == ["minimax", "-690.7755278982137", "1e-300", "-1e-300", "-1e-300", "-1.0"])
        #expect(rows[5] == ["nonsat", "-inf", "0.0", "inf", "-1.0", "-inf"])
        #expect(rows[6][4] == "-1.0")
    }

    @Test("--precision float computes in Float and prints Float's shortest form")
    func float() throws {
        let r = try Tool.run(["eval", "--loss", "minimax", "--logit", "0.1", "--precision", "float", "--format", "csv"])
        #expect(r.status == 0)
        let row = csvRows(r.stdout)[1]
        #expect(row[1] == "0.1")
        #expect(Float(row[4]) == GeneratorLoss.minimax.evaluate(atLogit: Float(0.1)).gradientLogit)
    }

    @Test("JSON is an array of objects; non-finite numbers are strings; absent ∂L/∂D is null")
    func json() throws {
        let r = try Tool.run(["eval", "--loss", "nonsat,wgan", "--logit", "-inf,2", "--format", "json"])
        #expect(r.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == 4)
        #expect(objects[0]["value"] as? String == "inf")
        // Foundation's JSON number parsing is not correctly rounded on Linux: check the text.
        let g = GeneratorLoss.nonsat.gradientLogit(atLogit: 2)
        #expect(r.stdout.contains("\"grad_logit\": \(g)"))
        #expect(abs((objects[1]["grad_logit"] as? Double ?? 0) - g) < 1e-15)
        #expect(objects[3]["grad_d"] is NSNull)
    }

    @Test("--real-logit and --ls-target reach the losses that use them")
    func parameters() throws {
        let r = try Tool.run(["eval", "--loss", "ragan,lsgan", "--logit", "0", "--real-logit", "-2", "--ls-target", "-1", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(Double(rows[1][3]) == 2 * Double.softplus(-2.0))
        #expect(rows[2][3] == "0.5" && rows[2][4] == "1.0")
    }

    @Test("bad input: one clear line, exit 64", arguments: [
        (["eval", "--loss", "minmax", "--logit", "0"], "unknown loss 'minmax'; valid ids: minimax, nonsat"),
        (["eval", "--loss", "", "--logit", "0"], "the loss list is empty"),
        (["eval", "--loss", "mm,,ns", "--logit", "0"], "unknown loss an empty name"),
        (["eval", "--loss", "mm", "--d", "1.5"], "--d 1.5 is outside [0, 1]"),
        (["eval", "--loss", "mm", "--d", "-0.1"], "--d -0.1 is outside [0, 1]"),
        (["eval", "--loss", "mm", "--d", "nan"], "--d nan is outside [0, 1]"),
        (["eval", "--loss", "mm", "--logit", "1,,2"], "has an empty item"),
        (["eval", "--loss", "mm", "--logit", ""], "needs at least one number"),
        (["eval", "--loss", "mm", "--logit", "1e"], "'1e' in --logit is not a number"),
        (["eval", "--loss", "mm", "--logit", "0x"], "is not a number"),
        (["eval", "--loss", "mm"], "give the points with --logit"),
        (["eval", "--loss", "mm", "--logit", "0", "--d", "0.5"], "either --logit or --d"),
        (["eval", "--loss", "mm", "--logit", "0", "--format", "xml"], "format"),
        (["eval", "--loss", "mm", "--logit", "0", "--real-logit", "abc"], "'abc' in --real-logit is not a number"),
        (["check", "--points", "2"], "--points 2 is out of range"),
        (["check", "--loss", "bce"], "unknown loss 'bce'"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let r = try Tool.run(arguments)
        #expect(r.status == 64, "\(arguments): status \(r.status), stderr \(r.stderr)")
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}

@Suite("gan-losses list and check")
struct ListCheckCLITests {
    @Test("list --format csv: every loss with its aliases, formulas and limits")
    func listCSV() throws {
        let r = try Tool.run(["list", "--format", "csv"])
        #expect(r.status == 0)
        let rows = csvRows(r.stdout)
        #expect(rows.first?.first == "id")
        #expect(rows.dropFirst().map(\.first) == GeneratorLoss.allCases.map(\.id))
        #expect(r.stdout.contains("−σ(ℓ)") && r.stdout.contains("vanishes"))
    }

    @Test("one scale for the generator costs: no ½ in front of any, said by list and held by the catalog")
    func oneScale() throws {
        let r = try Tool.run(["list"])
        #expect(r.status == 0 && r.stdout.contains("One scale: no cost carries a factor ½"))
        // At D = ½ (ℓ = 0) the tutorial's costs −½ log D, ½ log(1 − D) and −½e^ℓ have slopes ∂/∂ℓ of
        // −¼, −¼ and −½; without their ½, twice that, all three alike.
        #expect(GeneratorLoss.nonsat.gradientLogit(atLogit: 0) == -0.5)
        #expect(GeneratorLoss.minimax.gradientLogit(atLogit: 0) == -0.5)
        #expect(GeneratorLoss.maxlik.gradientLogit(atLogit: 0) == -1)
        #expect(GeneratorLoss.maxlik.value(atLogit: 0) == -1 && GeneratorLoss.maxlik.gradientD(atLogit: 0) == -4)
    }

    @Test("list --format json parses")
    func listJSON() throws {
        let r = try Tool.run(["list", "--format", "json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == GeneratorLoss.allCases.count)
        #expect(objects[0]["grad_logit"] as? String == "−σ(ℓ)")
    }

    @Test("check passes and says so")
    func check() throws {
        let r = try Tool.run(["check", "--points", "500"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("comparisons within tolerance"))
        #expect(r.stdout.contains("closed form vs reference") && r.stdout.contains("autodiff vs reference"))
    }

    @Test("check --accuracy: one row per loss, quantity and type, every one within 1 ULP")
    func accuracyTable() throws {
        let r = try Tool.run(["check", "--accuracy", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.first == ["loss", "quantity", "type", "points", "max_ulp", "correctly_rounded", "ok"])
        // 42 generator quantities (20 of the classic eight, 2 for each of f-GAN's six, of the
        // four relativistic games and of ebgan) and 57 discriminator ones (17 losses; 5
        // quantities where D exists, else 3; rasgan shares ragan's), in two types.
        let generator = rows.dropFirst().filter { !$0[0].hasPrefix("d:") }
        let discriminator = rows.dropFirst().filter { $0[0].hasPrefix("d:") }
        #expect(generator.count == 2 * 42 && discriminator.count == 2 * 57)
        #expect(Set(rows.dropFirst().map { $0[2] }) == ["Double", "Float"])
        #expect(generator.allSatisfy { (Int($0[3]) ?? 0) > 20_000 && (Double($0[4]) ?? 9) < 1 })
        #expect(generator.allSatisfy { (Double($0[5]) ?? 0) > 0.98 && $0[6] == "ok" })
        #expect(discriminator.allSatisfy { (Int($0[3]) ?? 0) > 8_000 && (Double($0[4]) ?? 9) < 1 && $0[6] == "ok" })
        // Smoothed BCE's real derivatives cancel near ℓ*: held to 1 ULP of t there, so fewer are correctly rounded.
        #expect(discriminator.allSatisfy { (Double($0[5]) ?? 0) > ($0[0] == "d:bce-smoothed" ? 0.95 : 0.98) })
    }

    @Test("--help teaches: subcommands and examples", arguments: [["--help"], ["eval", "--help"], ["check", "--help"]])
    func help(arguments: [String]) throws {
        let r = try Tool.run(arguments)
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE"))
    }
}
