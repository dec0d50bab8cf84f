extension MathText {
    /// Why markup cannot be set as written: it nests more than ``MathText`` honours.
    public struct Problem: Error, CustomStringConvertible, Equatable, Sendable {
        /// What nests too deeply, and how deep.
        public enum Kind: Equatable, Sendable {
            /// Brace groups inside one another, this many deep.
            case groups(Int)
            /// Sub- and superscripts inside one another, this many levels.
            case scripts(Int)
        }

        /// What the markup is, for the message: "the title".
        public var subject: String
        /// What nests too deeply in the markup, and how deep.
        public var kind: Kind

        /// A problem with the markup named by `subject`.
        public init(subject: String, kind: Kind) { self.subject = subject; self.kind = kind }

        /// The problem in one line: what nests how deeply, the limit, and what to change.
        public var description: String {
            switch kind {
            case .groups(let depth):
                "\(subject) nests \(depth) brace groups; at most \(MathText.maximumGroupDepth) are supported, so remove the extra braces"
            case .scripts(let depth):
                "\(subject) nests \(depth) levels of sub- and superscripts; at most \(MathText.maximumScriptDepth) are supported, so use fewer levels"
            }
        }
    }
}
