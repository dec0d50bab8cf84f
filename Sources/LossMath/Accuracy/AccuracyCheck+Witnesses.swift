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
        case closedFormVsReference
        case autodiffVsReference
        case closedFormVsAutodiff
        case finiteDifferenceVsClosedForm
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
