public import LossMath

/// A user's loss values (and optionally their autograd gradients), exported from their own code,
/// against the catalog's exact losses: whether they match within the tolerance of their format,
/// and if not, which known mistake explains them and where they go wrong.
///
/// The abscissa is the logit ℓ (or the probability D). For the discriminator every row is a real
/// or a generated sample, and each side is compared with its own term of the loss.
/// ```
/// let audit = LossAudit(x: logits, loss: values, precision: .float)
/// let report = audit.audit(.generator(.nonsat))
/// report.matches                        // false
/// report.groups[0].loss.deviation       // .probabilitySpace: −log σ(ℓ) computed from σ
/// ```
public struct LossAudit: Sendable {
    /// What the first column holds.
    public enum Abscissa: String, Sendable {
        /// The logit ℓ (the discriminator's raw output).
        case logit
        /// The probability D = σ(ℓ).
        case d
    }

    /// Which loss to compare with.
    public enum Target: Sendable, Hashable {
        case generator(GeneratorLoss)
        case discriminator(DiscriminatorLoss)
    }

    /// The player, for ``bestMatch(player:)``.
    public enum Player: String, Sendable {
        case generator = "g", discriminator = "d"
    }

    public var abscissa: Abscissa
    public var x: [Double], loss: [Double], gradient: [Double]?
    /// Per row, whether the sample is real (discriminator audits); nil for the generator.
    public var isReal: [Bool]?
    public var precision: AuditPrecision

    /// Rows of `x` (ℓ or D), the user's `loss` and optionally `gradient` (∂L/∂ℓ, or ∂L/∂D for a
    /// D abscissa), of equal lengths; `isReal` for a discriminator; `precision` nil to detect it
    /// from the numbers (``AuditPrecision/detect(_:)``).
    public init(abscissa: Abscissa = .logit, x: [Double], loss: [Double], gradient: [Double]? = nil,
                isReal: [Bool]? = nil, precision: AuditPrecision? = nil) {
        self.abscissa = abscissa; self.x = x; self.loss = loss; self.gradient = gradient; self.isReal = isReal
        self.precision = precision ?? AuditPrecision.detect(loss + (gradient ?? []))
    }

    /// The catalog's generator losses an audit may find instead of the one asked for (the
    /// relativistic ones need the real logits, and EBGAN's is the energy itself, ℓ, not a loss of
    /// a logit: they are left out).
    static let generatorCandidates: [GeneratorLoss] = GeneratorLoss.allCases.filter { $0.relativistic == nil && $0 != .ebgan }
    /// The catalog's discriminator losses, likewise.
    static let discriminatorCandidates: [DiscriminatorLoss] = [
        .bce, .leastSquares(fakeTarget: 0, realTarget: 1), .leastSquaresSigmoid, .wasserstein, .hinge,
    ]

    /// The comparison with `target`: a report per subject (one for the generator; the real and
    /// the generated samples for the discriminator).
    public func audit(_ target: Target) -> AuditReport {
        audit(target, searchingOthers: true)
    }

    private func audit(_ target: Target, searchingOthers: Bool) -> AuditReport {
        var groups: [GroupReport] = []
        for (subject, rows) in subjects(of: target) where !rows.isEmpty {
            let group = AuditGroup(subject: subject, abscissa: abscissa == .logit ? .logit : .d, precision: precision,
                                   x: rows.map { x[$0] }, loss: rows.map { loss[$0] }, gradient: gradient.map { g in rows.map { g[$0] } })
            let others = searchingOthers ? Self.others(of: subject) : []
            let lossVerdict = group.verdict(.value, others: others)
            let gradientVerdict = gradient == nil ? nil : group.verdict(.gradient, others: others, fromLoss: lossVerdict.deviation)
            groups.append(GroupReport(subject: subject, loss: lossVerdict, gradient: gradientVerdict))
        }
        return AuditReport(target: target, precision: precision, groups: groups)
    }

