/// One column of a user's numbers (losses or gradients) against the exact ones: how far off it
/// is, in the units of its format, and what explains it when it is off.
public struct ColumnVerdict: Sendable {
    /// The number of rows.
    public var rows: Int
    /// The largest and the median error in ULP of the user's format at the exact value
    /// (infinite where the user has ±∞ and the exact value is finite).
    public var maxULP: Double, medianULP: Double
    /// The largest |user − exact|/|exact| over the rows with a nonzero exact value.
    public var maxRelativeError: Double
    /// Whether every row is within 4 ULP of the exact value, or off only harmlessly
    /// (``Deviation/isHarmless``).
    public var matches: Bool
    /// What explains the rows that are off: the first of the known deviations, simplest first,
    /// that explains every row; when none does, the one that explains most (``explainedShare``
    /// below 1). Nil when every row is exact.
    public var deviation: Deviation?
    /// The share of the rows that ``deviation`` explains.
    public var explainedShare: Double
    /// Where the values go wrong: runs of rows, in the order of the abscissa, that are off the
    /// exact value by more than 4 ULP; the three with the most rows, in abscissa order.
    public var wrongRanges: [WrongRange]
}

/// A run of rows, consecutive in the abscissa, whose values are off.
public struct WrongRange: Sendable, Equatable {
    /// The abscissa (ℓ or D) of the run's first and last rows.
    public var from: Double, to: Double
    public var rows: Int
    /// The largest relative error in the run (∞ where the user has ±∞ or the exact value is 0).
    public var maxRelativeError: Double
    /// The rows where the user's value is ±∞, and where it is 0 while the exact one is not.
    public var infinite: Int, zeros: Int
    /// The abscissa of the run's first and last ±∞ (nil without one).
    public var infiniteFrom: Double?, infiniteTo: Double?
    /// The row with the largest error: its abscissa, the user's value and the exact one.
    public var worstX: Double, worstUser: Double, worstExact: Double
}

extension AuditGroup {
    /// The verdict on quantity `q`: the errors, the explanation among `others` (other catalog
    /// subjects) and this subject's deviations, and where it goes wrong.
    func verdict(_ q: Quantity, others: [AuditSubject], fromLoss: Deviation? = nil) -> ColumnVerdict {
        let y = user(q), e = exact(q)
        var ulps = [Double](), maxRelative = 0.0, allAgree = true
        ulps.reserveCapacity(y.count)
        for i in y.indices {
            let rounded = precision.rounded(e[i])
            let error = y[i] == rounded ? 0 : abs(y[i] - e[i]) / precision.ulp(rounded)
            ulps.append(error.isNaN ? .infinity : error)
            if e[i] != 0, e[i].isFinite { maxRelative = max(maxRelative, y[i] == rounded ? 0 : abs(y[i] - e[i]) / abs(e[i])) }
            if allAgree && !agrees(y[i], e[i], e[i]) { allAgree = false }
        }
        let sorted = ulps.sorted()
        var verdict = ColumnVerdict(rows: y.count, maxULP: sorted.last ?? 0, medianULP: sorted.isEmpty ? 0 : sorted[sorted.count / 2],
                                    maxRelativeError: maxRelative, matches: allAgree, deviation: nil, explainedShare: 1,
                                    wrongRanges: [])
        guard !allAgree else { return verdict }
        verdict.wrongRanges = wrongRanges(q)
        // The simplest explanations first, the costly last: this subject's deviations without a
        // parameter; another loss as it is or through D; fitted deviations of one parameter;
        // another loss with a sign, scale or offset; then two parameters. Another subject's rows
        // are made one at a time, and dropped.
        let rivals = others.filter { $0 != subject }
        let simple = simpleCandidates(q, fromLoss: fromLoss)
        func found(_ d: Deviation) -> ColumnVerdict {
            var v = verdict
            (v.deviation, v.matches) = (d, d.isHarmless)
            return v
        }
        if let d = simple.first(where: { explainsAll($0, q) }) { return found(d) }
        for other in rivals {
            let group = sibling(other)
            for inner in [nil, group.subject.inD == nil ? nil : Deviation.probabilitySpace] where group.explainsAll(inner, q) {
                return found(.otherLoss(other, inner))
            }
        }
        let fitted = fittedCandidates(q)
        if let d = fitted.first(where: { $0.parameters == 1 && explainsAll($0, q) }) { return found(d) }
        for other in rivals {
            let group = sibling(other)
            let inner = [Deviation.sign] + group.fittedCandidates(q).filter {
                if case .scale = $0 { return true }
                if case .offset = $0 { return true }
                return false
            }
            if let d = inner.first(where: { group.explainsAll($0, q) }) { return found(.otherLoss(other, d)) }
        }
        if let d = fitted.first(where: { $0.parameters > 1 && explainsAll($0, q) }) { return found(d) }
        // None explains every row: the one of this subject that explains the most.
        var best: (Deviation, Double)? = nil
        for candidate in simple + fitted {
            let s = share(candidate, q)
            if s > (best?.1 ?? 0) { best = (candidate, s) }
        }
        if let best { (verdict.deviation, verdict.explainedShare) = (best.0, best.1) } else { verdict.explainedShare = 0 }
        return verdict
    }

    /// The runs of rows (in abscissa order) that are off the exact value; the three longest. A run
    /// ends where a row that agrees lies between two that do not.
    func wrongRanges(_ q: Quantity) -> [WrongRange] {
        let y = user(q), e = exact(q)
        var wrong: [Int] = [], rightX: [Double] = []
        for i in x.indices {
            if agrees(y[i], e[i], e[i]) { rightX.append(x[i]) } else { wrong.append(i) }
        }
        rightX.sort()
        wrong.sort { x[$0] < x[$1] }
        var runs: [WrongRange] = []
        var current: WrongRange? = nil
        var worstError = 0.0
        var next = 0  // the first agreeing row at or after the previous wrong row's x
        for i in wrong {
            // An agreeing row strictly between the last wrong row and this one ends the run.
            var between = false
            while next < rightX.count && rightX[next] < x[i] {
                if let run = current, rightX[next] > run.to { between = true }
                next += 1
            }
            if between, let run = current { runs.append(run); current = nil }
            let relative = e[i] == 0 || !y[i].isFinite ? Double.infinity : abs(y[i] - e[i]) / abs(e[i])
            if current == nil {
                current = WrongRange(from: x[i], to: x[i], rows: 0, maxRelativeError: 0, infinite: 0, zeros: 0,
                                     infiniteFrom: nil, infiniteTo: nil, worstX: x[i], worstUser: y[i], worstExact: e[i])
                worstError = -1
            }
            current!.to = x[i]
            current!.rows += 1
            if !y[i].isFinite {
                current!.infinite += 1
                if current!.infiniteFrom == nil { current!.infiniteFrom = x[i] }
                current!.infiniteTo = x[i]
            }
            if y[i] == 0 && e[i] != 0 { current!.zeros += 1 }
            let size = relative.isFinite ? relative : abs(y[i] - e[i])
            if relative >= current!.maxRelativeError && size > worstError {
                (current!.worstX, current!.worstUser, current!.worstExact) = (x[i], y[i], e[i])
                worstError = size
            }
            current!.maxRelativeError = max(current!.maxRelativeError, relative)
        }
        if let run = current { runs.append(run) }
        let longest = runs.enumerated().sorted { ($0.element.rows, -$0.offset) > ($1.element.rows, -$1.offset) }.prefix(3)
        return longest.sorted { $0.offset < $1.offset }.map(\.element)
    }
}
