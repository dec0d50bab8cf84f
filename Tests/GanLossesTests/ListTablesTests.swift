import Foundation
import LossMath
import Testing

/// `list --format markdown|latex`: the literature's tables written from the catalog, each row the
/// catalog's own formulas.
@Suite("list --format markdown and latex")
struct ListTablesTests {
    @Test("Markdown: five tables, a row for every generator loss and every f-divergence, with the catalog's formulas")
    func markdown() throws {
        let r = try Tool.run(["list", "--format", "markdown"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines.filter { $0.hasPrefix("**") }.count == 5)
        #expect(lines.filter { $0.hasPrefix("|---") }.count == 5)
        for loss in GeneratorLoss.allCases {
            let row = try #require(lines.first { $0.hasPrefix("| `\(loss.id)` |") })
            #expect(row.contains("$\(loss.latexGradientLogitFormula(parameters: nil))$"))
            #expect(row.hasSuffix("| \(loss.citation) |"))   // every game with its source
        }
        for f in FDivergence.allCases {
            let table2 = try #require(lines.first { $0.hasPrefix("| \(f.title) | $\(f.latexActivation)$") }, "\(f)")
            #expect(table2.contains("$\(f.latexConjugate)$") && table2.contains("$\(f.latexFakeTerm)$"))
            let game = try #require(lines.first { $0.hasPrefix("| `\(f.id)` |") })
            #expect(game.contains(f.latexGeneratorLoss.replacing("v", with: #"\ell"#)))
        }
        // Every row has as many cells as its table's header.
        var columns = 0
        for line in lines where line.hasPrefix("| ") {
            let cells = line.components(separatedBy: " | ").count
            if columns == 0 || line.hasPrefix("| id") || line.hasPrefix("| game") || line.hasPrefix("| divergence") { columns = cells }
            #expect(cells == columns, "\(line)")
        }
    }

    @Test("LaTeX: five booktabs tabulars, every row ended, no bare Unicode math letters in text")
    func latex() throws {
        let r = try Tool.run(["list", "--format", "latex"])
        #expect(r.status == 0)
        let text = r.stdout
        #expect(text.components(separatedBy: #"\begin{tabular}"#).count - 1 == 5)
        #expect(text.components(separatedBy: #"\end{tabular}"#).count - 1 == 5)
        for line in text.components(separatedBy: "\n") where line.contains(" & ") {
            #expect(line.hasSuffix(#" \\"#), "\(line)")
            // Outside $…$ no χ, σ or ² remains.
            let outside = line.components(separatedBy: "$").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            #expect(!outside.contains { "χσ²′".contains($0) }, "\(line)")
        }
        #expect(text.contains(#"Pearson $\chi$$^2$ & $v$ & $\mathbb{R}$ & $\frac{1}{4}t^2 + t$"#))
    }
}
