extension AccuracyCheck {
    /// The two witnesses a ``Comparison`` sets against each other: the computed one first, then the
    /// one taken as exact.
    /// ```
    /// closedFormVsReference          the closed forms against the 60-digit reference
    /// autodiffVsReference            autodiff of the textbook expressions against the reference
    /// closedFormVsAutodiff           the closed forms against autodiff, over a sweep of logits
    /// finiteDifferenceVsClosedForm   a central difference of a primitive against its derivative
    /// autodiffVsClosedForm           autodiff of the textbook softplus against σ
    /// ```
    public enum Witnesses: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The closed forms against the 60-digit reference.
        case closedFormVsReference
        /// Autodiff of the textbook expressions against the 60-digit reference.
        case autodiffVsReference
        /// The closed forms against autodiff, over a sweep of logits.
        case closedFormVsAutodiff
        /// A central difference of a primitive against its closed-form derivative.
        case finiteDifferenceVsClosedForm
        /// Autodiff of the textbook softplus against σ, its closed-form derivative.
        case autodiffVsClosedForm

        /// The name shown in `gan-losses check`, such as "closed form vs reference".
        public var description: String {
            switch self {
            case .closedFormVsReference: "closed form vs reference"
            case .autodiffVsReference: "autodiff vs reference"
            case .closedFormVsAutodiff: "closed form vs autodiff"
            case .finiteDifferenceVsClosedForm: "finite difference vs closed form"
            case .autodiffVsClosedForm: "autodiff vs closed form"
            }
        }
    }
}
