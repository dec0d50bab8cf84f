import ArgumentParser
import LossPlot
import LossPlotCairo

/// `--font` and `--svg-text`: the family of a figure's text, and how an SVG file carries it.
struct TypographyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The typeface of all text: sans (DejaVu Sans, as matplotlib) or serif (Latin Modern Roman, as LaTeX), e.g. --font serif -o figure.pdf for a paper.",
        valueName: "family"))
    var font: FontChoice = .sans

    @Option(name: .customLong("svg-text"), help: ArgumentHelp(
        "How an SVG holds its text: text (<text> elements, editable in Inkscape and searchable) or outlines (glyph shapes that need no font to look right), e.g. -o figure.svg --svg-text outlines for a viewer without the font.",
        valueName: "mode"))
    var svgText: SVGText = .text

    /// The families `--font` names, as fontconfig knows them.
    enum FontChoice: String, NamedArgument {
        case sans, serif

        /// The family, as fontconfig, cairo and SVG viewers name it. Serif is Latin Modern Roman,
        /// with the characters it lacks (Greek, ∂ ∇ ℓ ≤ ≥ ≈ ≠ ′) from Latin Modern Math, of the same
        /// design; superscript digits from DejaVu Serif; then whatever serif a viewer has.
        var family: String {
            switch self {
            case .sans: Font.sansFamily
            case .serif: "Latin Modern Roman, Latin Modern Math, DejaVu Serif, serif"
            }
        }

        /// The Debian packages that install the family.
        var packages: String {
            switch self {
            case .sans: "fonts-dejavu-core"
            case .serif: "fonts-lmodern fonts-dejavu-core"
            }
        }
    }

    /// `theme` with its text in the chosen family.
    func applied(to theme: Theme) -> Theme {
        var theme = theme
        theme.fontFamily = font.family
        return theme
    }

    /// Fails, in one line, when the chosen family is not installed: before the figure is computed
    /// (a simulation can take seconds), rather than drawing it in the font that fontconfig would
    /// put in its place.
    func checkInstalled() throws {
        do {
            try CairoBackend.checkFontFamily(font.family)
        } catch let error as FontError {
            throw Failure(choice: font, error: error)
        }
    }

    /// A family that is not installed, with what to do about it.
    struct Failure: Error, CustomStringConvertible {
        var choice: FontChoice
        var error: FontError

        var description: String {
            let other = choice == .serif ? "--font sans" : "--font serif"
            return "--font \(choice.rawValue): \(error); install it (Debian: apt-get install \(choice.packages)) or use \(other)"
        }
    }
}

extension SVGText: NamedArgument {}
