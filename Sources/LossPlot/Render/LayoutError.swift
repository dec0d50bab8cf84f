/// Why a figure does not fit its page: what does not fit, and by how much. Raised by
/// ``FigureRenderer`` instead of drawing text outside the page, over other text, or a legend
/// over the data.
public struct LayoutError: Error, CustomStringConvertible, Equatable {
    /// What does not fit, in one sentence, with the figure's size.
    public var description: String

    /// An error with its sentence.
    public init(_ description: String) { self.description = description }

    /// A text that cannot be set within `available` points even on several lines at 80% size.
    static func text(_ what: String, _ markup: String, available: Double, page: (Double, Double)) -> LayoutError {
        LayoutError("\(what) \"\(excerpt(MathText.plainText(markup)))\" does not fit in \(inches(available)) in, even broken into lines at 80% size, on a \(inches(page.0)) × \(inches(page.1)) in page")
    }

    /// The text, or its first 60 characters and "…".
    static func excerpt(_ text: String) -> String { text.count <= 60 ? text : text.prefix(60) + "…" }

    /// Points as inches with two decimals at most.
    static func inches(_ points: Double) -> String {
        let hundredths = (points / 72 * 100).rounded()
        let whole = Int(hundredths) / 100, fraction = Int(hundredths) % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
