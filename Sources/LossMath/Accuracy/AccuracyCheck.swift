import _Differentiation
internal import Glibc

/// Compares the three witnesses of every generator loss: the closed forms of this module,
/// automatic differentiation of the ``Textbook`` expressions, and the 60-digit ``ReferenceVectors``.
///
/// Errors are measured in ULPs of the exact value (fractions included) and as relative errors.
/// The ULP bounds apply where the exact result is a normal `Double`; zero, subnormal and infinite
/// results are counted separately and must match the reference to within 1 ULP of the smallest
/// subnormal, or exactly for infinities.
public enum AccuracyCheck {
    /// The tolerance of the closed forms against the reference, in ULPs, in `Double` and `Float`.
    /// Correct rounding is ½ ULP; the closed forms round once, at the end (measured ≤ 0.52).
    public static let closedFormTolerance = 1.0
    /// The tolerance of automatic differentiation against the reference and against the closed
    /// forms. The textbook expressions round more often than the stable closed forms (least
    /// squares on σ reaches 3.9 ULP through the quotient rule of σ), while a wrong formula is off
    /// by far more than a few ULP.
    public static let autodiffTolerance = 8.0
    /// Automatic differentiation is compared with the reference for |ℓ| ≤ 709, where no textbook
    /// expression overflows on the way to a finite result.
    public static let autodiffDomain = 709.0
    /// The relative tolerance of a central finite difference with step h = ∛ε·max(1, |x|) over
    /// |x| ≤ 30: its truncation error h²f‴/(6f′) is at most h²/6 ≈ 5.5e−9 for these functions.
    public static let finiteDifferenceTolerance = 1e-8

    /// The quantity compared.
    public enum Quantity: String, Sendable, CaseIterable {
        /// L, the value of the loss.
        case value = "L"
        /// ∂L/∂ℓ, the derivative with respect to the logit.
        case gradientLogit = "∂L/∂ℓ"
        /// ∂L/∂D, the derivative with respect to D = σ(ℓ).
        case gradientD = "∂L/∂D"
    }

    /// The worst disagreement between two witnesses over a set of points.
    public struct Comparison: Sendable {
        /// What was compared with what, such as the closed form against the reference.
        public var witnesses: Witnesses
        /// What was checked: a loss's id, such as "nonsat", or "softplus" for the primitives.
        public var subject: String
        /// The quantity compared, such as "∂L/∂ℓ" (a ``Quantity``'s raw value) or "softplus′ = σ".
        public var quantity: String
        /// The floating-point type of the computed values.
        public var precision = Precision.double
        /// The largest error in ULPs, over points with a normal exact result.
        public var maxULP: Double = 0
        /// The largest relative error.
        public var maxRelativeError: Double = 0
        /// Where the largest ULP error (or the first failure) occurred: the logit, or for a
        /// discriminator loss the real logit ℓ_r.
        public var worstLogit: Double = .nan
        /// For a discriminator loss, the fake logit ℓ_f of the worst point; nil otherwise.
        public var worstFakeLogit: Double? = nil
        /// The number of points compared.
        public var points = 0
        /// Points whose computed value is the correctly rounded exact value.
        public var correctlyRounded = 0
        /// Points whose result is 0, subnormal or infinite and disagreed beyond the rules above.
        public var failedSpecialPoints = 0
        /// The largest ULP error allowed (infinite where only the relative tolerance applies).
        public var toleranceULP: Double
        /// A relative tolerance, for comparisons whose one side is not exact to the last bit.
        public var toleranceRelative: Double = .infinity

        /// Whether every point is within tolerance.
        public var passed: Bool {
            maxULP <= toleranceULP && maxRelativeError <= toleranceRelative && failedSpecialPoints == 0
        }

        mutating func recordRelative(computed: Double, exact: Double, at logit: Double) {
            points += 1
            let relative = abs(computed - exact) / abs(exact)
            if !(relative <= maxRelativeError) { maxRelativeError = relative; worstLogit = logit }
        }

        /// The share of points that were correctly rounded.
        public var correctlyRoundedShare: Double { points == 0 ? 0 : Double(correctlyRounded) / Double(points) }

