// swift-tools-version: 6.1
// The benchmarks of gan-losses (ordo-one/benchmark), a package of their own so that the main
// package and its tests do not depend on the benchmark harness. Run from this folder:
//
//     swift package benchmark                      the table: time, throughput, allocations
//     swift package benchmark thresholds check     allocations against Thresholds/ (exit 2 on a regression)
//
// or `make benchmarks` from the repository root.
import PackageDescription

let package = Package(
    name: "gan-losses-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "gan-losses", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LossBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LossMath", package: "gan-losses"),
                .product(name: "LossPlot", package: "gan-losses"),
                .product(name: "LossFigures", package: "gan-losses"),
            ],
            path: "Benchmarks/LossBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
