import Foundation
import LossFigures
import LossMath
import Testing

/// The transcripts in README.md and docs/*.md: every `$ gan-losses …` line still runs and still
/// prints what the page shows (tools/update_docs.py rewrites them after a deliberate change).
@Suite("Documentation transcripts")
struct DocsTests {
    struct Transcript: CustomTestStringConvertible, Sendable {
        var file: String
        var command: String
        var expected: [String]
        var testDescription: String { "\(file): \(command)" }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The pages: README.md and docs/*.md, each as its lines.
    static let pages: [(file: String, lines: [String])] = {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        let files = ["README.md"] + docs.filter({ $0.hasSuffix(".md") }).sorted().map({ "docs/\($0)" })
        return files.compactMap { file in
            (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)).map { (file, $0.components(separatedBy: "\n")) }
        }
    }()

    static let transcripts: [Transcript] = {
        var result: [Transcript] = []
        for (file, lines) in pages {
            var i = 0
            while i < lines.count {
                defer { i += 1 }
                guard lines[i].hasPrefix("```"), i + 1 < lines.count, lines[i + 1].hasPrefix("$ gan-losses") else { continue }
                i += 1
                while i < lines.count, !lines[i].hasPrefix("```") {
                    let command = String(lines[i].dropFirst(2))
                    var expected: [String] = []
                    i += 1
                    while i < lines.count, !lines[i].hasPrefix("```"), !lines[i].hasPrefix("$ ") {
                        expected.append(lines[i]); i += 1
                    }
                    result.append(Transcript(file: file, command: command, expected: expected))
                }
            }
        }
        return result
    }()

    /// The generated Markdown blocks: a `<!-- gan-losses … -->` line, the command's output, and
    /// `<!-- end -->` (tools/update_docs.py writes them).
    static let generatedBlocks: [Transcript] = {
        var result: [Transcript] = []
        for (file, lines) in pages {
            var i = 0
            while i < lines.count {
                defer { i += 1 }
                guard lines[i].hasPrefix("<!-- gan-losses "), lines[i].hasSuffix(" -->") else { continue }
                let command = String(lines[i].dropFirst(5).dropLast(4))
                var expected: [String] = []
                i += 1
                while i < lines.count, lines[i] != "<!-- end -->" { expected.append(lines[i]); i += 1 }
                result.append(Transcript(file: file, command: command, expected: expected))
            }
        }
        return result
    }()

    @Test("each generated table is what its command prints (the ring table: release only, 40 s optimized)",
          .enabled(if: !CourseFigure.unoptimized, "the ring's training takes hours unoptimized"))
    func generated() throws {
        #expect(!Self.generatedBlocks.isEmpty)
        for t in Self.generatedBlocks {
            let r = try Tool.run(Array(Self.split(t.command).dropFirst()))
            var text = r.stdout
            while text.hasSuffix("\n") { text.removeLast() }
            #expect(r.status == 0 && text.components(separatedBy: "\n") == t.expected,
                    "\(t.file): \(t.command); run tools/update_docs.py if the change is intended")
        }
    }

    @Test("the documentation has transcripts for every subcommand")
    func coverage() {
        #expect(Self.transcripts.count >= 15)
        for sub in ["list", "eval", "penalty", "check", "audit", "plot", "figures"] {
            #expect(Self.transcripts.contains { $0.file == "docs/cli.md" && $0.command.hasPrefix("gan-losses \(sub)") }, "\(sub)")
        }
    }

    @Test("each command prints what the page shows", arguments: transcripts)
    func transcript(t: Transcript) throws {
        let folder = try Tool.temporaryFolder("docs")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The example exports of docs/audit.md lie beside every command, as in tools/update_docs.py.
        let examples = Self.root.appendingPathComponent("docs/audit-examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let r = try Tool.run(Array(Self.split(t.command).dropFirst()), in: folder)
        var text = r.stdout + r.stderr
        while text.hasSuffix("\n") { text.removeLast() }
        let actual = text.isEmpty ? [] : text.components(separatedBy: "\n")
        #expect(actual == t.expected, "run tools/update_docs.py if the change is intended")
    }

    /// Splits a command line on spaces, honouring single and double quotes.
    static func split(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?
        var inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; inWord = true
            } else if c == " " {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

/// docs/losses.md's table of generator losses spells each formula as the catalog does: the catalog's
/// LaTeX is the one source the figures typeset and `list` prints.
@Suite("The loss table in docs/losses.md")
struct LossTableDocsTests {
    @Test("each row's L, ∂L/∂ℓ and ∂L/∂D are the catalog's", arguments: GeneratorLoss.allCases)
    func row(loss: GeneratorLoss) throws {
        let text = try String(contentsOf: DocsTests.root.appendingPathComponent("docs/losses.md"), encoding: .utf8)
        let row = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("| `\(loss.id)`") })
        let cells = row.components(separatedBy: " | ")
        let value = [loss.latexFormulaInD, loss.latexFormula(parameters: nil)].compactMap { $0 }.joined(separator: " = ")
        #expect(cells[1].hasPrefix("$\(value)$"))
        #expect(cells[2] == "$\(loss.latexGradientLogitFormula(parameters: nil))$")
        if let gradientD = loss.latexGradientDFormula {
            #expect(cells[3] == "$\(gradientD)$")
        } else {
            #expect(cells[3].hasPrefix("—"))
        }
    }
}

/// docs/losses.md's table of discriminator losses spells each as `DiscriminatorLoss` does.
@Suite("The discriminator table in docs/losses.md")
struct DiscriminatorTableDocsTests {
    @Test("each game's row: L_D and its two partial derivatives are the catalog's")
    func rows() throws {
        let text = try String(contentsOf: DocsTests.root.appendingPathComponent("docs/losses.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let cases: [(prefix: String, loss: DiscriminatorLoss)] = [
            ("| `minimax`, `nonsat`, `maxlik` (BCE)", .bce), ("| BCE, real target $t$", .bceSmoothed(target: 0.9)),
            ("| `lsgan` ($a", .leastSquares), ("| `lssigmoid` |", .leastSquaresSigmoid), ("| `wgan` (critic)", .wasserstein),
            ("| `hinge` (critic)", .hinge), ("| `ragan`, `rasgan` (one pair)", .ragan),
            ("| `rsgan` (one pair)", .relativistic(.rsgan)), ("| `ralsgan` (one pair)", .relativistic(.ralsgan)),
            ("| `rahinge` (one pair)", .relativistic(.rahinge)), ("| `ebgan` (energies", .energy(margin: 1)),
        ]
        for (prefix, loss) in cases {
            let row = try #require(lines.first { $0.hasPrefix(prefix) && $0.contains("$") && $0.contains("ell_") }, "\(prefix)")
            let cells = row.components(separatedBy: " | ")
            #expect(cells[1] == "$\(loss.latexFormula(symbolic: true))$", "\(prefix)")
            #expect(cells[2] == "$\(loss.latexGradientRealFormula(symbolic: true))$", "\(prefix)")
            #expect(cells[3] == "$\(loss.latexGradientFakeFormula(symbolic: true))$", "\(prefix)")
        }
    }
}
