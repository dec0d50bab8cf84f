import LossMath
import Testing

@Suite("The catalog")
struct CatalogTests {
    @Test("ids and aliases resolve case-insensitively", arguments: [
        ("minimax", GeneratorLoss.minimax), ("MM", .minimax), ("saturating", .minimax),
        ("ns", .nonsat), ("Non-Saturating", .nonsat), ("modified", .nonsat), (" nonsat ", .nonsat),
        ("ml", .maxlik), ("maximum-likelihood", .maxlik), ("ls", .lsgan), ("least-squares", .lsgan),
        ("LSSIGMOID", .lssigmoid), ("wasserstein", .wgan), ("hinge", .hinge), ("relativistic", .ragan),
    ])
    func resolves(name: String, loss: GeneratorLoss) {
        #expect(GeneratorLoss(id: name) == loss)
    }

    @Test("unknown names resolve to nothing", arguments: ["", "bce", "minmax", "ls sigmoid", "nonsat,mm"])
    func unknown(name: String) {
        #expect(GeneratorLoss(id: name) == nil)
    }

    @Test("no alias is claimed twice")
    func aliasesUnique() {
        let names = GeneratorLoss.allCases.flatMap { [$0.id] + $0.aliases }
        #expect(Set(names).count == names.count)
    }

    @Test("the stated limits are what the closed forms give at ℓ = ∓∞ and approach at ∓60",
          arguments: GeneratorLoss.allCases)
    func limitsHold(loss: GeneratorLoss) {
        for (l, limit) in [(-Double.infinity, loss.gradientAsDToZero), (.infinity, loss.gradientAsDToOne)] {
            let atInfinity = loss.gradientLogit(atLogit: l)
            #expect(atInfinity == limit.value, "\(loss.id) at \(l): \(atInfinity) vs \(limit.value)")
            let near = loss.gradientLogit(atLogit: l.sign == .minus ? -60 : 60)
            if limit.value.isFinite {
                #expect(abs(near - limit.value) < 1e-20 + 1e-12 * abs(limit.value), "\(loss.id) near \(l)")
            } else {
                #expect(near.sign == limit.value.sign && abs(near) > 50, "\(loss.id) grows toward \(limit.value)")
            }
        }
    }

    @Test("D-space exists exactly for the losses defined through D", arguments: GeneratorLoss.allCases)
    func dSpace(loss: GeneratorLoss) {
        #expect((loss.gradientD(atLogit: 0.3) != nil) == loss.isDefinedThroughD)
        #expect((loss.gradientDFormula != nil) == loss.isDefinedThroughD)
        #expect((loss.autodiffGradientD(atD: 0.3) != nil) == loss.isDefinedThroughD)
    }

    @Test("every loss has formulas for people and for LaTeX", arguments: GeneratorLoss.allCases)
    func formulas(loss: GeneratorLoss) {
        #expect(!loss.formula.isEmpty && !loss.latexFormula.isEmpty)
        #expect(!loss.gradientLogitFormula.isEmpty && !loss.latexGradientLogitFormula.isEmpty)
        #expect(!loss.formula.contains("-"), "Unicode formulas use the minus sign U+2212")
    }
}

@Suite("Evaluation at D")
struct DSpaceTests {
    @Test("evaluate(atD:) agrees with evaluate(atLogit: logit(D)) up to the rounding of ℓ",
          arguments: GeneratorLoss.allCases)
    func agreesWithLogitPath(loss: GeneratorLoss) throws {
        for l in stride(from: -35.0, through: 35.0, by: 0.25) {
            let d = sigmoid(l)
            guard d > 0, d < 1 else { continue }
            let viaD = loss.evaluate(atD: d)
            let l2 = logit(d)
            let viaLogit = loss.evaluate(atLogit: l2)
            // Going through ℓ moves D by (|ℓ| + 2)·2⁻⁵² relative; every quantity here has
            // condition number at most ~|ℓ|·3 with respect to ℓ.
            let tolerance = (abs(l2) + 4) * 8 * Double.ulpOfOne
            func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300) }
            #expect(close(viaD.value, viaLogit.value) || abs(viaD.value - viaLogit.value) < 1e-15, "\(loss.id) L at D = \(d)")
            #expect(close(viaD.gradientLogit, viaLogit.gradientLogit), "\(loss.id) ∂L/∂ℓ at D = \(d)")
            if let a = viaD.gradientD, let b = viaLogit.gradientD {
                #expect(close(a, b), "\(loss.id) ∂L/∂D at D = \(d)")
            }
        }
    }

    @Test("D = 0 and D = 1 give the limits at ℓ = ∓∞", arguments: GeneratorLoss.allCases)
    func endpoints(loss: GeneratorLoss) {
        #expect(loss.evaluate(atD: 0.0) == loss.evaluate(atLogit: -Double.infinity))
        #expect(loss.evaluate(atD: 1.0) == loss.evaluate(atLogit: Double.infinity))
    }
}
