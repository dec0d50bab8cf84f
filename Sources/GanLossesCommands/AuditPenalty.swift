import ArgumentParser
import Audit
import LossMath

/// `audit --penalty`: the user's gradient penalty over a batch against the forms it can take:
/// one norm per sample, reduced by the mean (as the papers write it) or the sum, or one norm
/// over the whole batch's gradients (a common mistake).
extension AuditCommand {
    /// A form the penalty can take, and its value on the batch.
    struct PenaltyForm {
        var name: String
        var value: Double
        var isPrescribed: Bool
    }

    /// `--penalty lecam`: not a gradient penalty.
    static let noLeCam = ValidationError("--penalty lecam: the audit checks a gradient penalty from per-sample gradients; LeCam regularizes the outputs: compute it with gan-losses penalty --kind lecam")

    func auditPenalty(_ kind: PenaltyCommand.Kind, file: String) throws {
        guard let penalty = kind.penalty(lambda: lambda, target: nil, gamma: gamma) else { throw AuditCommand.noLeCam }
        let rows = try GradientRows.parse("@" + file, name: "audit")
        var accumulator = GradientPenaltyAccumulator(penalty: penalty)
        let shape = try rows.forEach { gradient, _ in _ = accumulator.add(gradient: gradient) }
        let n = accumulator.count
        let user = value ?? 0
        let forms = [
            PenaltyForm(name: "one norm per sample, mean over the batch", value: accumulator.perSample(reduction: .mean), isPrescribed: true),
            PenaltyForm(name: "one norm per sample, sum over the batch", value: accumulator.perSample(reduction: .sum), isPrescribed: false),
            PenaltyForm(name: "one norm over the whole batch", value: accumulator.wholeBatch, isPrescribed: false),
        ]
        let precisionUsed = precision.map { $0 == .float ? AuditPrecision.float : .double } ?? AuditPrecision.detect([user])
        // A float32 batch reduction may be off by about n roundings.
        let tolerance = Double(8 + 2 * n) * precisionUsed.unitRoundoff
        func relative(_ form: PenaltyForm) -> Double {
            form.value == user ? 0 : abs(user - form.value) / max(abs(form.value), .leastNormalMagnitude)
        }
        let matching = forms.first { relative($0) <= tolerance }
        let weight: (name: String, value: Double) = switch kind {
        case .wganGP, .oneSided, .dragan: ("λ", lambda ?? PenaltyCommand.defaultLambda)
        case .r1, .r2: ("γ", gamma ?? PenaltyCommand.defaultGamma)
        case .lecam: throw AuditCommand.noLeCam
        }
        let verdict: String
        switch matching {
        case let form? where form.isPrescribed:
            verdict = "the norm was taken per sample and the batch reduced by its mean, as \(kind.rawValue) prescribes"
        case let form? where form.name.contains("whole batch"):
            verdict = "whole-batch norm: your penalty took one norm over the whole batch's gradients (G = \(AuditReportText.number(accumulator.wholeBatchNorm))), not one per sample; take one norm per sample, such as grad.flatten(1).norm(2, dim=1) in PyTorch or jnp.linalg.norm(g.reshape(n, -1), axis=1) in JAX, then the mean"
        case .some:
            verdict = "a sum over the batch where \(kind.rawValue) takes the mean: \(n) times too large"
        case nil:
            let implied = forms.map { form -> String in
                let unit = form.value / weight.value
                return "\(form.name): \(weight.name) = \(AuditReportText.number(user / unit))"
            }
            verdict = "no form matches with \(weight.name) = \(AuditReportText.number(weight.value)); the \(weight.name) each form would need: " + implied.joined(separator: "; ")
        }
        switch format {
        case .text:
            var lines = ["penalty audit of \(InputText.shown(file)): \(n) samples of \(shape.columns) dimensions, \(kind.rawValue) with \(weight.name) = \(AuditReportText.number(weight.value)), \(precisionUsed == .float ? "float32" : "float64")",
                         "your value: \(NumberText.shortest(user))"]
            for form in forms {
                let mark = matching?.name == form.name ? "  ← matches" : ""
                lines.append("  \(form.name): \(NumberText.shortest(form.value)) (relative difference \(AuditReportText.number(relative(form))))\(mark)")
            }
            lines.append("result: " + verdict)
            try Output.write(lines.joined(separator: "\n") + "\n")
        case .json:
            let formsJSON = forms.map {
                "{\"form\": \(JSONText.string($0.name)), \"value\": \(JSONText.value(.double($0.value))), \"matches\": \($0.name == matching?.name)}"
            }
            try Output.write("""
                {"file": \(JSONText.string(file)), "penalty": "\(kind.rawValue)", "samples": \(n), "value": \(JSONText.value(.double(user))), \
                "matches": \(matching?.isPrescribed == true), "diagnosis": \(matching.map { $0.isPrescribed ? "null" : JSONText.string($0.name.contains("whole batch") ? "whole-batch norm" : "sum") } ?? JSONText.string("unexplained")), \
                "forms": [\(formsJSON.joined(separator: ", "))], "verdict": \(JSONText.string(verdict))}

                """)
        }
        if matching?.isPrescribed != true { throw ExitCode.failure }
    }
}
