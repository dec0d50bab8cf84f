// swift-tools-version: 6.1
import PackageDescription

/// Every target: Swift 6, imports internal unless declared public, members visible only from
/// modules a file imports itself.
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// No unsafe flags and no probing of the building machine here, so that other packages can
// depend on the libraries by version. Tuning for the machine is `make release` (Makefile).
let package = Package(
    name: "gan-losses",
    products: [
        .library(name: "LossMath", targets: ["LossMath"]),
        .library(name: "LossPlot", targets: ["LossPlot"]),
        .library(name: "LossPlotCairo", targets: ["LossPlotCairo"]),
        .library(name: "LossFigures", targets: ["LossFigures"]),
        .executable(name: "gan-losses", targets: ["gan-losses"]),
        .executable(name: "gan-losses-explorer", targets: ["gan-losses-explorer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The explorer's HTTP server (`gan-losses-explorer`): no SwiftNIO, 15 s to build (bench/RESULTS.md).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The losses, their derivatives, the reference vectors and the accuracy check.
        .target(
            name: "LossMath",
            // The reference vectors are read from the source tree (ReferenceFolder),
            // not declared as a resource: SwiftPM's resource accessor would import Foundation.
            exclude: ["Resources/reference"],
            swiftSettings: settings
        ),
        // Small exact training simulations (DiracGAN, gradient decay, a mixture GAN).
        .target(name: "Dynamics", dependencies: ["LossMath"], swiftSettings: settings),
        // A user's exported loss values against the exact catalog: the error and its explanation.
        .target(name: "Audit", dependencies: ["LossMath"], swiftSettings: settings),
        // Figures as data: model, scales, ticks, math text, layout, display list. Pure Swift.
        .target(name: "LossPlot", swiftSettings: settings),
        // Display lists drawn with cairo (PNG, SVG, PDF), the PNG encoder, and the export façade.
        .target(name: "LossPlotCairo", dependencies: ["LossPlot", "CCairo", "CZlib"], swiftSettings: settings),
        // For tests of figures: a recording backend, PNG decoding, display-list checks.
        .target(name: "LossPlotTesting", dependencies: ["LossPlot", "LossPlotCairo", "CCairo"], swiftSettings: settings),
        // The course figures, built from LossMath and Dynamics.
        .target(name: "LossFigures", dependencies: ["LossMath", "LossPlot", "Dynamics", "Audit"], swiftSettings: settings),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // glibc's malloc.h (mallopt), for the tool's memory budget under `ulimit -v`.
        .systemLibrary(name: "CMalloc"),
        // The tool's commands, options, input and output, and the explorer's routes and page:
        // everything of `gan-losses` but its entry point, shared with the explorer's server.
        .target(
            name: "GanLossesCommands",
            dependencies: [
                "LossMath", "Dynamics", "Audit", "LossPlot", "LossPlotCairo", "LossFigures", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(name: "gan-losses", dependencies: ["GanLossesCommands"], swiftSettings: settings),
        // The explorer's HTTP server, a program of its own: FlyingFox links Foundation's networking,
        // ICU and libcurl, which `gan-losses` never loads (docs/explorer.md).
        .executableTarget(
            name: "gan-losses-explorer",
            dependencies: [
                "GanLossesCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "LossMathTests",
            dependencies: ["LossMath", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: settings
        ),
        .testTarget(name: "DynamicsTests", dependencies: ["Dynamics", "LossMath"], swiftSettings: settings),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "LossMath"], swiftSettings: settings),
        .testTarget(
            name: "LossPlotTests",
            dependencies: ["LossPlot", "LossPlotCairo", "LossPlotTesting"],
            resources: [.copy("Resources")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GanLossesTests",
            dependencies: ["LossMath", "Dynamics", "LossPlot", "LossPlotCairo", "LossPlotTesting", "LossFigures", "GanLossesCommands", "gan-losses"],
            swiftSettings: settings
        ),
    ],
    swiftLanguageModes: [.v6]
)
