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
                #expect(near.sign == limit.value.sign && abs(near) > 25, "\(loss.id) grows toward \(limit.value)")  // Pearson: ℓ/2
            }
        }
    }

    @Test("D-space exists exactly for the losses defined through D", arguments: GeneratorLoss.allCases)
    func dSpace(loss: GeneratorLoss) {
        #expect((loss.gradientD(atLogit: 0.3) != nil) == loss.isDefinedThroughD)
        #expect((loss.latexGradientDFormula != nil) == loss.isDefinedThroughD)
        #expect((loss.latexFormulaInD != nil) == loss.isDefinedThroughD)
        #expect((loss.autodiffGradientD(atD: 0.3) != nil) == loss.isDefinedThroughD)
    }

    @Test("the limits are described for people, with the minus sign U+2212", arguments: GeneratorLoss.allCases)
    func limitWords(loss: GeneratorLoss) {
        for limit in [loss.gradientAsDToZero, loss.gradientAsDToOne] {
            #expect(!limit.behaviour.isEmpty && !limit.behaviour.contains("-"))
        }
    }

    /// The LaTeX the figures typeset, per loss: L in ℓ, L in D (nil without a D-space form), ∂L/∂ℓ.
    static func expectedLatex(_ loss: GeneratorLoss) -> (logit: String, d: String?, gradient: String) {
        switch loss {
        case .minimax: (#"-\mathrm{softplus}(\ell)"#, #"\log(1-D)"#, #"-\sigma(\ell)"#)
        case .nonsat: (#"\mathrm{softplus}(-\ell)"#, #"-\log D"#, #"-\sigma(-\ell)"#)
        case .maxlik: (#"-e^{\ell}"#, #"-D/(1-D)"#, #"-e^{\ell}"#)
        case .lsgan: (#"(\ell-1)^2/2"#, nil, #"\ell-1"#)
        case .lssigmoid: (#"\sigma(-\ell)^2/2"#, #"(D-1)^2/2"#, #"-\sigma(\ell)\,\sigma(-\ell)^2"#)
        case .wgan, .hinge: (#"-\ell"#, nil, "-1")
        case .ragan, .rasgan: (#"2\,\mathrm{softplus}(\ell_r-\ell)"#, nil, #"-2\sigma(\ell_r-\ell)"#)
        case .rsgan: (#"\mathrm{softplus}(\ell_r-\ell)"#, nil, #"-\sigma(\ell_r-\ell)"#)
        case .ralsgan: (#"2(\ell-\ell_r-1)^2"#, nil, #"4(\ell-\ell_r-1)"#)
        case .rahinge: (#"2\max(0,1+\ell_r-\ell)"#, nil, #"-2[\ell-\ell_r<1]"#)
        case .ebgan: (#"\ell"#, nil, "1")
        case .fganKL: (#"-e^{\ell - 1}"#, nil, #"-e^{\ell - 1}"#)
        case .fganRKL: (#"1 - \ell"#, nil, "-1")
        case .fganPearson: (#"-\frac{1}{4}\ell^2 - \ell"#, nil, #"-\frac{\ell}{2} - 1"#)
        case .fganHellinger: (#"1 - e^{\ell}"#, nil, #"-e^{\ell}"#)
        case .fganJS: (#"\log 2 - \mathrm{softplus}(\ell)"#, nil, #"-\sigma(\ell)"#)
        case .fganGAN: (#"-\mathrm{softplus}(\ell)"#, nil, #"-\sigma(\ell)"#)
        }
    }

    @Test("the LaTeX of every loss is the expected formula", arguments: GeneratorLoss.allCases)
    func latexFormulas(loss: GeneratorLoss) {
        let expected = Self.expectedLatex(loss)
        #expect(loss.latexFormula() == expected.logit)
        #expect(loss.latexFormulaInD == expected.d)
        #expect((loss.latexFormulaInD != nil) == loss.isDefinedThroughD)
        #expect(loss.latexGradientLogitFormula() == expected.gradient)
    }

    @Test("the least-squares target is written into the LaTeX as a number; ℓ_r stays a symbol")
    func latexParameters() {
        let half = LossParameters(leastSquaresTarget: 0.5, realLogit: 2)
        #expect(GeneratorLoss.lsgan.latexFormula(parameters: half) == #"(\ell-0.5)^2/2"#)
        #expect(GeneratorLoss.lsgan.latexGradientLogitFormula(parameters: half) == #"\ell-0.5"#)
        #expect(GeneratorLoss.lsgan.latexFormula(parameters: LossParameters(leastSquaresTarget: 3)) == #"(\ell-3)^2/2"#)
        #expect(GeneratorLoss.ragan.latexFormula(parameters: half) == GeneratorLoss.ragan.latexFormula())
    }
}

@Suite("Evaluation at D")
struct DSpaceTests {
    @Test("evaluate(atD:) agrees with evaluate(atLogit: logit(D)) up to the rounding of ℓ",
          arguments: GeneratorLoss.allCases)
    func agreesWithLogitPath(loss: GeneratorLoss) throws {
        for l in stride(from: -35.0, through: 35.0, by: 0.25) {
            let d = Double.sigmoid(l)
            guard d > 0, d < 1 else { continue }
            let viaD = loss.evaluate(atD: d)
            let l2 = Double.logit(d)
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
