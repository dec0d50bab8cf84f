// swift-tools-version: 6.1
import PackageDescription
import Foundation

/// The loss kernels lean on fused multiply-add for their error-free steps and are written to be
/// vectorized by the compiler. Without FMA in hardware every fma is a libm call, several times
/// slower; so LossMath and Dynamics are compiled for the building machine's vector unit when it has
/// one, with loops eight doubles wide on AVX-512: LLVM's skylake-avx512 tuning prefers four, and the
/// tuning flag is switched off through clang's target features. (Not `-force-vector-width`: that
/// hint also licenses the vectorizer to reorder floating-point sums, which changes their results
/// from one machine to another.) The results are the same bits either way: the kernels use only correctly
/// rounded operations and explicit fma, never contraction. Set GAN_LOSSES_PORTABLE=1 to build for
/// any x86-64 (for a binary that must run on another machine).
let cpuFlags: Set<Substring> = {
    #if os(Linux) && arch(x86_64)
    if ProcessInfo.processInfo.environment["GAN_LOSSES_PORTABLE"] == "1" { return [] }
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return [] }
    return Set(line.split(separator: " "))
    #else
    return []
    #endif
}()
func clangTargetFeature(_ feature: String) -> [String] {
    ["-Xcc", "-Xclang", "-Xcc", "-target-feature", "-Xcc", "-Xclang", "-Xcc", feature]
}
let vectorUnitFlags: [String] =
    ["avx512f", "avx512dq", "avx512vl", "avx512bw", "fma"].allSatisfy(cpuFlags.contains) ? ["-target-cpu", "skylake-avx512"] + clangTargetFeature("-prefer-256-bit")
    : ["avx2", "fma"].allSatisfy(cpuFlags.contains) ? ["-target-cpu", "haswell"]
    : []

let package = Package(
    name: "gan-losses",
    products: [
        .library(name: "LossMath", targets: ["LossMath"]),
        .library(name: "LossPlot", targets: ["LossPlot"]),
        .library(name: "LossFigures", targets: ["LossFigures"]),
        .executable(name: "gan-losses", targets: ["gan-losses"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .target(
            name: "LossMath",
            // The reference vectors are read from the source tree (ReferenceFolder),
            // not declared as a resource: SwiftPM's resource accessor would import Foundation.
            exclude: ["Resources/reference"],
            // Optimized in debug builds too: the kernels are only fast once inlined and optimized,
            // and the 110 000-point reference checks run in the debug tests.
            swiftSettings: [
                .unsafeFlags(vectorUnitFlags),
                .unsafeFlags(["-O"], .when(configuration: .debug)),
            ]
        ),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // glibc's malloc.h (mallopt), for the tool's memory budget under `ulimit -v`.
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "LossPlot",
            dependencies: ["CCairo", "CZlib"]
        ),
        .target(
            name: "Dynamics",
            dependencies: ["LossMath"],
            // The simulations train small networks: optimized even in debug builds, so that the
            // debug test run and `gan-losses figures` from a debug build take seconds, not minutes.
            swiftSettings: [
                .unsafeFlags(vectorUnitFlags),
                .unsafeFlags(["-O"], .when(configuration: .debug)),
            ]
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
                "CMalloc",
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
