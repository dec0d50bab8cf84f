internal import Glibc

/// The three witnesses of every discriminator loss: L_D, ∂L_D/∂ℓ_r, ∂L_D/∂ℓ_f (and ∂L_D/∂D_r,
/// ∂L_D/∂D_f where D exists) in closed form, by automatic differentiation of the ``Textbook``
/// expressions, and from the 60-digit ``DiscriminatorReference``, on pairs of logits.
extension AccuracyCheck {
    /// The quantities of a discriminator loss, named as `gan-losses check` prints them.
    public enum DiscriminatorQuantity: String, Sendable, CaseIterable {
        /// L_D.
        case value = "L_D"
        /// ∂L_D/∂ℓ_r.
        case gradientReal = "∂L_D/∂ℓ_r"
        /// ∂L_D/∂ℓ_f.
        case gradientFake = "∂L_D/∂ℓ_f"
        /// ∂L_D/∂D_r.
        case gradientRealD = "∂L_D/∂D_r"
        /// ∂L_D/∂D_f.
        case gradientFakeD = "∂L_D/∂D_f"
    }

    /// Every comparison for the discriminator loss called `name` in
    /// ``DiscriminatorReference/losses``: the closed forms against the reference in `Double` and
    /// `Float`, and autodiff against the reference (in ℓ for |ℓ_r|, |ℓ_f| ≤ 709 where ℓ_f − ℓ_r is
    /// exact in floating point, the textbook expressions' own input; in D for ℓ_r, ℓ_f ≤ 0).
    ///
    /// Smoothed BCE's real derivatives are differences that vanish at the optimum ℓ* = log(t/(1 − t)):
    /// ∂/∂ℓ_r = σ(ℓ_r) − t and ∂/∂D_r = (1 − t)(1 + e^ℓ_r) − t(1 + e^−ℓ_r). Within 1 ULP of such a
    /// result everywhere would need more than double-double precision near ℓ* (its relative
    /// condition number grows without bound there); they are held to the tolerance in ULPs of
    /// themselves or, where the terms cancel, in ULPs of the larger term (`cancellationScale`), as
    /// is an f-GAN's L_D where its two terms have opposite signs.
    public static func runDiscriminator(_ name: String) throws -> [Comparison] {
        let reference = try DiscriminatorReference.load(name)
        let loss = reference.loss
        let subject = "d:\(name)"
        let quantities = DiscriminatorQuantity.allCases.filter {
            loss.hasProbability || ($0 != .gradientRealD && $0 != .gradientFakeD)
        }
        func comparisons(_ witnesses: Witnesses, _ precision: Precision, tolerance: Double) -> [DiscriminatorQuantity: Comparison] {
            Dictionary(uniqueKeysWithValues: quantities.map {
                ($0, Comparison(witnesses: witnesses, subject: subject, quantity: $0.rawValue, precision: precision, toleranceULP: tolerance))
            })
        }
        var closed = comparisons(.closedFormVsReference, .double, tolerance: closedFormTolerance)
        var single = comparisons(.closedFormVsReference, .float, tolerance: closedFormTolerance)
        var autodiff = comparisons(.autodiffVsReference, .double, tolerance: autodiffTolerance)
        autodiff[.value] = nil

        for point in reference.points {
            let (r, f) = (point.realLogit, point.fakeLogit)
            let exact: [DiscriminatorQuantity: ReferenceValue] = [
                .value: point.value, .gradientReal: point.gradientReal, .gradientFake: point.gradientFake,
                .gradientRealD: point.gradientRealD, .gradientFakeD: point.gradientFakeD,
            ].compactMapValues { $0 }
            let e = loss.evaluate(realLogit: r, fakeLogit: f)
            let computed: [DiscriminatorQuantity: Double] = [
                .value: e.value, .gradientReal: e.gradientReal, .gradientFake: e.gradientFake,
                .gradientRealD: e.gradientRealD, .gradientFakeD: e.gradientFakeD,
            ].compactMapValues { $0 }
            for q in quantities {
                closed[q]!.record(computed: computed[q]!, exact: exact[q]!, at: r, fake: f, scale: cancellationScale(loss, q, r, f))
            }
            if Double(Float(r)) == r && Double(Float(f)) == f {
                let s = loss.evaluate(realLogit: Float(r), fakeLogit: Float(f))
                let computed: [DiscriminatorQuantity: Float] = [
                    .value: s.value, .gradientReal: s.gradientReal, .gradientFake: s.gradientFake,
                    .gradientRealD: s.gradientRealD, .gradientFakeD: s.gradientFakeD,
                ].compactMapValues { $0 }
                for q in quantities {
                    single[q]!.record(computed: computed[q]!, exact: exact[q]!, at: r, fake: f, scale: cancellationScale(loss, q, r, f))
                }
            }
            // The textbook relativistic loss forms ℓ_f − ℓ_r in floating point: compared where that is exact.
            let difference = Compensated.twoSum(f, -r)
            guard abs(r) <= autodiffDomain, abs(f) <= autodiffDomain, difference.low == 0 else { continue }
            let g = loss.autodiffGradients(realLogit: r, fakeLogit: f)
            autodiff[.gradientReal]!.record(computed: g.real, exact: point.gradientReal, at: r, fake: f,
                                            scale: cancellationScale(loss, .gradientReal, r, f))
            autodiff[.gradientFake]!.record(computed: g.fake, exact: point.gradientFake, at: r, fake: f)
            // In D the inputs σ(ℓ) are rounded; for D ≤ ½ the derivatives' condition numbers in D are at most 2.
            if r <= 0, f <= 0, let d = loss.autodiffGradientsD(realD: Double.sigmoid(r), fakeD: Double.sigmoid(f)),
               let realD = point.gradientRealD, let fakeD = point.gradientFakeD {
                autodiff[.gradientRealD]!.record(computed: d.real, exact: realD, at: r, fake: f,
                                                 scale: cancellationScale(loss, .gradientRealD, r, f))
                autodiff[.gradientFakeD]!.record(computed: d.fake, exact: fakeD, at: r, fake: f)
            }
        }
        return quantities.map { closed[$0]! } + quantities.map { single[$0]! } + quantities.compactMap { autodiff[$0] }
    }

    /// The larger term of a quantity that is a difference vanishing inside the domain: t for
    /// σ(ℓ_r) − t and (1 − t)(1 + e^ℓ_r) for ∂/∂D_r, of BCE with real target t < 1; for an
    /// f-GAN's L_D, whose real term −g_f(ℓ_r) and generated term f*(g_f(ℓ_f)) can have opposite
    /// signs (the reverse KL's e^(−ℓ_r) and ℓ_f − 1), the larger of the two; nil for the others.
    static func cancellationScale(_ loss: DiscriminatorLoss, _ quantity: DiscriminatorQuantity, _ r: Double, _ f: Double) -> Double? {
        if case .fDivergence(let d) = loss, quantity == .value {
            return max(abs(d.realValue(r)), abs(d.fakeValue(f)))
        }
        guard case .bceSmoothed(let t) = loss, t < 1 else { return nil }
        switch quantity {
        case .gradientReal: return t
        case .gradientRealD: return max(t * (1 + exp(-r)), (1 - t) * (1 + exp(r)))
        case .value, .gradientFake, .gradientFakeD: return nil
        }
    }
}
