// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "gan-losses",
    products: [
        .library(name: "LossMath", targets: ["LossMath"]),
        .library(name: "LossPlot", targets: ["LossPlot"]),
        .executable(name: "gan-losses", targets: ["gan-losses"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .target(
            name: "LossMath",
            resources: [.copy("Resources/reference")]
        ),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]
        ),
        .target(
            name: "LossPlot",
            dependencies: ["CCairo"]
        ),
        .target(
            name: "Dynamics",
            dependencies: ["LossMath"],
            // The simulations train small networks: optimized even in debug builds, so that the
            // debug test run and `gan-losses figures` from a debug build take seconds, not minutes.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "LossFigures",
            dependencies: ["LossMath", "LossPlot", "Dynamics"]
        ),
        .executableTarget(
            name: "gan-losses",
            dependencies: [
                "LossMath",
                "Dynamics",
                "LossPlot",
                "LossFigures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LossMathTests",
            dependencies: [
                "LossMath",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "DynamicsTests",
            dependencies: ["Dynamics", "LossMath"]
        ),
        .testTarget(
            name: "LossPlotTests",
            dependencies: ["LossPlot"],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "GanLossesTests",
            dependencies: ["LossMath", "LossPlot", "LossFigures", "gan-losses"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
