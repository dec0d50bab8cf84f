extension AccuracyCheck {
    /// The floating-point type a ``Comparison``'s computed values are in. `Float` results are
    /// evaluated in `Double` and rounded once, and measured in ULPs of `Float`.
    public enum Precision: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Results in `Double`, measured in ULPs of `Double`.
        case double
        /// Results evaluated in `Double`, rounded once to `Float` and measured in ULPs of `Float`.
        case float

        /// The name of the type: "Double" or "Float".
        public var description: String {
            switch self {
            case .double: "Double"
            case .float: "Float"
            }
        }
    }
}
