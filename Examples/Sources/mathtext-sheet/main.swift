// The formulas of a GAN course set by LossPlot's math text (docs/math-text.md), as PNG.
//
//     mathtext-sheet                      all of them in one image, mathtext-sheet.png
//     mathtext-sheet --list               their markup, one per line
//     mathtext-sheet --each DIR [--family NAME] [--size PT] [--dpi N]
//                                         one tight image per formula, DIR/formula-01.png, …
//     … --formulas FILE                   the markup of FILE, one per line, instead
//
// tools/mathtext_compare.py sets the same markup with matplotlib's mathtext beside these.
import Foundation
import LossPlot
import LossPlotCairo

let courseFormulas = [
    #"$L_D = -\frac{1}{m}\sum_{i=1}^{m}\left[\log D(x_i) + \log\left(1 - D(G(z_i))\right)\right]$"#,
    #"$\min_G \max_D V(D, G) = \mathbb{E}_{x\sim p_\mathrm{data}}\left[\log D(x)\right] + \mathbb{E}_{z\sim p_z}\left[\log\left(1 - D(G(z))\right)\right]$"#,
    #"$L_G = -\frac{1}{m}\sum_{i=1}^{m}\log D(G(z_i))$"#,
    #"$D^*(x) = \frac{p_\mathrm{data}(x)}{p_\mathrm{data}(x) + p_g(x)}$"#,
    #"$\sigma(\ell) = \frac{1}{1 + e^{-\ell}}, \quad \sigma'(\ell) = \sigma(\ell)\,\left(1 - \sigma(\ell)\right)$"#,
    #"$\frac{\partial L_G}{\partial \ell} = -\sigma(-\ell) = -(1 - D) \to -1$"#,
    #"$\frac{\partial}{\partial \ell}\log\left(1 - \sigma(\ell)\right) = -\sigma(\ell) = -D \to 0$"#,
    #"$\|\nabla_\theta L_G\| = \left|\frac{\partial L_G}{\partial \ell}\right|\,\|\nabla_\theta \ell\|$"#,
    #"$\mathrm{KL}(P \| Q) = \int p(x)\,\log\frac{p(x)}{q(x)}\,dx$"#,
    #"$W(P_r, P_g) = \sup_{\|f\|_L \leq 1} \mathbb{E}_{x\sim P_r}[f(x)] - \mathbb{E}_{x\sim P_g}[f(x)]$"#,
    #"$\hat{x} = \epsilon x + (1 - \epsilon)\,G(z), \quad \epsilon \sim U[0, 1]$"#,
    #"$\lambda\,\mathbb{E}_{\hat{x}}\left[\left(\|\nabla_{\hat{x}} D(\hat{x})\|_2 - 1\right)^2\right]$"#,
    #"$R_1 = \frac{\gamma}{2}\,\mathbb{E}_{x\sim p_\mathrm{data}}\left[\|\nabla D(x)\|^2\right]$"#,
    #"$L_D^\mathrm{hinge} = \mathbb{E}\left[\max(0, 1 - D(x))\right] + \mathbb{E}\left[\max(0, 1 + D(\tilde{x}))\right]$"#,
    #"$\ell^* = \log\frac{t}{1 - t}, \quad \sqrt{1 + h^2/4} > 1, \quad \sqrt[3]{\bar{x}}$"#,
    #"$\theta_{k+1} = \theta_k - \eta\,\nabla_\theta L_G, \quad \psi_{k+1} = \psi_k + \eta\,\nabla_\psi V$"#,
]

/// `markup` set in `font`, with `margin` points of white around it, as a page.
func page(_ markups: [String], font: Font, margin: Double, measurer: CairoBackend) -> DisplayList {
    let layouts = markups.map { TextLayout($0, font: font, measurer: measurer) }
    let gap = 0.6 * font.size
    let width = (layouts.map(\.width).max() ?? 0) + 2 * margin
    let height = layouts.map(\.height).reduce(0, +) + gap * Double(max(layouts.count - 1, 0)) + 2 * margin
    var list = DisplayList(width: width, height: height)
    var top = margin
    for layout in layouts {
        list.items += layout.displayItems(at: Point(margin, top + layout.ascent))
        top += layout.height + gap
    }
    return list
}

func value(after flag: String, in arguments: [String]) -> String? {
    arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

let arguments = Array(CommandLine.arguments.dropFirst())
let formulas = try value(after: "--formulas", in: arguments).map {
    try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n").map(String.init)
} ?? courseFormulas
let backend = CairoBackend()
let font = Font(size: value(after: "--size", in: arguments).flatMap(Double.init) ?? 12,
                family: value(after: "--family", in: arguments) ?? Font.sansFamily)
let dpi = value(after: "--dpi", in: arguments).flatMap(Double.init) ?? 150

if arguments.contains("--list") {
    for formula in formulas { print(formula) }
} else if let folder = value(after: "--each", in: arguments) {
    for (i, formula) in formulas.enumerated() {
        let png = try backend.render(page([formula], font: font, margin: 2, measurer: backend), format: .png, dpi: dpi)
        let name = "\(folder)/formula-\(i + 1 < 10 ? "0" : "")\(i + 1).png"
        try Data(png).write(to: URL(fileURLWithPath: name))
    }
    print("\(formulas.count) formulas in \(folder)")
} else {
    let png = try backend.render(page(formulas, font: font, margin: 8, measurer: backend), format: .png, dpi: dpi)
    try Data(png).write(to: URL(fileURLWithPath: "mathtext-sheet.png"))
    print("mathtext-sheet.png: \(formulas.count) formulas")
}
