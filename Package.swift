// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "gan-losses",
    products: [
        .library(name: "LossMath", targets: ["LossMath"]),
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
        .executableTarget(
            name: "gan-losses",
            dependencies: [
                "LossMath",
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
            name: "GanLossesTests",
            dependencies: ["LossMath", "gan-losses"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
