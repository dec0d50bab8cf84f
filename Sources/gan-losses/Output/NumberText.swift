/// Numbers as text: Swift's shortest round-trip form (`-5e-324`, `-0.0`, `inf`, `nan`), which
/// reads back to the same bits and does not depend on the locale.
enum NumberText {
    static func shortest(_ x: Double) -> String { x.isNaN ? "nan" : x.description }
    static func shortest(_ x: Float) -> String { x.isNaN ? "nan" : x.description }
}
