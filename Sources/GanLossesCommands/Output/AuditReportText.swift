import Audit
import Glibc
import LossMath
import LossPlot

/// An audit report in words (for people) and as JSON (for machines): per subject, whether the
/// loss (and gradient) match, by how much they miss, what explains it, where, and what to write.
struct AuditReportText {
    var report: AuditReport
    var file: String
    var precisionDetected: Bool
    var abscissa: LossAudit.Abscissa
    /// Whether the loss was found by searching the catalog (no --loss).
    var searched = false

    /// ℓ or D, as the rows are indexed.
    private var symbol: String { abscissa == .logit ? "ℓ" : "D" }

    private var precisionName: String { report.precision == .float ? "float32" : "float64" }

    /// "0.31326", "1e−08", "∞": a number for a sentence.
    static func number(_ x: Double) -> String {
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        if x == 0 { return "0" }
        if x == x.rounded(), abs(x) < 1e6 { return String(Int(x)).replacing("-", with: "−") }
        let text = abs(x) >= 1e-3 && abs(x) < 1e6 ? String(cFormat: "%.5g", x) : String(cFormat: "%.3g", x)
        return text.replacing("-", with: "−")
    }

    /// The whole report, as text.
    func text() -> String {
        var lines: [String] = []
        let detected = precisionDetected ? "detected from the values" : "as given"
        let against = searched ? "best matching \(target) in the catalog" : "against \(target)"
        lines.append("audit of \(InputText.shown(file)): \(report.groups.reduce(0) { $0 + $1.loss.rows }) rows, \(precisionName) (\(detected)), \(against)")
        for group in report.groups {
            if report.groups.count > 1 || !isGenerator { lines.append(""); lines.append("\(group.subject.description), \(group.loss.rows) rows:") }
            lines += column("loss", group.loss, group.subject)
            if let gradient = group.gradient {
                lines += column(abscissa == .logit ? "gradient ∂L/∂ℓ" : "gradient ∂L/∂D", gradient, group.subject)
            }
        }
        lines.append("")
        lines.append(report.matches ? "result: matches within the tolerance of \(precisionName) (4 ULP)" :
                        "result: does not match (exit 1)")
        return lines.joined(separator: "\n") + "\n"
    }

    private var isGenerator: Bool {
        if case .generator = report.target { return true }
        return false
    }

    /// "the non-saturating generator loss (nonsat)" or "the discriminator of nonsat: binary cross-entropy".
    private var target: String {
        switch report.target {
        case .generator(let loss): "the \(loss.title) generator loss (\(loss.id))"
        case .discriminator(let loss): "the discriminator loss \(loss.title)"
        }
    }

    private func column(_ name: String, _ v: ColumnVerdict, _ subject: AuditSubject) -> [String] {
        var lines: [String] = []
        let error = "max error \(Self.number(v.maxULP)) ULP, median \(Self.number(v.medianULP)) ULP"
        if v.deviation == nil && v.matches {
            lines.append("\(name): matches (\(error))")
            return lines
        }
        if v.matches, let d = v.deviation {
            lines.append("\(name): matches (\(error)), with \(d.name): \(explanation(d, subject, name: name))")
            return lines
        }
        lines.append("\(name): does not match (\(error); largest relative error \(Self.number(v.maxRelativeError)))")
        if let d = v.deviation {
            if v.explainedShare == 1 {
                lines.append("  diagnosis, \(d.name): \(explanation(d, subject, name: name))")
            } else {
                lines.append("  no known deviation explains every row; the closest, \(d.name), explains \(Self.number((v.explainedShare * 1000).rounded() / 10))% of them: \(explanation(d, subject, name: name))")
            }
        } else {
            lines.append("  no known deviation explains it")
        }
        for range in v.wrongRanges { lines.append("  wrong at " + where_(range)) }
        lines.append("  write instead: \(subject.stableForm)")
        return lines
    }

    /// "ℓ from 16.75 to 40 (93 rows): −∞ on 90 of them; worst at ℓ = 40: −∞ where the exact value is −40".
    private func where_(_ r: WrongRange) -> String {
        var text = r.from == r.to ? "\(symbol) = \(Self.number(r.from)) (1 row)" :
            "\(symbol) from \(Self.number(r.from)) to \(Self.number(r.to)) (\(r.rows) rows)"
        var notes: [String] = []
        if r.infinite > 0, let a = r.infiniteFrom, let b = r.infiniteTo {
            let sign = r.worstUser.isInfinite && r.worstUser < 0 ? "−∞" : "±∞"
            notes.append(a == b ? "\(sign) at \(symbol) = \(Self.number(a))" : "\(sign) from \(symbol) = \(Self.number(a)) to \(Self.number(b)) (\(r.infinite) rows)")
        }
        if r.zeros > 0 { notes.append("0 on \(r.zeros) rows") }
        if !notes.isEmpty { text += ": " + notes.joined(separator: ", ") }
        let off = r.maxRelativeError.isFinite ? "; off by up to \(Self.number(r.maxRelativeError * 100))%" : ""
        return text + off + "; worst at \(symbol) = \(Self.number(r.worstX)): \(Self.number(r.worstUser)) where the exact value is \(Self.number(r.worstExact))"
    }

