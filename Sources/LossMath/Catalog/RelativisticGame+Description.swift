/// How a relativistic game is written: the names and the LaTeX of its one-pair forms and its
/// batch terms, for ``GeneratorLoss`` and ``DiscriminatorLoss`` to spell.
extension RelativisticGame {
    /// The game's name in the paper, with how the catalog takes it: "RaSGAN, one pair".
    public var title: String {
        switch self {
        case .rsgan: "RSGAN, one pair"
        case .rasgan: "RaSGAN, one pair"
        case .ralsgan: "RaLSGAN, one pair"
        case .rahinge: "RaHingeGAN, one pair"
        }
    }

    /// The coefficient 2ᵖ of the one-pair forms in LaTeX: "" for RSGAN, "2" for the average games.
    var latexPairCoefficient: String { comparesWithMean ? "2" : "" }

    /// c φ(a − b) in LaTeX, with a nil for 0 − b and b nil for a − 0:
    /// ```
    /// logistic  c softplus(b − a)      squares  c (a − b − 1)²      hinge  c max(0, 1 − a + b)
    /// ```
    public func latexTerm(_ a: String?, minus b: String?, coefficient c: String) -> String {
        switch term {
        case .logistic: c + (c.isEmpty ? "" : #"\,"#) + #"\mathrm{softplus}("# + Self.latexDifference(b, a) + ")"
        case .squares: c + "(" + (a == nil ? (b ?? "0") + "+1" : Self.latexDifference(a, b, plus: -1)) + ")^2"
        case .hinge: c + #"\max(0,"# + Self.latexDifference(b, a, plus: 1) + ")"
        }
    }

    /// s·c φ′(a − b) in LaTeX, s = −1 when `negated`, a and b as in ``latexTerm(_:minus:coefficient:)``:
    /// ```
    /// logistic  −c σ(b − a)      squares  2c (a − b − 1)      hinge  −c [a − b < 1]
    /// ```
    /// c is "" (1), "2" or "\frac{1}{2}"; the squares' 2c is written out.
    public func latexDerivative(_ a: String?, minus b: String?, coefficient c: String, negated: Bool = false) -> String {
        let sign = negated ? "" : "-"
        switch term {
        case .logistic:
            return sign + c + #"\sigma("# + Self.latexDifference(b, a) + ")"
        case .squares:
            let twice = switch c { case "": "2"; case "2": "4"; default: "" }
            // −2c(a − b − 1) is written 2c(b − a + 1).
            return twice + "(" + (negated ? Self.latexDifference(b, a, plus: 1) : Self.latexDifference(a, b, plus: -1)) + ")"
        case .hinge:
            // [a − b < 1]; with a nil, [−b < 1] is written [b > −1].
            let condition = a == nil ? (b ?? "0") + ">-1" : Self.latexDifference(a, b) + "<1"
            return sign + c + "[" + condition + "]"
        }
    }

    /// x − y + k in LaTeX (k ∈ {−1, 0, 1}), a nil operand being 0: "\ell_r-\ell-1", "-\ell", "1+\ell".
    static func latexDifference(_ x: String?, _ y: String?, plus k: Int = 0) -> String {
        var text = ""
        if k == 1 { text = "1" }
        if let x { text += (text.isEmpty ? "" : "+") + x }
        if let y { text += "-" + y }
        if k == -1 { text += "-1" }
        return text.isEmpty ? "0" : text
    }
}