        /// A `Double` result: in ULPs where the exact value is a normal `Double`; correctly rounded
        /// when it is the rounded reference.
        /// With `scale`, a result that is the difference of terms of that magnitude passes within
        /// the tolerance in ULPs of `scale` where it is not within it in ULPs of itself: near a
        /// zero of a difference, where the terms cancel (see ``AccuracyCheck/runDiscriminator(_:)``).
        mutating func record(computed: Double, exact: ReferenceValue, at logit: Double, fake: Double? = nil, scale: Double? = nil) {
            let normal = exact.isNormal && computed.isFinite
            var ulps = normal ? exact.ulpError(of: computed) : nil
            if let scale, let u = ulps {
                ulps = min(u, abs((computed - exact.rounded) - exact.error * exact.rounded.ulp) / abs(scale).ulp)
            }
            tally(ulps: ulps,
                  relative: normal ? exact.relativeError(of: computed) : 0,
                  matchesSpecial: normal || exact.matchesSpecial(computed),
                  correctlyRounded: computed == exact.rounded || (computed.isNaN && exact.rounded.isNaN), at: logit, fake: fake)
        }

        /// A `Float` result: in ULPs of `Float` where the exact value is a normal `Float`;
        /// correctly rounded when within ½ ULP (the reference is a `Double`).
        mutating func record(computed: Float, exact: ReferenceValue, at logit: Double, fake: Double? = nil, scale: Double? = nil) {
            let normal = exact.isNormalFloat && computed.isFinite
            var ulps = normal ? exact.ulpError(of: computed) : nil
            if let scale, let u = ulps {
                ulps = min(u, abs((Double(computed) - exact.rounded) - exact.error * exact.rounded.ulp) / Double(Float(abs(scale)).ulp))
            }
            let matches = normal || exact.matchesSpecialFloat(computed)
            let correct = normal ? ulps! <= 0.5
                : matches && (Double(computed) == Double(Float(exact.rounded)) || computed.isNaN)
            tally(ulps: ulps, relative: normal ? exact.relativeError(of: Double(computed)) : 0,
                  matchesSpecial: matches, correctlyRounded: correct, at: logit, fake: fake)
        }

        /// The bookkeeping of one point: its ULP error (nil where the exact result is 0, subnormal or
        /// infinite in the result's type, which must then match by ``ReferenceValue``'s rules).
        private mutating func tally(ulps: Double?, relative: Double, matchesSpecial: Bool, correctlyRounded correct: Bool,
                                    at logit: Double, fake: Double?) {
            points += 1
            if correct { correctlyRounded += 1 }
            if let ulps {
                if ulps > maxULP || (maxULP == 0 && worstLogit.isNaN) { maxULP = ulps; worstLogit = logit; worstFakeLogit = fake }
                maxRelativeError = max(maxRelativeError, relative)
            } else if !matchesSpecial {
                failedSpecialPoints += 1
                if failedSpecialPoints == 1 { worstLogit = logit; worstFakeLogit = fake }
            }
        }
    }

    /// Every comparison for `loss`: closed form and autodiff against the reference for each
    /// quantity, and closed form against autodiff over a sweep of `sweepPoints` logits.
    public static func run(_ loss: GeneratorLoss, sweepPoints: Int = 10_001) throws -> [Comparison] {
        let reference = try ReferenceVectors.load(for: loss)
        let subject = loss.id
        var closedValue = Comparison(witnesses: .closedFormVsReference, subject: subject,
                                     quantity: Quantity.value.rawValue, toleranceULP: closedFormTolerance)
        var closedGradient = closedValue
        closedGradient.quantity = Quantity.gradientLogit.rawValue
        var closedGradientD = closedValue
        closedGradientD.quantity = Quantity.gradientD.rawValue
        var floatValue = closedValue
        floatValue.precision = .float
        var floatGradient = closedGradient
        floatGradient.precision = .float
        var floatGradientD = closedGradientD
        floatGradientD.precision = .float
        var autodiffGradient = Comparison(witnesses: .autodiffVsReference, subject: subject,
                                          quantity: Quantity.gradientLogit.rawValue, toleranceULP: autodiffTolerance)
        var autodiffGradientD = autodiffGradient
        autodiffGradientD.quantity = Quantity.gradientD.rawValue + " (D ≤ ½)"

        for point in reference.points {
            let l = point.logit
            closedValue.record(computed: loss.value(atLogit: l), exact: point.value, at: l)
            closedGradient.record(computed: loss.gradientLogit(atLogit: l), exact: point.gradientLogit, at: l)
            if let exact = point.gradientD, let closed = loss.gradientD(atLogit: l) {
                closedGradientD.record(computed: closed, exact: exact, at: l)
            }
            if Double(Float(l)) == l || l.isNaN {
                let single = loss.evaluate(atLogit: Float(l))
                floatValue.record(computed: single.value, exact: point.value, at: l)
                floatGradient.record(computed: single.gradientLogit, exact: point.gradientLogit, at: l)
                if let exact = point.gradientD, let computed = single.gradientD {
                    floatGradientD.record(computed: computed, exact: exact, at: l)
                }
            }
            // The textbook expressions are plain libm formulas: eˡ overflows for ℓ > 709.78, and
            // (1 + eˡ)² in D for ℓ > 354.9. Autodiff is compared where eˡ is finite.
            guard abs(l) <= Self.autodiffDomain else { continue }
            autodiffGradient.record(computed: loss.autodiffGradientLogit(atLogit: l), exact: point.gradientLogit, at: l)
            // In D-space the input D = σ(ℓ) is itself rounded; for D ≤ ½ every ∂L/∂D here has a
            // condition number of at most 2 in D, so that rounding cannot dominate.
            if l <= 0, let exact = point.gradientD, let autodiff = loss.autodiffGradientD(atD: Double.sigmoid(l)) {
                autodiffGradientD.record(computed: autodiff, exact: exact, at: l)
            }
        }

        var agreement = Comparison(witnesses: .closedFormVsAutodiff, subject: subject,
                                   quantity: Quantity.gradientLogit.rawValue, toleranceULP: autodiffTolerance)
        for l in sweep(count: sweepPoints) {
            let closed = loss.gradientLogit(atLogit: l)
            agreement.record(computed: loss.autodiffGradientLogit(atLogit: l),
                             exact: ReferenceValue(rounded: closed), at: l)
        }
        var results = [closedValue, closedGradient]
        if loss.isDefinedThroughD { results.append(closedGradientD) }
        results += [floatValue, floatGradient]
        if loss.isDefinedThroughD { results.append(floatGradientD) }
        results.append(autodiffGradient)
        if loss.isDefinedThroughD { results.append(autodiffGradientD) }
        results.append(agreement)
        return results
    }

