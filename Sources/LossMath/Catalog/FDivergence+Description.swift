/// The f-GAN tables as the paper prints them (Nowozin et al. 2016, Tables 1 and 2), in LaTeX,
/// and the loss terms they give on the raw output v.
extension FDivergence {
    /// The catalog id of the game: `fgan-kl`, `fgan-rkl`, …
    public var id: String { "fgan-" + rawValue }

    /// The name for a LaTeX document: "Pearson $\\chi^2$", "Kullback--Leibler".
    public var latexTitle: String {
        switch self {
        case .kl: "Kullback--Leibler"
        case .rkl: "reverse Kullback--Leibler"
        case .pearson: #"Pearson $\chi^2$"#
        case .hellinger: "squared Hellinger"
        case .js: "Jensen--Shannon"
        case .gan: "GAN"
        }
    }

    /// D_f(P‖Q) written out (Table 1).
    public var latexDivergence: String {
        switch self {
        case .kl: #"\int p \log\frac{p}{q}"#
        case .rkl: #"\int q \log\frac{q}{p}"#
        case .pearson: #"\int \frac{(q - p)^2}{q}"#
        case .hellinger: #"\int (\sqrt{p} - \sqrt{q})^2"#
        case .js: #"\int p \log\frac{2p}{p + q} + q \log\frac{2q}{p + q}"#
        case .gan: #"\int p \log\frac{2p}{p + q} + q \log\frac{2q}{p + q} - \log 4"#
        }
    }

    /// The generator f(u) (Table 1).
    public var latexF: String {
        switch self {
        case .kl: #"u \log u"#
        case .rkl: #"-\log u"#
        case .pearson: #"(u - 1)^2"#
        case .hellinger: #"(\sqrt{u} - 1)^2"#
        case .js: #"-(u + 1) \log\frac{1 + u}{2} + u \log u"#
        case .gan: #"u \log u - (u + 1) \log(u + 1)"#
        }
    }

    /// The optimal variational function T*(x) = f′(p/q) (Table 1).
    public var latexOptimalT: String {
        switch self {
        case .kl: #"1 + \log\frac{p}{q}"#
        case .rkl: #"-\frac{q}{p}"#
        case .pearson: #"2\left(\frac{p}{q} - 1\right)"#
        case .hellinger: #"1 - \sqrt{q/p}"#
        case .js: #"\log\frac{2p}{p + q}"#
        case .gan: #"\log\frac{p}{p + q}"#
        }
    }

    /// The optimal raw output v* = g_f⁻¹(f′(p/q)), with u = p/q.
    public var latexOptimalOutput: String {
        switch self {
        case .kl: #"1 + \log u"#
        case .pearson: #"2(u - 1)"#
        case .hellinger: #"\frac{1}{2}\log u"#
        case .rkl, .js, .gan: #"\log u"#
        }
    }

    /// The output activation g_f(v) (Table 2).
    public var latexActivation: String {
        switch self {
        case .kl, .pearson: "v"
        case .rkl: #"-e^{-v}"#
        case .hellinger: #"1 - e^{-v}"#
        case .js: #"\log 2 - \log(1 + e^{-v})"#
        case .gan: #"-\log(1 + e^{-v})"#
        }
    }

    /// The domain of f* (Table 2).
    public var latexConjugateDomain: String {
        switch self {
        case .kl, .pearson: #"\mathbb{R}"#
        case .rkl, .gan: #"\mathbb{R}_-"#
        case .hellinger: "t < 1"
        case .js: #"t < \log 2"#
        }
    }

    /// The conjugate f*(t) (Table 2).
    public var latexConjugate: String {
        switch self {
        case .kl: #"e^{t - 1}"#
        case .rkl: #"-1 - \log(-t)"#
        case .pearson: #"\frac{1}{4}t^2 + t"#
        case .hellinger: #"\frac{t}{1 - t}"#
        case .js: #"-\log(2 - e^t)"#
        case .gan: #"-\log(1 - e^t)"#
        }
    }

    /// f′(1), the optimal T where P = Q (Table 2).
    public var latexFPrimeAtOne: String {
        switch self {
        case .kl: "1"
        case .rkl: "-1"
        case .pearson, .hellinger, .js: "0"
        case .gan: #"-\log 2"#
        }
    }

    /// −g_f(v), the discriminator's term on a real sample.
    public var latexRealTerm: String {
        switch self {
        case .kl, .pearson: "-v"
        case .rkl: #"e^{-v}"#
        case .hellinger: #"e^{-v} - 1"#
        case .js: #"\mathrm{softplus}(-v) - \log 2"#
        case .gan: #"\mathrm{softplus}(-v)"#
        }
    }

    /// f*(g_f(v)), the discriminator's term on a generated sample (the generator's loss negated).
    public var latexFakeTerm: String {
        switch self {
        case .kl: #"e^{v - 1}"#
        case .rkl: "v - 1"
        case .pearson: #"\frac{1}{4}v^2 + v"#
        case .hellinger: #"e^{v} - 1"#
        case .js: #"\mathrm{softplus}(v) - \log 2"#
        case .gan: #"\mathrm{softplus}(v)"#
        }
    }

    /// The generator's loss −f*(g_f(v)).
    public var latexGeneratorLoss: String {
        switch self {
        case .kl: #"-e^{v - 1}"#
        case .rkl: "1 - v"
        case .pearson: #"-\frac{1}{4}v^2 - v"#
        case .hellinger: #"1 - e^{v}"#
        case .js: #"\log 2 - \mathrm{softplus}(v)"#
        case .gan: #"-\mathrm{softplus}(v)"#
        }
    }

    /// Its derivative ∂/∂v.
    public var latexGeneratorGradient: String {
        switch self {
        case .kl: #"-e^{v - 1}"#
        case .rkl: "-1"
        case .pearson: #"-\frac{v}{2} - 1"#
        case .hellinger: #"-e^{v}"#
        case .js, .gan: #"-\sigma(v)"#
        }
    }
}
