/// How an SVG file carries its text: as text a person can edit and search, or as the shapes of
/// the glyphs.
///
/// ```swift
/// let editable = try FigureExporter().render(figure, formats: [.svg])[0]                    // <text> elements
/// let portable = try FigureExporter(svgText: .outlines).render(figure, formats: [.svg])[0]  // glyph outlines
/// ```
public enum SVGText: String, Sendable, CaseIterable {
    /// Each run of text is a `<text>` element that names its font (family, size, style, weight),
    /// as matplotlib's `svg.fonttype: none`: editable in Inkscape or Illustrator, searchable and
    /// selectable in a browser, and drawn by the viewer with its own copy of the font. Written by
    /// LossPlotCairo itself, straight from the display list, with the geometry of the PNG.
    case text
    /// Each glyph is an outline (cairo's SVG surface): the file looks the same on every viewer,
    /// with or without the font, but its text can be neither edited nor searched.
    case outlines
}