    /// The primitives' derivatives: a central finite difference of softplus against σ and of σ
    /// against σ(x)σ(−x) over [−30, 30], and autodiff of the textbook softplus against σ.
    public static func runPrimitives(sweepPoints: Int = 10_001) -> [Comparison] {
        var softplusFD = Comparison(witnesses: .finiteDifferenceVsClosedForm, subject: "softplus",
                                    quantity: "softplus′ = σ", toleranceULP: .infinity,
                                    toleranceRelative: finiteDifferenceTolerance)
        var sigmoidFD = softplusFD
        sigmoidFD.subject = "sigmoid"
        sigmoidFD.quantity = "σ′ = σ(x) σ(−x)"
        let n = max(sweepPoints, 2)
        for i in 0..<n {
            let x = -30 + 60 * Double(i) / Double(n - 1)
            softplusFD.recordRelative(computed: centralDifference(Double.softplus, at: x), exact: Double.sigmoid(x), at: x)
            // σ′ is even; for x > 0 the difference σ(x + h) − σ(x − h) of two numbers near 1 cancels,
            // so the difference is taken at −|x|, where it is well conditioned.
            let mirrored = -abs(x)
            sigmoidFD.recordRelative(computed: centralDifference(Double.sigmoid, at: mirrored),
                                     exact: Double.sigmoid(x) * Double.sigmoid(-x), at: x)
        }
        var softplusAD = Comparison(witnesses: .autodiffVsClosedForm, subject: "softplus",
                                    quantity: "softplus′ = σ", toleranceULP: autodiffTolerance)
        for x in sweep(count: sweepPoints) {
            softplusAD.record(computed: gradient(at: x, of: Textbook.softplus),
                              exact: ReferenceValue(rounded: Double.sigmoid(x)), at: x)
        }
        return [softplusFD, sigmoidFD, softplusAD]
    }

    /// `(f(x + h) − f(x − h)) / 2h` with h = ∛ε·max(1, |x|), the step that balances truncation
    /// (h²f‴/6) against rounding (εf/h); the divisor is the exactly computed step.
    static func centralDifference(_ f: (Double) -> Double, at x: Double) -> Double {
        let h = 6.0554544523933395e-06 * max(1, abs(x))
        let (up, down) = (x + h, x - h)
        return (f(up) - f(down)) / (up - down)
    }

    /// `count` finite logits: half evenly spaced over [−40, 40], half with log-spaced magnitudes
    /// from 1e−300 to 1000 of both signs.
    public static func sweep(count: Int) -> [Double] {
        let count = max(count, 4)
        let linear = count / 2
        var xs = (0..<linear).map { -40 + 80 * Double($0) / Double(linear - 1) }
        let logarithmic = (count - linear) / 2
        for i in 0..<logarithmic {
            let magnitude = pow(10, -300 + 303 * Double(i) / Double(max(logarithmic - 1, 1)))
            xs.append(magnitude)
            xs.append(-magnitude)
        }
        return xs
    }
}