    /// What the deviation means for this subject, in a sentence.
    func explanation(_ d: Deviation, _ subject: AuditSubject, name: String) -> String {
        let logBreak = report.precision == .float ? "17" : "37"
        switch d {
        case .flushedSubnormals:
            return "values below \(Self.number(report.precision.leastNormal)) are 0 (the processor flushes subnormals); harmless for training"
        case .probabilitySpace where abscissa == .d:
            return "computed as log(1 − D) (or log D) with 1 − D rounded to \(precisionName): a small D loses its digits there; log1p(−D) keeps them (torch.log1p(-d))"
        case .probabilitySpace:
            return "computed from D = σ(ℓ) rounded to \(precisionName) (log(σ(ℓ)), log(1 − σ(ℓ)), …): D or 1 − D loses its digits for |ℓ| beyond about \(logBreak), where the \(name) becomes ±∞, 0 or inexact"
        case .epsilon(let e):
            // u = D or 1 − D falls below ε beyond ℓ = log ε or −log ε.
            let complement: Bool
            if case .log(_, let c)? = subject.inD { complement = c } else { complement = false }
            let argument = complement ? "1 − D + ε" : "D + ε"
            let edge = complement ? "above ℓ ≈ \(Self.number(-log(e)))" : "below ℓ ≈ \(Self.number(log(e)))"
            return "ε = \(Self.number(e)) added inside the log, log(\(argument)): \(name == "loss" ? "the loss levels off" : "the loss, and with it this gradient, level off") \(edge), where \(complement ? "1 − D" : "D") falls below ε, and the gradient dies there"
        case .logClamp(let m):
            return "the log is clamped at \(Self.number(m)) (PyTorch's BCELoss clamps at −100): the loss stops at \(Self.number(abs(m))) and its gradient is 0 there"
        case .sign:
            return "the values are the negative of the exact ones: the sign is flipped"
        case .scale(let k):
            return "the values are \(Self.number(k)) times the exact ones" + Self.scaleNote(k)
        case .offset(let c):
            return "the values are the exact ones plus the constant \(Self.number(c))" + Self.offsetNote(c)
        case .smoothing(let t):
            return smoothingNote(t, subject)
        case .scaleAndOffset(let k, let c):
            return "the values are \(Self.number(k)) times the exact ones plus \(Self.number(c))"
        case .otherLoss(let other, let inner):
            return "the values are \(other.description)" + (inner.map { ", with \($0.name): " + explanation($0, other, name: name) } ?? "")
        }
    }

    static func scaleNote(_ k: Double) -> String {
        switch k {
        case 0.5: " (a ½ in front, as Goodfellow's 2016 tutorial writes every cost)"
        case 2: " (a factor 2)"
        case -0.5, -2: " (a flipped sign and a factor)"
        case let n where n == n.rounded() && n >= 3: " (a sum over \(Int(n)) samples where a mean was meant, or a weight of \(Int(n)))"
        case let n where n > 0 && (1 / n) == (1 / n).rounded() && 1 / n >= 3: " (a mean over \(Int(1 / n)) samples where a sum was meant, or a weight)"
        default: ""
        }
    }

    static func offsetNote(_ c: Double) -> String {
        // TF-GAN's minimax_generator_loss carries the constant −softplus(−1).
        let tfgan = -Double.softplus(-1)
        if abs(c - tfgan) <= 1e-6 { return " = −softplus(−1) ≈ −0.3133, the constant in TF-GAN's minimax_generator_loss (harmless for the gradient)" }
        if abs(c + 0.6931471805599453) <= 1e-6 { return " = −log 2 (harmless for the gradient)" }
        return " (harmless for the gradient, but the values are not the loss)"
    }

