import ArgumentParser
import LossPlot

/// The one path from a ``Figure`` to file bytes, for `plot`, `figures` and `simulate`: lay out
/// once, then draw in each format with cairo.
enum FigureExport {
    /// The figure in each of `formats`. A figure that cannot be laid out as asked (an axis range
    /// it cannot map, say) is a usage error: the user chose the range.
    static func render(_ figure: Figure, formats: [ImageFormat], dpi: Double) throws -> [[UInt8]] {
        let backend = CairoBackend()
        do {
            let list = try FigureRenderer(measurer: backend).render(figure)
            return try formats.map { try backend.render(list, format: $0, dpi: dpi) }
        } catch let error as FigureError {
            throw ValidationError("\(error)")
        }
    }

    /// The raster a PNG of `figure` at `dpi` needs.
    static func raster(_ figure: Figure, dpi: Double) -> RasterSize {
        RasterSize(width: figure.width * 72, height: figure.height * 72, dpi: dpi)
    }

    /// Throws a usage error naming `what` if a PNG of this size (at `dpi`) would exceed the limits.
    static func checkRaster(_ size: RasterSize, dpi: Double, what: String) throws {
        guard !size.fits else { return }
        throw ValidationError("\(what) at \(NumberText.compact(dpi)) dpi would be \(size.width) × \(size.height) pixels, more than the limit of \(RasterSize.maximumPixels) (and \(RasterSize.maximumSide) a side); use --dpi \(Int(size.largestFittingDPI(measuredAt: dpi))) or less")
    }

    /// Memory to set aside while one figure is drawn: its raster surface if PNG is among the
    /// formats, plus the encoded files and cairo's working memory (measured: well under 16 MiB
    /// for any figure of the set as SVG and PDF).
    static func workingBytes(_ figure: Figure, formats: [ImageFormat], dpi: Double) -> Int {
        let surface = formats.contains(.png) ? raster(figure, dpi: dpi).surfaceBytes : 0
        return surface + surface / 16 + 16 << 20
    }
}
