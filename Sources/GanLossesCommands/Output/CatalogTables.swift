import LossMath

/// The literature's tables, written from the catalog (no hand-written copy): the generator and
/// discriminator losses, f-GAN's Tables 1 and 2 (Nowozin et al. 2016), and a table of each
/// game's L_D and L_G in the style of Lucic et al. (2018, Table 1). `list --format markdown`
/// and `--format latex` print them; docs/losses.md includes the Markdown.
struct CatalogTables {
    /// A table: a heading, its column headers, and rows of cells.
    struct Sheet {
        var title: String
        var headers: [Cell]
        var rows: [[Cell]]
    }

    /// A cell: plain words, code (an id), or math (LaTeX without the dollars).
    enum Cell {
        case text(String), code(String), math(String)
    }

    static var sheets: [Sheet] {
        [generators, discriminators, fganTable1, fganTable2, games]
    }

    static var generators: Sheet {
        Sheet(title: "Generator losses, per generated sample, in the discriminator's logit ℓ (D = σ(ℓ))",
              headers: [.text("id"), .text("name"), .math("L"), .math(#"\partial L/\partial\ell"#), .math(#"\partial L/\partial D"#),
                        .text("source")],
              rows: GeneratorLoss.allCases.map { loss in
                  [.code(loss.id), .text(loss.title),
                   .math([loss.latexFormulaInD, loss.latexFormula(parameters: nil)].compactMap { $0 }.joined(separator: " = ")),
                   .math(loss.latexGradientLogitFormula(parameters: nil)),
                   loss.latexGradientDFormula.map(Cell.math) ?? .text("—"), .text(loss.citation)]
              })
    }

    static var discriminators: Sheet {
        Sheet(title: "Discriminator losses, per sample: a real sample's term and a generated sample's, in its logit ℓ",
              headers: [.text("game"), .text("discriminator"), .text("real term"), .text("generated term"),
                        .math(#"\partial/\partial\ell"#), .math(#"\partial/\partial\ell"#)],
              rows: GeneratorLoss.allCases.map { game in
                  let d = game.discriminatorLoss()
                  return [.code(game.id), .text(d.title), .math(d.latexRealTerm(symbolic: true)), .math(d.latexFakeTerm(symbolic: true)),
                          .math(d.latexRealTermGradient(symbolic: true)), .math(d.latexFakeTermGradient(symbolic: true))]
              })
    }

    static var fganTable1: Sheet {
        Sheet(title: "f-GAN, Table 1: the divergences, their generators f, the optimal T* = f′(p/q), and the raw output v* = g_f⁻¹(T*) (u = p/q)",
              headers: [.text("divergence"), .math(#"D_f(P\|Q)"#), .math("f(u)"), .math("T^*(x)"), .math("v^*")],
              rows: FDivergence.allCases.map { f in
                  [.text(f.title), .math(f.latexDivergence), .math(f.latexF), .math(f.latexOptimalT), .math(f.latexOptimalOutput)]
              })
    }

    static var fganTable2: Sheet {
        Sheet(title: "f-GAN, Table 2: output activations g_f, conjugates f*, and the terms on the raw output v they give (minimized)",
              headers: [.text("divergence"), .math("g_f(v)"), .math(#"\mathrm{dom}\,f^*"#), .math("f^*(t)"), .math("f'(1)"),
                        .text("real term"), .text("generated term")],
              rows: FDivergence.allCases.map { f in
                  [.text(f.title), .math(f.latexActivation), .math(f.latexConjugateDomain), .math(f.latexConjugate),
                   .math(f.latexFPrimeAtOne), .math(f.latexRealTerm), .math(f.latexFakeTerm)]
              })
    }

    /// L_D and L_G of each game as expectations: real samples x ~ P, generated x̃ ~ Q, ℓ the
    /// logit on each; WGAN-GP adds its penalty at the interpolates x̂, DRAGAN the same penalty to the
    /// non-saturating game at real samples moved by noise (``DRAGANPerturbation``); the relativistic games
    /// compare with the other side's mean logit ℓ̄ (RSGAN: pairs). `ragan` is `rasgan`'s row.
    static var games: Sheet {
        func expectation(_ sample: String, _ term: String) -> String { #"\mathbb{E}_{"# + sample + "}[" + term + "]" }
        let generated = #"\tilde x"#
        let classic = GeneratorLoss.allCases.filter { $0.fDivergence == nil && $0.relativistic == nil }
        var rows: [[Cell]] = classic.map { game in
            let d = game.discriminatorLoss()
            return [.code(game.id),
                    .math(expectation("x", d.latexRealTerm(symbolic: true)) + " + " + expectation(generated, d.latexFakeTerm(symbolic: true))),
                    .math(expectation(generated, game.latexFormula(parameters: nil)))]
        }
        let penalty = GradientPenalty.twoSided(lambda: 10, target: 1).latexFormula.replacing("g", with: #"\|\nabla\ell(\hat x)\|"#)
        let wgan = DiscriminatorLoss.wasserstein
        rows.insert([.code("wgan-gp"),
                     .math(expectation("x", wgan.latexRealTerm()) + " + " + expectation(generated, wgan.latexFakeTerm())
                           + " + " + expectation(#"\hat x"#, penalty)),
                     .math(expectation(generated, GeneratorLoss.wgan.latexFormula(parameters: nil)))],
                    at: GeneratorLoss.allCases.firstIndex(of: .wgan)! + 1)
        // DRAGAN: the non-saturating game with its penalty at real samples moved by noise.
        let bce = DiscriminatorLoss.bce
        let dragan = GradientPenalty.dragan(lambda: 10, target: 1).latexFormula.replacing("g", with: #"\|\nabla\ell(\hat x)\|"#)
        rows.insert([.code("dragan"),
                     .math(expectation("x", bce.latexRealTerm()) + " + " + expectation(generated, bce.latexFakeTerm())
                           + " + " + expectation(#"\hat x = x + \delta"#, dragan)),
                     .math(expectation(generated, GeneratorLoss.nonsat.latexFormula(parameters: nil)))],
                    at: GeneratorLoss.allCases.firstIndex(of: .hinge)! + 2)
        rows += FDivergence.allCases.map { f in
            func inLogit(_ s: String) -> String { s.replacing("v", with: #"\ell"#) }
            return [.code(f.id),
                    .math(expectation("x", inLogit(f.latexRealTerm)) + " + " + expectation(generated, inLogit(f.latexFakeTerm))),
                    .math(expectation(generated, inLogit(f.latexGeneratorLoss)))]
        }
        rows += RelativisticGame.allCases.map { game in
            let (real, fake) = (#"\ell(x)"#, #"\ell(\tilde x)"#)
            guard game.comparesWithMean else {
                let pairs = #"x,\tilde x"#
                return [.code(game.rawValue), .math(expectation(pairs, game.latexTerm(real, minus: fake, coefficient: ""))),
                        .math(expectation(pairs, game.latexTerm(fake, minus: real, coefficient: "")))]
            }
            let (meanReal, meanFake) = (#"\bar\ell_r"#, #"\bar\ell_f"#)
            return [.code(game.rawValue),
                    .math(expectation("x", game.latexTerm(#"\ell"#, minus: meanFake, coefficient: "")) + " + "
                          + expectation(generated, game.latexTerm(meanReal, minus: #"\ell"#, coefficient: ""))),
                    .math(expectation(generated, game.latexTerm(#"\ell"#, minus: meanReal, coefficient: "")) + " + "
                          + expectation("x", game.latexTerm(meanFake, minus: #"\ell"#, coefficient: "")))]
        }
        return Sheet(title: "Each game's losses, minimized (the style of Lucic et al. 2018, Table 1): x ~ P real, x̃ ~ Q generated, ℓ the discriminator's logit on each, ℓ̄_r and ℓ̄_f its means over the real and the generated samples",
                     headers: [.text("game"), .math("L_D"), .math("L_G")], rows: rows)
    }

    // MARK: - Rendering

    /// GitHub Markdown: a bold heading line and a pipe table per sheet, math in `$…$`.
    static func markdown() -> String {
        sheets.map { sheet in
            func cell(_ c: Cell) -> String {
                switch c {
                case .text(let s): s.replacing("|", with: #"\|"#)
                case .code(let s): "`\(s)`"
                case .math(let s): "$" + s.replacing(#"\|"#, with: #"\Vert "#).replacing("|", with: #"\vert "#) + "$"
                }
            }
            var lines = ["**\(sheet.title)**", ""]
            lines.append("| " + sheet.headers.map(cell).joined(separator: " | ") + " |")
            lines.append("|" + String(repeating: "---|", count: sheet.headers.count))
            for row in sheet.rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// LaTeX: a booktabs `tabular` per sheet, preceded by its title as a comment.
    static func latex() -> String {
        sheets.map { sheet in
            func cell(_ c: Cell) -> String {
                switch c {
                case .text(let s): Self.escaped(s)
                case .code(let s): #"\texttt{"# + Self.escaped(s) + "}"
                case .math(let s): "$" + s + "$"
                }
            }
            var lines = ["% " + sheet.title, #"\begin{tabular}{"# + String(repeating: "l", count: sheet.headers.count) + "}", #"\toprule"#]
            lines.append(sheet.headers.map(cell).joined(separator: " & ") + #" \\"#)
            lines.append(#"\midrule"#)
            for row in sheet.rows { lines.append(row.map(cell).joined(separator: " & ") + #" \\"#) }
            lines += [#"\bottomrule"#, #"\end{tabular}"#]
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// Words for LaTeX: its special characters escaped, and the Unicode the titles use spelled
    /// in LaTeX (χ², the en dash, the prime).
    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&", "%", "$", "#", "_", "{", "}": out += #"\"# + String(c)
            case "–": out += "--"
            case "χ": out += #"$\chi$"#
            case "σ": out += #"$\sigma$"#
            case "²": out += #"$^2$"#
            case "′": out += "'"
            default: out.append(c)
            }
        }
        return out
    }
}
