/// Markup read into boxes, as TeX and matplotlib's mathtext read it: text, spaces, and the
/// structures that stack or enclose boxes (scripts, fractions, radicals, delimiters, accents).
///
/// The nodes live in one array and refer to their children by index, so that no part of the
/// parser, the plain-text view or the typesetter recurses on the markup: each walks the tree with
/// an explicit stack (``preorder``), in time and memory linear in the number of nodes.
struct MathTree {
    /// One box.
    struct Node {
        enum Kind {
            /// Boxes side by side: the children, left to right.
            case list
            /// Characters in one style.
            case text(String)
            /// Horizontal space, in em of the node's size (negative to move back).
            case kern(Double)
            /// children [nucleus, subscript, superscript], −1 where absent; `limits` sets the
            /// scripts under and over the nucleus.
            case scripts(limits: Bool)
            /// children [numerator, denominator]; `rule` false for \binom's stack.
            case fraction(rule: Bool)
            /// children [body, index], the index −1 unless \sqrt[n]{…}.
            case radical
            /// children [body] between two delimiters grown to its height ("" for none).
            case delimited(left: String, right: String)
            /// A delimiter `height` em tall (\big and its kin).
            case bigDelimiter(String, height: Double)
            /// children [body] under an accent: the combining mark of the plain text, and the
            /// spacing character that is drawn.
            case accent(combining: Character, spacing: String)
            /// children [body] under a rule.
            case overline
            /// A table of `columns` columns, the cells row by row (−1 for an empty cell): \begin{cases}.
            case table(columns: Int)
        }

        var kind: Kind
        var children: [Int] = []
        /// The size relative to the base font: 0.7 per script level, and for \frac's parts.
        var scale: Double
        /// One entry per script level, outermost first: +1 superscript, −1 subscript.
        var shift: [Int]
        /// Text: set in the oblique (italic) face.
        var italic = false
        /// Text: set in the bold face.
        var bold = false
        /// Text: single characters read one by one, which the next character of the same style
        /// joins and a script may split off (not an operator name or a closed group).
        var mergeable = false
        /// Text: a large operator or an operator name whose scripts go above and below.
        var limits = false
        /// Text: an operator name or large operator (the nucleus of limits).
        var isOperator = false
        /// Text: a large operator (∑, ∫), set larger and centred on the math axis.
        var large = false
        /// Text: a binary operator or relation written with a space on each side (" = "): the
        /// space set on each side instead, in em (TeX's 4/18 and 5/18).
        var spacing = 0.0
        /// Text: a binary operator or relation (a sign after it is unary).
        var isRelationOrBinary = false
    }

    var nodes: [Node] = []
    /// The node that holds the whole markup.
    var root = 0

    /// Appends `node` and returns its index.
    mutating func add(_ node: Node) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    /// Every node reachable from the root, each before its children (and children in order):
    /// in reverse, each node comes after all of its children. Iterative, so any depth is safe.
    func preorder() -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(nodes.count)
        var stack = [root]
        while let n = stack.popLast() {
            order.append(n)
            for c in nodes[n].children.reversed() where c >= 0 { stack.append(c) }
        }
        return order
    }
}