    private func smoothingNote(_ t: Double, _ subject: AuditSubject) -> String {
        let label = subject.crossEntropy?.label ?? 1
        var text = "a cross-entropy against the target t = \(Self.number(t)) instead of the label \(Self.number(label))"
        switch subject {
        case .discriminatorFake:
            text += ": the generated samples' label is smoothed, which one-sided label smoothing (Salimans et al. 2016) warns against; smooth only the real label"
        case .discriminatorReal, .generator:
            if label == 1 && t > 1 || label == 0 && t < 0 { text += ": smoothed in the wrong direction, past the label instead of toward ½" }
            else if case .generator = subject { text += ": label smoothing in the generator's loss" }
            else { text += " (one-sided label smoothing; audit against the smoothed loss if intended)" }
        }
        return text
    }

    /// The report as one JSON object.
    func json() -> String {
        func num(_ x: Double) -> String { x.isFinite ? NumberText.shortest(x) : JSONText.string(NumberText.shortest(x)) }
        func deviation(_ d: Deviation?, _ subject: AuditSubject) -> String {
            guard let d else { return "null" }
            var fields = ["\"name\": \(JSONText.string(d.name))"]
            switch d {
            case .epsilon(let e): fields.append("\"epsilon\": \(num(e))")
            case .logClamp(let m): fields.append("\"log_floor\": \(num(m))")
            case .scale(let k): fields.append("\"scale\": \(num(k))")
            case .offset(let c): fields.append("\"offset\": \(num(c))")
            case .smoothing(let t): fields.append("\"target\": \(num(t))")
            case .scaleAndOffset(let k, let c): fields += ["\"scale\": \(num(k))", "\"offset\": \(num(c))"]
            case .otherLoss(let other, let inner):
                fields.append("\"loss\": \(JSONText.string(Self.id(other)))")
                fields.append("\"with\": \(deviation(inner, other))")
            case .flushedSubnormals, .probabilitySpace, .sign: break
            }
            fields.append("\"explanation\": \(JSONText.string(explanation(d, subject, name: "loss")))")
            return "{" + fields.joined(separator: ", ") + "}"
        }
        func column(_ v: ColumnVerdict, _ subject: AuditSubject) -> String {
            let ranges = v.wrongRanges.map { r in
                "{\"from\": \(num(r.from)), \"to\": \(num(r.to)), \"rows\": \(r.rows), \"max_relative_error\": \(num(r.maxRelativeError)), \"infinite\": \(r.infinite), \"infinite_from\": \(r.infiniteFrom.map(num) ?? "null"), \"zeros\": \(r.zeros), \"worst\": {\"x\": \(num(r.worstX)), \"user\": \(num(r.worstUser)), \"exact\": \(num(r.worstExact))}}"
            }
            return "{\"matches\": \(v.matches), \"rows\": \(v.rows), \"max_ulp\": \(num(v.maxULP)), \"median_ulp\": \(num(v.medianULP)), \"max_relative_error\": \(num(v.maxRelativeError)), \"diagnosis\": \(deviation(v.deviation, subject)), \"explained_share\": \(num(v.explainedShare)), \"wrong_ranges\": [\(ranges.joined(separator: ", "))], \"write_instead\": \(v.matches ? "null" : JSONText.string(subject.stableForm))}"
        }
        let groups = report.groups.map { g in
            "    {\"subject\": \(JSONText.string(Self.side(g.subject))), \"loss\": \(column(g.loss, g.subject)), \"gradient\": \(g.gradient.map { column($0, g.subject) } ?? "null")}"
        }
        let (loss, player) = switch report.target {
        case .generator(let l): (l.id, "g")
        case .discriminator(let l): (Self.id(.discriminatorReal(l)), "d")
        }
        return """
            {
              "file": \(JSONText.string(file)),
              "loss": \(JSONText.string(loss)),
              "player": "\(player)",
              "abscissa": "\(abscissa.rawValue)",
              "precision": "\(report.precision.rawValue)",
              "precision_detected": \(precisionDetected),
              "loss_searched": \(searched),
              "matches": \(report.matches),
              "groups": [
            \(groups.joined(separator: ",\n"))
              ]
            }

            """
    }

    static func side(_ s: AuditSubject) -> String {
        switch s {
        case .generator: "generator"
        case .discriminatorReal: "real"
        case .discriminatorFake: "generated"
        }
    }

    /// A catalog id for a subject: the generator loss's id, or the discriminator loss's name.
    static func id(_ s: AuditSubject) -> String {
        switch s {
        case .generator(let l): l.id
        case .discriminatorReal(let l), .discriminatorFake(let l):
            switch l {
            case .bce, .bceSmoothed: "bce"
            case .leastSquares: "least-squares"
            case .leastSquaresSigmoid: "least-squares-sigmoid"
            case .wasserstein: "wasserstein"
            case .hinge: "hinge"
            case .relativistic(let game): game.rawValue
            case .energy: "energy"
            case .fDivergence(let d): d.id
            }
        }
    }
}

