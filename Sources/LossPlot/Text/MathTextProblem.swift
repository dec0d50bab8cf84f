extension MathText {
    /// Why markup cannot be set as written: it nests more than ``MathText`` honours, uses a
    /// command or an environment it does not know, or is malformed (a `\left` without its
    /// `\right`, a `\frac` without its second argument).
    public struct Problem: Error, CustomStringConvertible, Equatable, Sendable {
        /// What is wrong with the markup.
        public enum Kind: Equatable, Sendable {
            /// Brace groups inside one another, this many deep.
            case groups(Int)
            /// Sub- and superscripts inside one another, this many levels.
            case scripts(Int)
            /// A command that is not supported, named without its backslash (`foo` for `\foo`).
            case unsupportedCommand(String)
            /// An environment other than `cases`, by name.
            case unsupportedEnvironment(String)
            /// Markup TeX would refuse, said in a few words ("\left( without a matching \right").
            case malformed(String)
        }

        /// What the markup is, for the message: "the title".
        public var subject: String
        /// What is wrong with the markup.
        public var kind: Kind

        /// A problem with the markup named by `subject`.
        public init(subject: String, kind: Kind) { self.subject = subject; self.kind = kind }

        /// The problem in one line: what is wrong, where, and for nesting the limit and what to change.
        public var description: String {
            switch kind {
            case .groups(let depth):
                "\(subject) nests \(depth) brace groups; at most \(MathText.maximumGroupDepth) are supported, so remove the extra braces"
            case .scripts(let depth):
                "\(subject) nests \(depth) levels of sub- and superscripts; at most \(MathText.maximumScriptDepth) are supported, so use fewer levels"
            case .unsupportedCommand(let name):
                "unsupported TeX command \\\(Self.printable(name)) in \(subject)"
            case .unsupportedEnvironment(let name):
                "unsupported TeX environment {\(Self.printable(name))} in \(subject); only {cases} is supported"
            case .malformed(let what):
                "\(what) in \(subject)"
            }
        }

        /// `name` on one line and short: control characters escaped, at most 40 characters.
        static func printable(_ name: String) -> String {
            var text = ""
            for scalar in name.unicodeScalars.prefix(40) {
                text += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
            }
            return name.unicodeScalars.count > 40 ? text + "…" : text
        }
    }
}
