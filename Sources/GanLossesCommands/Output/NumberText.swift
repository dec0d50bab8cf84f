/// Numbers as text: Swift's shortest round-trip form (`-5e-324`, `-0.0`, `inf`, `nan`), which
/// reads back to the same bits and does not depend on the locale.
enum NumberText {
    static func shortest(_ x: Double) -> String { x.isNaN ? "nan" : x.description }
    static func shortest(_ x: Float) -> String { x.isNaN ? "nan" : x.description }
    /// Whole numbers without ".0" (`600`), others in shortest form: for settings in messages.
    static func compact(_ x: Double) -> String {
        x.isFinite && x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : shortest(x)
    }
}
