import Benchmark
import LossFigures
import LossMath
import LossPlot

/// The batch and scalar loss paths (L and ∂L/∂ℓ for 10⁶ logits) and the default `gan-losses plot`
/// figure (minimax and nonsat against D). Names without spaces: the threshold files are named after them. The committed
/// thresholds (Thresholds/) hold allocation counts, which are exact and machine-independent;
/// wall time is reported but never checked (the machines are shared and noisy).
let benchmarks: @Sendable () -> Void = {
    let n = 1_000_000
    var generator = SeededGenerator(seed: 1)
    let logits = (0..<n).map { _ in -20 + 40 * generator.uniform() }

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50,
        // The harness itself allocates a few dozen blocks per iteration (21–44 seen); a path that
        // allocated per element would add 10⁶.
        thresholds: [.mallocCountTotal: .init(absolute: [.p90: 10])]
    )

    for loss in [GeneratorLoss.minimax, .nonsat] {
        // L and ∂L/∂ℓ for 10⁶ logits into caller buffers: no allocation at all.
        Benchmark("batch-\(loss.id)") { benchmark in
            var values = [Double](repeating: 0, count: n), gradients = values
            benchmark.startMeasurement()
            logits.withUnsafeBufferPointer { l in
                values.withUnsafeMutableBufferPointer { v in
                    gradients.withUnsafeMutableBufferPointer { g in
                        loss.evaluate(logits: l, values: v, gradients: g)
                    }
                }
            }
            benchmark.stopMeasurement()
            blackHole(values[n / 2] + gradients[n / 2])
        }

        // The same through the scalar functions, one logit at a time.
        Benchmark("scalar-\(loss.id)") { _ in
            var sum = 0.0
            for l in logits { sum += loss.value(atLogit: l) + loss.gradientLogit(atLogit: l) }
            blackHole(sum)
        }
    }

    // The figure of `gan-losses plot --loss minimax,nonsat`, laid out and encoded in memory.
    let backend = CairoBackend()
    for format in [ImageFormat.png, .svg, .pdf] {
        Benchmark("plot-\(format)",
                  configuration: .init(thresholds: [.mallocCountTotal: .init(relative: [.p90: 2.0])])) { _ in
            let figure = try LossCurveFigure(losses: [.minimax, .nonsat]).figure()
            let list = try FigureRenderer(measurer: backend).render(figure)
            blackHole(try backend.render(list, format: format, dpi: 150))
        }
    }
}
