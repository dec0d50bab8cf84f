import Foundation
import LossMath
import LossPlot
import LossPlotCairo
import Testing

/// Every formula the project writes is math text LossPlot sets: those of docs/*.md and those the
/// loss catalog produces for the figures. Each validates, and its layout has no backslash left in
/// any run (no command drawn as its name). The course figures' texts are validated each time
/// they are drawn (`FigureRenderer` refuses markup that does not validate), so CourseFigureTests
/// covers them.
@Suite("Math text: every formula of the docs and the catalog")
struct MathTextCoverageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Formula: CustomTestStringConvertible, Sendable {
        var source: String
        var markup: String
        var testDescription: String { "\(source): \(markup)" }
    }

    /// The `$…$` and `$$…$$` formulas of Markdown text, outside code blocks and code spans.
    static func formulas(inMarkdown text: String) -> [String] {
        var cleaned = ""
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); cleaned += "\n"; continue }
            if inFence { cleaned += "\n"; continue }
            var inCode = false
            for c in line {
                if c == "`" { inCode.toggle(); continue }
                if !inCode { cleaned.append(c) }
            }
            cleaned += "\n"
        }
        let chars = Array(cleaned)
        var found: [String] = []
        var k = 0
        while k < chars.count {
            if chars[k] == "\\" { k += 2; continue }
            guard chars[k] == "$" else { k += 1; continue }
            let display = k + 1 < chars.count && chars[k + 1] == "$"
            let start = k + (display ? 2 : 1)
            var end = start
            while end < chars.count {
                if chars[end] == "\\" { end += 2; continue }
                if chars[end] == "$" && (!display || (end + 1 < chars.count && chars[end + 1] == "$")) { break }
                if !display && chars[end] == "\n" && end + 1 < chars.count && chars[end + 1] == "\n" { end = chars.count; break }
                end += 1
            }
            guard end < chars.count else { k = start; continue }
            let math = String(chars[start..<end]).replacingOccurrences(of: "\n", with: " ")
            if !math.trimmingCharacters(in: .whitespaces).isEmpty { found.append("$" + math + "$") }
            k = end + (display ? 2 : 1)
        }
        return found
    }

    static let docs: [Formula] = {
        let folder = root.appendingPathComponent("docs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        return names.flatMap { name in
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return formulas(inMarkdown: text).map { Formula(source: "docs/\(name)", markup: $0) }
        }
    }()

    static let catalog: [Formula] = {
        let parameters = [LossParameters.standard, LossParameters(leastSquaresTarget: 0.5, realLogit: -1),
                          LossParameters(leastSquaresTarget: -2.25)]
        var result: [Formula] = []
        for loss in GeneratorLoss.allCases {
            for p in parameters {
                result.append(Formula(source: "\(loss.rawValue) L", markup: "$" + loss.latexFormula(parameters: p) + "$"))
                result.append(Formula(source: "\(loss.rawValue) ∂L/∂ℓ", markup: "$" + loss.latexGradientLogitFormula(parameters: p) + "$"))
            }
            if let inD = loss.latexFormulaInD { result.append(Formula(source: "\(loss.rawValue) L(D)", markup: "$" + inD + "$")) }
        }
        return result
    }()

    @Test("the docs have formulas, and the catalog one per loss and form")
    func found() {
        #expect(Self.docs.count > 200, "\(Self.docs.count)")
        #expect(Self.docs.contains { $0.markup.contains(#"\begin{cases}"#) })
        #expect(Self.catalog.count >= GeneratorLoss.allCases.count * 6)
    }

    @Test("each validates and lays out with no command left as text", arguments: docs + catalog)
    func sets(formula: Formula) throws {
        try MathText.validate(formula.markup, subject: formula.source)
        let backend = CairoBackend()
        for family in [Font.sansFamily, "Latin Modern Roman"] {
            let layout = TextLayout(formula.markup, font: Font(size: 10, family: family), measurer: backend)
            #expect(!layout.runs.contains { $0.text.contains("\\") }, "\(family): \(layout.runs.map(\.text))")
            #expect(layout.width > 0 && layout.width.isFinite && layout.height.isFinite)
        }
    }
}
