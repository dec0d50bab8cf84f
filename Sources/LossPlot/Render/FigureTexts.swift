/// Every text of a figure that is math markup, with the words that name it in a message: the
/// title, the panels' titles and axis labels, the marks' legend labels and the annotations.
enum FigureTexts {
    /// Each text in the order a reader meets it, with its subject ("the x label of panel 2").
    static func all(of figure: Figure) -> [(markup: String, subject: String)] {
        var texts: [(markup: String, subject: String)] = []
        // A title's lines (a newline starts one) are set one by one, so each is checked alone.
        func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        if let title = figure.title { texts += lines(title).map { ($0, "the title") } }
        let several = figure.panels.count > 1
        for (i, panel) in figure.panels.enumerated() {
            let of = several ? " of panel \(i + 1)" : ""
            if let title = panel.title { texts += lines(title).map { ($0, several ? "the title of panel \(i + 1)" : "the panel title") } }
            if let label = panel.x.label { texts.append((label, "the x label" + of)) }
            if let label = panel.y.label { texts.append((label, "the y label" + of)) }
            // Any style will do: it only lets series marks say what their legend row reads.
            let style = StrokeStyle(color: .black, width: 1)
            for mark in panel.marks {
                if case .annotation(let annotation) = mark {
                    for line in annotation.text.split(separator: "\n", omittingEmptySubsequences: false) {
                        texts.append((String(line), "an annotation" + of))
                    }
                } else if let entry = mark.content.legendEntry(style: style) {
                    texts.append((entry.label, "a legend label" + of))
                }
            }
        }
        return texts
    }

    /// Throws ``FigureError/markup(_:)`` for the first text ``MathText`` cannot set as written.
    static func validate(_ figure: Figure) throws(FigureError) {
        for (markup, subject) in all(of: figure) {
            do { try MathText.validate(markup, subject: subject) } catch { throw .markup(error) }
        }
    }
}
