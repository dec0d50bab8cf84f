// swift-tools-version: 6.1
// Four short programs that use gan-losses' libraries as another package would. Run from here:
//
//     swift run evaluate-batch        losses and gradients of a batch of logits (LossMath)
//     swift run custom-curve          a figure of your own, drawn with LossPlot, as SVG
//     swift run course-figure-pdf     a course figure (LossFigures) rendered to PDF
//     swift run mathtext-sheet        the formulas of a GAN course set by LossPlot, as PNG
//
// This manifest uses the checkout it sits in; tools/check-consumer.sh (run by `make test`) builds
// the same programs against a tagged copy by version, `.package(url: …, exact: "0.1.0")`.
import PackageDescription

let package = Package(
    name: "gan-losses-examples",
    dependencies: [
        .package(name: "gan-losses", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "evaluate-batch",
            dependencies: [.product(name: "LossMath", package: "gan-losses")]
        ),
        .executableTarget(
            name: "custom-curve",
            dependencies: [
                .product(name: "LossMath", package: "gan-losses"),
                .product(name: "LossPlot", package: "gan-losses"),
                .product(name: "LossPlotCairo", package: "gan-losses"),
            ]
        ),
        .executableTarget(
            name: "mathtext-sheet",
            dependencies: [
                .product(name: "LossPlot", package: "gan-losses"),
                .product(name: "LossPlotCairo", package: "gan-losses"),
            ]
        ),
        .executableTarget(
            name: "course-figure-pdf",
            dependencies: [
                .product(name: "LossFigures", package: "gan-losses"),
                .product(name: "LossPlotCairo", package: "gan-losses"),
            ]
        ),
    ]
)
