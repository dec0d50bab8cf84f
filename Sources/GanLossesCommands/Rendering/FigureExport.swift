import LossPlotCairo
import ArgumentParser
import LossPlot

/// The commands' use of ``FigureExporter`` (the one path from a figure to bytes, for `plot`,
/// `figures` and `simulate`), with the command line's policy: a figure that cannot be laid out
/// as asked (an axis range it cannot map, say) is a usage error, since the user chose it.
/// An SVG's text is `<text>` elements unless `svgText` says outlines (`--svg-text`).
enum FigureExport {
    static func render(_ figure: Figure, formats: [ImageFormat], dpi: Double, svgText: SVGText = .text) throws -> [[UInt8]] {
        try withPolicy(fontFamily: figure.theme.fontFamily) {
            try FigureExporter(dpi: dpi, svgText: svgText).render(figure, formats: formats)
        }
    }

    /// `figure` in `formats`, or, when it cannot be laid out at its size and that size is the
    /// theme's own (`sizeGiven` false), at the least size that holds it, with a note that says
    /// so ("drawn at 10 × 8.8 in, since 10 × 7.5 in cannot hold it (…)"); at a size the user
    /// chose, the layout error is thrown.
    static func renderFitting(_ figure: Figure, formats: [ImageFormat], dpi: Double, svgText: SVGText, sizeGiven: Bool,
                              name: String) throws -> (files: [[UInt8]], note: String?) {
        do {
            return (try render(figure, formats: formats, dpi: dpi, svgText: svgText), nil)
        } catch let error as LayoutError {
            guard !sizeGiven, let size = FigureRenderer(measurer: CairoBackend()).smallestFittingSize(of: figure) else { throw error }
            let note = "\(name): drawn at \(NumberText.compact(size.width)) × \(NumberText.compact(size.height)) in, since \(NumberText.compact(figure.width)) × \(NumberText.compact(figure.height)) in cannot hold it (\(error.description.split(separator: ";")[0]))"
            var fitted = figure
            (fitted.width, fitted.height) = size
            return (try render(fitted, formats: formats, dpi: dpi, svgText: svgText), note)
        }
    }

    /// `body`'s result, a `FigureError` turned into a usage error and a `FontError` for the
    /// family of a `--font` choice into that option's message (what to install, what else to use).
    static func withPolicy<T>(fontFamily: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as FigureError {
            throw ValidationError("\(error)")
        } catch let error as FontError {
            guard let choice = TypographyOptions.FontChoice.allCases.first(where: { $0.family == fontFamily }) else { throw error }
            throw TypographyOptions.Failure(choice: choice, error: error)
        }
    }

    /// The raster a PNG of `figure` at `dpi` needs.
    static func raster(_ figure: Figure, dpi: Double) -> RasterSize {
        FigureExporter(dpi: dpi).raster(of: figure)
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
