internal import Glibc

/// Each deviation as a model of the user's numbers: per row, the interval of values it allows,
/// its parameter fitted from the data, and whether it explains every row.
extension AuditGroup {
    /// The values `deviation` allows at row `i` (nil: the exact value), and the magnitude of the
    /// terms the user's code combined (the tolerance scales with it: a difference of large terms
    /// keeps their absolute error). The forms through D allow every D that rounding to the
    /// format can give, and the log's argument rounded too.
    func interval(_ deviation: Deviation?, _ q: Quantity, _ i: Int) -> (lo: Double, hi: Double, terms: Double) {
        let e = exact(q)[i]
        func point(_ v: Double, _ terms: Double = 0) -> (Double, Double, Double) { (v, v, max(terms, abs(e))) }
        switch deviation {
        case nil: return point(e)
        case .flushedSubnormals:
            return abs(precision.rounded(e)) < precision.leastNormal ? (min(0, e), max(0, e), 0) : point(e)
        case .probabilitySpace: return throughD(q, i)
        case .epsilon(let epsilon): return throughD(q, i, epsilon: epsilon)
        case .logClamp(let floor): return throughD(q, i, logFloor: floor)
        case .sign: return point(-e)
        case .scale(let k): return point(k * e)
        case .offset(let c): return q == .value ? point(e + c, abs(c)) : point(e)
        case .smoothing(let t):
            guard let ce = subject.crossEntropy else { return (.nan, .nan, 0) }
            // s·BCE(ℓ, t) − s·BCE(ℓ, y) = s (y − t) ℓ, whose ∂/∂ℓ is s (y − t); the user's code
            // forms softplus(±ℓ) − t ℓ, a difference of terms as large as |ℓ|.
            let slope = ce.sign * (ce.label - t)
            switch q {
            case .value: return point(e + slope * logit[i], abs(logit[i]))
            case .gradient:
                return abscissa == .logit ? point(e + slope, 1) : point(e + slope / (x[i] * (1 - x[i])))
            }
        case .scaleAndOffset(let k, let c): return q == .value ? point(k * e + c, abs(c)) : point(k * e)
        case .otherLoss: return (.nan, .nan, 0)  // tried on the other subject's group (``verdict(_:others:fromLoss:)``)
        }
    }

    /// The values of the D form at the row's possible D: L(D), or ∂L/∂ℓ = L′(D)·D(1 − D) as
    /// autograd through σ gives it (∂L/∂D for a D abscissa). For a log, its argument u = D or
    /// 1 − D (plus ε) is itself rounded to the format: 1 − D of a small D is 1.
    private func throughD(_ q: Quantity, _ i: Int, epsilon: Double = 0, logFloor: Double = -.infinity) -> (lo: Double, hi: Double, terms: Double) {
        guard let form = subject.inD else { return (.nan, .nan, 0) }
        var lo = Double.infinity, hi = -Double.infinity
        func add(_ v: Double) { if !v.isNaN { (lo, hi) = (min(lo, v), max(hi, v)) } }
        switch form {
        case .log(let a, let complement):
            // a·log(u) is monotone in u, and u in D: the ends of D's range give the ends of the
            // values (their slopes, taken at both ends, bound the gradient's).
            let unit = 2 * precision.unitRoundoff
            for d in [dLow[i], dHigh[i]] {
                let u = (complement ? 1 - d : d) + epsilon
                for w in [u * (1 - unit), min(1 + epsilon, u * (1 + unit))] {
                    let log = Glibc.log(w)
                    switch q {
                    case .value: add(a * max(log, logFloor))
                    case .gradient:
                        let slope = log >= logFloor ? (complement ? -a : a) / w : 0
                        add(abscissa == .d ? slope : slope * d * (1 - d))
                    }
                }
            }
        case .odds, .halfSquare:
            for d in [dLow[i], dMiddle[i], dHigh[i]] {
                switch q {
                case .value: add(form.value(atD: d))
                case .gradient:
                    let slope = form.derivative(atD: d)
                    add(abscissa == .d ? slope : slope * d * (1 - d))
                }
            }
        }
        return lo <= hi ? (lo, hi, 0) : (.nan, .nan, 0)
    }

    /// Whether `deviation` explains every row of quantity `q` (stops at the first it does not).
    func explainsAll(_ deviation: Deviation?, _ q: Quantity) -> Bool {
        let y = user(q)
        for i in y.indices {
            let (lo, hi, terms) = interval(deviation, q, i)
            if !agrees(y[i], lo, hi, terms: terms) { return false }
        }
        return true
    }

    /// The share of the rows `deviation` explains.
    func share(_ deviation: Deviation?, _ q: Quantity) -> Double {
        let y = user(q)
        guard !y.isEmpty else { return 0 }
        var n = 0
        for i in y.indices {
            let (lo, hi, terms) = interval(deviation, q, i)
            if agrees(y[i], lo, hi, terms: terms) { n += 1 }
        }
        return Double(n) / Double(y.count)
    }

