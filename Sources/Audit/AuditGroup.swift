public import LossMath

/// The rows of one subject (the generator's loss, or one side of the discriminator's) with what
/// every model needs, computed once: the logit in the user's format, the exact values, and the
/// range of D = σ(ℓ) that rounding to that format can give (for the forms that go through D).
struct AuditGroup {
    enum Abscissa { case logit, d }
    enum Quantity { case value, gradient }

    let subject: AuditSubject
    let abscissa: Abscissa
    let precision: AuditPrecision
    /// The abscissa as the user had it (rounded to the format), and the logit it stands for.
    let x: [Double], logit: [Double]
    /// The user's losses and, if given, gradients (∂L/∂ℓ, or ∂L/∂D for a D abscissa).
    let loss: [Double], gradient: [Double]?
    /// The exact loss and gradient at each row.
    let exactLoss: [Double], exactGradient: [Double]
    /// Per row, the D that naive code may have had: [low, high] around σ(ℓ) (the given D itself
    /// for a D abscissa); empty for a loss that is not a function of D.
    let dLow: [Double], dHigh: [Double], dMiddle: [Double]

    init(subject: AuditSubject, abscissa: Abscissa, precision: AuditPrecision, x given: [Double], loss: [Double],
         gradient: [Double]?) {
        self.subject = subject; self.abscissa = abscissa; self.precision = precision
        self.loss = loss; self.gradient = gradient
        let x = given.map(precision.rounded)
        self.x = x
        let logit = abscissa == .logit ? x : x.map { Double.logit($0) }
        self.logit = logit
        exactLoss = logit.map { subject.value(atLogit: $0) }
        switch (abscissa, gradient) {
        case (_, nil): exactGradient = []
        case (.logit, _): exactGradient = logit.map { subject.gradient(atLogit: $0) }
        case (.d, _): exactGradient = logit.map { subject.gradientD(atLogit: $0) ?? .nan }
        }
        var low = [Double](), high = [Double](), middle = [Double]()
        low.reserveCapacity(x.count); high.reserveCapacity(x.count); middle.reserveCapacity(x.count)
        let u = precision.unitRoundoff
        // e^(−ℓ) overflows the format below this logit, and 1/(1 + e^(−ℓ)) is then 0.
        let overflow = precision == .float ? -88.72 : -709.78
        for (i, l) in logit.enumerated() where subject.inD != nil {
            guard abscissa == .logit else {
                low.append(x[i]); high.append(x[i]); middle.append(x[i])
                continue
            }
            let s = Double.sigmoid(l)
            var lo = s * (1 - 4 * u), hi = min(1, s * (1 + 4 * u))
            if s < precision.leastNormal || l < overflow { lo = 0; hi = max(hi, s + 4 * precision.ulp(0)) }
            if 1 - s < 2 * u { hi = 1 }
            low.append(lo); high.append(hi); middle.append(s)
        }
        (dLow, dHigh, dMiddle) = (low, high, middle)
    }

    var count: Int { loss.count }

    /// Whether the user's `y` is the model's value: inside [lo, hi] widened by 4 ULP of the format
    /// at the largest magnitude (of `y`, the ends and the `terms` the model's code combines); an
    /// infinite `y` only where an end, rounded to the format, is that infinity.
    func agrees(_ y: Double, _ lo: Double, _ hi: Double, terms: Double = 0) -> Bool {
        if lo.isNaN || hi.isNaN { return false }
        // An infinite y agrees with an end that is that infinity in the user's format (−e^ℓ at
        // ℓ = 90 is −4.5·10³⁸, −∞ in float32).
        if !y.isFinite { return y == precision.rounded(lo) || y == precision.rounded(hi) }
        let magnitude = max(abs(y), lo.isFinite ? abs(lo) : 0, hi.isFinite ? abs(hi) : 0, terms.isFinite ? terms : 0)
        let tolerance = 4 * precision.ulp(magnitude)
        return y >= lo - tolerance && y <= hi + tolerance
    }

    func user(_ quantity: Quantity) -> [Double] { quantity == .value ? loss : gradient ?? [] }
    func exact(_ quantity: Quantity) -> [Double] { quantity == .value ? exactLoss : exactGradient }
}
