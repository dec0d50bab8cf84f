// A figure of your own with LossPlot: the non-saturating generator loss softplus(−ℓ) and its
// gradient −σ(−ℓ) from LossMath, beside a curve given as a plain function, written as SVG.
import LossMath
import LossPlot
import LossPlotCairo

let loss = FunctionCurve.batch(label: "$\\mathrm{softplus}(-\\ell)$", domain: -6...6) { logits in
    var values = [Double](repeating: 0, count: logits.count), gradients = values
    GeneratorLoss.nonsat.evaluate(logits: logits, values: &values, gradients: &gradients)
    return values
}
let gradient = FunctionCurve(label: "$-\\sigma(-\\ell)$", domain: -6...6) { -Double.sigmoid(-$0) }
let figure = Figure(
    width: 5, height: 3.5, title: "The non-saturating generator loss",
    panels: [Panel(x: Axis(label: "logit $\\ell$"), y: Axis(label: "$L_G$ and $\\partial L_G/\\partial\\ell$"),
                   marks: [.function(loss), .function(gradient), .horizontalLine(ReferenceLine(at: 0))])])
try FigureExporter().write(figure, to: "custom-curve.svg")
print("custom-curve.svg")