    /// The same rows against another subject.
    func sibling(_ other: AuditSubject) -> AuditGroup {
        AuditGroup(subject: other, abscissa: abscissa, precision: precision, x: x, loss: loss, gradient: gradient)
    }

    /// The median of `values` (nil when empty).
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    /// The rows the fits look at: every row up to 20 000, else an even stride through them (a
    /// deviation's parameter is the same on every row, so a sample finds it as well).
    var sample: StrideTo<Int> { stride(from: 0, to: count, by: max(1, count / 20_000)) }

    /// The deviations without a parameter worth trying for quantity `q`, and for the gradient
    /// those the loss column's deviation (`fromLoss`) implies, with its parameter.
    func simpleCandidates(_ q: Quantity, fromLoss: Deviation? = nil) -> [Deviation] {
        let e = exact(q)
        var list: [Deviation] = []
        if e.contains(where: { $0 != 0 && abs(precision.rounded($0)) < precision.leastNormal }) { list.append(.flushedSubnormals) }
        if subject.inD != nil { list.append(.probabilitySpace) }
        list.append(.sign)
        if q == .gradient, let fromLoss {
            switch fromLoss {
            case .epsilon, .logClamp, .smoothing: list.append(fromLoss)
            case .scale(let k), .scaleAndOffset(let k, _): list.append(.scale(k))
            case .flushedSubnormals, .probabilitySpace, .sign, .offset, .otherLoss: break
            }
        }
        return list
    }

    /// The deviations with a parameter, each fitted from ``sample``: a log clamp and an ε (for
    /// the losses that are a log of D or 1 − D), a scale, an offset, a smoothing target, a scale
    /// and an offset; one parameter first.
    func fittedCandidates(_ q: Quantity) -> [Deviation] {
        let y = user(q), e = exact(q)
        var list: [Deviation] = []
        if case .log(let a, let complement)? = subject.inD, q == .value {
            // A floor of the log: the loss holds a·m on several rows at its extreme.
            var extreme = a < 0 ? -Double.infinity : Double.infinity, hits = 0
            for v in y where v.isFinite {
                if v == extreme { hits += 1 } else if a < 0 ? v > extreme : v < extreme { (extreme, hits) = (v, 1) }
            }
            if hits >= 2 { list.append(.logClamp(extreme / a)) }
            // ε from the rows where it dominates: e^(y/a) = u + ε with u ≪ ε.
            var estimates: [Double] = []
            for i in sample where y[i].isFinite {
                let r = exp(y[i] / a), u = complement ? 1 - dMiddle[i] : dMiddle[i]
                if u < 0.01 * r { estimates.append(r - u) }
            }
            if estimates.count >= 2, let epsilon = Self.median(estimates), epsilon > 0, epsilon < 0.5 {
                list.append(.epsilon(epsilon))
            }
        }
        var ratios: [Double] = [], differences: [Double] = [], slopes: [Double] = []
        for i in sample where y[i].isFinite && e[i].isFinite {
            if abs(e[i]) >= precision.leastNormal { ratios.append(y[i] / e[i]) }
            differences.append(y[i] - e[i])
            if abs(logit[i]) >= 0.5 { slopes.append((y[i] - e[i]) / logit[i]) }
        }
        if let k = Self.median(ratios), k.isFinite, k != 1, k != -1, k != 0 { list.append(.scale(Self.tidy(k))) }
        if q == .value, let c = Self.median(differences), c != 0 { list.append(.offset(c)) }
        if q == .value, abscissa == .logit, let ce = subject.crossEntropy, let s = Self.median(slopes), s != 0 {
            list.append(.smoothing(target: Self.tidy(ce.label - s / ce.sign)))
        }
        if q == .value, let (k, c) = leastSquares(), k != 1 || c != 0 { list.append(.scaleAndOffset(scale: Self.tidy(k), offset: c)) }
        return list
    }

    /// y ≈ k·E + c by least squares over the finite rows.
    private func leastSquares() -> (Double, Double)? {
        var n = 0.0, se = 0.0, sy = 0.0, see = 0.0, sey = 0.0
        for i in sample where loss[i].isFinite && exactLoss[i].isFinite {
            let (e, y) = (exactLoss[i], loss[i])
            n += 1; se += e; sy += y; see += e * e; sey += e * y
        }
        let variance = see - se * se / max(n, 1)
        guard n >= 3, variance > 0 else { return nil }
        let k = (sey - se * sy / n) / variance
        return (k, (sy - k * se) / n)
    }

    /// A fitted factor as a round number or the inverse of one when it is within 10⁻⁶ of it.
    static func tidy(_ k: Double) -> Double {
        for candidate in [k.rounded(), 1 / (1 / k).rounded(), (k * 100).rounded() / 100]
        where candidate.isFinite && candidate != 0 && abs(candidate - k) <= 1e-6 * abs(k) {
            return candidate
        }
        return k
    }
}