    /// The catalog loss the numbers match best, for `player`: an exact match first, then the
    /// one whose deviation is simplest and explains every row, then the one explaining most.
    public func bestMatch(player: Player) -> AuditReport {
        let targets: [Target] = switch player {
        case .generator: Self.generatorCandidates.map { .generator($0) }
        case .discriminator: Self.discriminatorCandidates.map { .discriminator($0) }
        }
        func score(_ report: AuditReport) -> Double {
            report.groups.reduce(0.0) { total, group in
                let v = group.loss
                if v.matches { return total }
                guard let d = v.deviation else { return total + 100 }
                return total + (v.explainedShare == 1 ? 1 + Double(d.parameters) : 100 + (1 - v.explainedShare))
            }
        }
        // Scored on at most 20 000 rows spread evenly; the winner is then audited on all of them.
        let step = max(1, x.count / 20_000)
        let rows = Array(stride(from: 0, to: x.count, by: step))
        let sample = LossAudit(abscissa: abscissa, x: rows.map { x[$0] }, loss: rows.map { loss[$0] },
                               gradient: gradient.map { g in rows.map { g[$0] } }, isReal: isReal.map { r in rows.map { r[$0] } },
                               precision: precision)
        var best: (AuditReport, Double)? = nil
        for target in targets {
            let report = sample.audit(target, searchingOthers: false)
            let s = score(report)
            if best == nil || s < best!.1 { best = (report, s) }
        }
        return audit(best!.0.target)
    }

    /// The rows of each subject of `target`.
    func subjects(of target: Target) -> [(AuditSubject, [Int])] {
        switch target {
        case .generator(let loss): return [(.generator(loss), Array(x.indices))]
        case .discriminator(let loss):
            let real = isReal ?? Array(repeating: true, count: x.count)
            return [(.discriminatorReal(loss), x.indices.filter { real[$0] }),
                    (.discriminatorFake(loss), x.indices.filter { !real[$0] })]
        }
    }

    /// The other subjects of the same player and side, for "the other loss".
    private static func others(of subject: AuditSubject) -> [AuditSubject] {
        switch subject {
        case .generator: generatorCandidates.map { .generator($0) }
        case .discriminatorReal: discriminatorCandidates.map { .discriminatorReal($0) }
        case .discriminatorFake: discriminatorCandidates.map { .discriminatorFake($0) }
        }
    }
}

/// The outcome of an audit.
public struct AuditReport: Sendable {
    /// The loss compared with.
    public var target: LossAudit.Target
    /// The format the numbers were judged in.
    public var precision: AuditPrecision
    /// One per subject with rows: the generator, or the real and the generated samples.
    public var groups: [GroupReport]

    /// Whether every column of every group matches within the tolerance of the format.
    public var matches: Bool { groups.allSatisfy { $0.loss.matches && ($0.gradient?.matches ?? true) } }
}

/// The verdicts on one subject's rows.
public struct GroupReport: Sendable {
    public var subject: AuditSubject
    /// The loss values.
    public var loss: ColumnVerdict
    /// The gradients, when given.
    public var gradient: ColumnVerdict?
}

/// One subject's rows for a figure, in the order of the abscissa: the user's values, the exact
/// ones and the error in ULP of the format.
public struct AuditCurves: Sendable {
    public var subject: AuditSubject
    public var x: [Double], user: [Double], exact: [Double], errorULP: [Double]
}

extension LossAudit {
    /// The loss columns of `target`'s subjects, for drawing.
    public func curves(_ target: Target) -> [AuditCurves] {
        subjects(of: target).filter { !$0.1.isEmpty }.map { subject, rows in
            let sorted = rows.sorted { x[$0] < x[$1] }
            let xs = sorted.map { precision.rounded(x[$0]) }
            let logits = abscissa == .logit ? xs : xs.map { Double.logit($0) }
            let exact = logits.map { subject.value(atLogit: $0) }
            let user = sorted.map { loss[$0] }
            let errors = zip(user, exact).map { y, e -> Double in
                let rounded = precision.rounded(e)
                let error = y == rounded ? 0 : abs(y - e) / precision.ulp(rounded)
                return error.isNaN ? .infinity : error
            }
            return AuditCurves(subject: subject, x: xs, user: user, exact: exact, errorULP: errors)
        }
    }
}
