import LossMath
import Testing

@Suite("Discriminator losses against the 60-digit reference")
struct DiscriminatorReferenceTests {
    @Test("L_D, ∂L_D/∂ℓ_r, ∂L_D/∂ℓ_f (and in D) within tolerance in Double, Float and by autodiff",
          arguments: DiscriminatorReference.losses.map(\.name))
    func everyWitnessAgrees(name: String) throws {
        let comparisons = try AccuracyCheck.runDiscriminator(name)
        let loss = try #require(DiscriminatorReference.losses.first { $0.name == name }?.loss)
        // Per precision: the quantities in closed form, and autodiff of each derivative.
        let quantities = loss.hasProbability ? 5 : 3
        #expect(comparisons.count == 2 * quantities + (quantities - 1))
        for c in comparisons {
            #expect(c.passed, "\(c.subject) \(c.witnesses) \(c.precision) \(c.quantity): \(c.maxULP) ULP at (\(c.worstLogit), \(c.worstFakeLogit ?? .nan))")
            #expect(c.points > (c.witnesses == .autodiffVsReference ? 1000 : 8000), "\(c.subject) \(c.quantity): too few points")
        }
        // The closed-form values are within the tolerance and not trivially exact, except for the linear critics.
        let value = try #require(comparisons.first { $0.witnesses == .closedFormVsReference && $0.precision == .double && $0.quantity == "L_D" })
        #expect(value.maxULP <= AccuracyCheck.closedFormTolerance && value.maxULP > 0.4)
    }

    @Test("the pair sum is what rounding each term would not give: BCE at two tiny terms")
    func bceSumRoundsOnce() throws {
        // softplus(−59.16) + softplus(−42.69): two terms in the exponential tail; the reference is in
        // the bce file (worst case of adding rounded terms was 0.96 ULP there).
        let reference = try DiscriminatorReference.load("bce")
        let point = try #require(reference.points.first { $0.realLogit == 59.15554428100586 && $0.fakeLogit == -42.68612289428711 })
        let computed = DiscriminatorLoss.bce.evaluate(realLogit: point.realLogit, fakeLogit: point.fakeLogit).value
        #expect(point.value.ulpError(of: computed) < 0.6)
    }

    @Test("a file of the generator layout is refused where a discriminator file is expected")
    func layoutIsChecked() throws {
        let generatorFile = try ReferenceVectors.load(for: .nonsat)
        #expect(generatorFile.points.count > 100_000)
        #expect(throws: ReferenceError.self) {
            _ = try DiscriminatorReference.load("bce", environment: ["GAN_LOSSES_REFERENCE_DIR": "/nonexistent-folder"])
        }
    }
}
