import ArgumentParser
import Audit
import Glibc

/// The CSV that `audit` reads: a header naming the columns `logit` (or `d`), `loss`, and
/// optionally `grad` (∂loss/∂logit, or ∂loss/∂D with `d`) and `label` (1 for a real sample, 0
/// for a generated one: the discriminator's rows); other columns are ignored. Read in one pass,
/// every problem named with its line: a missing column, a cell that is not a number, NaN, a D
/// outside [0, 1], a label other than 0 or 1, no rows (exit 64); an unreadable file (exit 1).
struct AuditTable {
    var abscissa: LossAudit.Abscissa
    var x: [Double] = [], loss: [Double] = [], gradient: [Double]?, label: [Double]?

    /// Reads `path`; `needsLabel` for a discriminator audit.
    init(path: String, needsLabel: Bool) throws {
        let file = CSVFile(path: path, option: "audit")
        let shown = InputText.shown(path)
        var columns: (x: Int, loss: Int, grad: Int?, label: Int?)? = nil
        var abscissa = LossAudit.Abscissa.logit
        let parser = DecimalParser()
        var x: [Double] = [], loss: [Double] = [], gradient: [Double] = [], label: [Double] = []
        try file.forEachLine { line, count, number in
            guard let c = columns else {
                let names = CSVFile.cells(line, count: count).map { $0.lowercased() }
                let listed = names.map { "'\(InputText.shown($0))'" }.joined(separator: ", ")
                guard let xi = names.firstIndex(of: "logit") ?? names.firstIndex(of: "d") else {
                    throw ValidationError("audit: \(shown) has no column 'logit' or 'd' in its header (\(listed)); the first line names the columns: logit,loss[,grad][,label]")
                }
                abscissa = names[xi] == "logit" ? .logit : .d
                guard let li = names.firstIndex(of: "loss") else {
                    throw ValidationError("audit: \(shown) has no column 'loss' in its header (\(listed)); the first line names the columns: logit,loss[,grad][,label]")
                }
                let label = names.firstIndex(of: "label")
                if needsLabel && label == nil {
                    throw ValidationError("audit: \(shown) has no column 'label'; a discriminator's rows need one: 1 for a real sample, 0 for a generated one")
                }
                columns = (xi, li, names.firstIndex(of: "grad"), label)
                return
            }
            func read(_ index: Int, _ name: String) throws -> Double {
                let v = try file.cell(line, count: count, index: index, line: number, parser: parser)
                guard !v.isNaN else {
                    throw ValidationError("audit: line \(number) of \(shown): the \(name) is NaN; the audit compares numbers (find where the NaN came from first)")
                }
                return v
            }
            let xv = try read(c.x, abscissa == .logit ? "logit" : "d")
            if abscissa == .d && !(0...1).contains(xv) {
                throw ValidationError("audit: line \(number) of \(shown): d = \(NumberText.shortest(xv)) is not a probability in [0, 1]")
            }
            x.append(xv)
            loss.append(try read(c.loss, "loss"))
            if let g = c.grad { gradient.append(try read(g, "grad")) }
            if let l = c.label {
                let v = try read(l, "label")
                guard v == 0 || v == 1 else {
                    throw ValidationError("audit: line \(number) of \(shown): label \(NumberText.shortest(v)) is neither 1 (a real sample) nor 0 (a generated one)")
                }
                label.append(v)
            }
        }
        guard let c = columns else { throw ValidationError("audit: \(shown) is empty; it needs a header (logit,loss[,grad]) and rows") }
        guard !x.isEmpty else { throw ValidationError("audit: \(shown) has a header but no rows") }
        self.abscissa = abscissa
        (self.x, self.loss) = (x, loss)
        self.gradient = c.grad == nil ? nil : gradient
        self.label = c.label == nil ? nil : label
    }
}
