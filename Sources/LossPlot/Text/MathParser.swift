/// Reads markup into a ``MathTree``: the text outside `$…$` as it is, the math inside as boxes.
///
/// Open groups are kept on an explicit stack of frames instead of the call stack, so no nesting
/// can overflow it. A frame collects the boxes of one group: a brace group, the argument of a
/// command (`\frac`'s numerator), a script, the body between `\left` and `\right`, a table cell.
/// When it closes, its boxes become one node, given to the command that opened it or added to
/// the frame below. An argument written without braces (`x^2`, `\frac12`, `\hat x`) is a frame
/// that closes by itself after one box.
///
/// At most ``MathText/maximumGroupDepth`` frames that need a closing brace, `]`, `\right` or
/// `\end` are open at once; one beyond that is counted but opens nothing (its command is dropped
/// and its text kept), and its closer closes nothing. Scripts hold at most
/// ``MathText/maximumScriptDepth`` levels. Each character is read once and each frame is pushed
/// and popped once: time and memory are linear in the input.
struct MathParser {
    private(set) var tree = MathTree()
    /// The deepest brace nesting and the most script levels the markup asks for, honoured or not.
    private(set) var deepestGroup = 0
    private(set) var deepestScript = 0
    /// The first thing in the markup that is not supported or not well formed, if any.
    private(set) var problem: MathText.Problem.Kind?

    /// The nodes of the markup's segments (text and math), in order.
    private var segments: [Int] = []

    private var chars: [Character] = []
    private var i = 0

    /// What a frame's boxes become when it closes.
    private enum Purpose {
        /// The whole math of one `$…$`.
        case root
        /// A brace group, or the argument of a font command: one node, added below.
        case group
        /// \operatorname's argument: a group that is an operator name.
        case operatorName
        /// Child `slot` of the command node `owner`.
        case argument(owner: Int, slot: Int)
        /// Child `slot` (1 subscript, 2 superscript) of the scripts node `owner`, already placed.
        case script(owner: Int, slot: Int)
        /// The body of \left … \right.
        case leftRight(owner: Int)
        /// The cells of \begin{cases}, in the table `owner` inside the delimiters `wrapper`.
        case table(owner: Int, wrapper: Int)
    }

    /// What closes a frame.
    private enum Closer {
        case none, brace, bracket, auto, right, end
    }

    private struct Frame {
        var items: [Int] = []
        var purpose: Purpose
        var closer: Closer
        var scale: Double
        var shift: [Int]
        /// Script levels asked for up to here, those beyond the limit (not in `shift`) included.
        var level: Int
        /// How letters and digits are set; nil for math italic.
        var font: MathSymbols.FontStyle?
        /// An operator name was just set: a thin space goes before the next box unless it opens.
        var spaceAfterOperator = false
        /// Table frames: the rows finished so far, and the cells of the current row.
        var rows: [[Int]] = []
        var row: [Int] = []
    }

    private var stack: [Frame] = []
    /// Frames beyond the depth limit, counted but not opened.
    private var flattened = 0
    /// Open frames that count towards the depth limit, and how many of each closer.
    private var groupDepth = 0
    private var open = OpenCount()

    /// How many frames of each closer are open (a small table, not a dictionary: it is reset
    /// for every `$…$`).
    private struct OpenCount {
        var brace = 0, bracket = 0, right = 0, end = 0

        subscript(closer: Closer) -> Int {
            get {
                switch closer {
                case .brace: brace
                case .bracket: bracket
                case .right: right
                case .end: end
                case .none, .auto: 0
                }
            }
            set {
                switch closer {
                case .brace: brace = newValue
                case .bracket: bracket = newValue
                case .right: right = newValue
                case .end: end = newValue
                case .none, .auto: break
                }
            }
        }
    }
    /// \binom's fraction and the parentheses it is emitted in.
    private var wrappers: [Int: Int] = [:]
    /// The name of the command whose arguments are being read, for messages.
    private var commandNames: [Int: String] = [:]

    /// The smallest scale: a script set at the deepest level honoured.
    static let minimumScale = pow07(MathText.maximumScriptDepth)

    static func pow07(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 0.7 } }

    // MARK: Segments

    /// Adds text outside `$…$`: upright, taken as it is.
    mutating func appendLiteral(_ text: String) {
        guard !text.isEmpty else { return }
        segments.append(tree.add(.init(kind: .text(text), scale: 1, shift: [])))
    }

    /// Adds the math between two `$`.
    mutating func appendMath(_ math: [Character]) {
        chars = math
        i = 0
        stack = [Frame(purpose: .root, closer: .none, scale: 1, shift: [], level: 0)]
        flattened = 0
        groupDepth = 0
        open = OpenCount()
        while i < chars.count { step() }
        while stack.count > 1 { closeTop(implicit: true) }
        let root = stack.removeLast()
        chars = []
        segments.append(tree.add(.init(kind: .list, children: root.items, scale: 1, shift: [])))
    }

    /// The tree of every segment added, in order.
    mutating func finish() -> MathTree {
        tree.root = tree.add(.init(kind: .list, children: segments, scale: 1, shift: []))
        return tree
    }

    // MARK: Reading

    private var top: Frame {
        _read { yield stack[stack.count - 1] }
        _modify { yield &stack[stack.count - 1] }
    }

    private mutating func report(_ kind: MathText.Problem.Kind) {
        if problem == nil { problem = kind }
    }

    /// Reads one character, command or script.
    private mutating func step() {
        let c = chars[i]
        if top.spaceAfterOperator, !" ^_}]&'".contains(c) { spaceBeforeAtom(startingWith: c) }
        switch c {
        case "{":
            i += 1
            push(Frame(purpose: .group, closer: .brace, scale: top.scale, shift: top.shift, level: top.level, font: top.font))
        case "}":
            i += 1
            closeBrace()
        case "]":
            i += 1
            if open[.bracket] > 0 && flattened == 0 {
                closeUntil(.bracket)
            } else {
                addCharacter("]")
            }
        case "_", "^":
            i += 1
            script(superscript: c == "^")
        case "\\":
            command()
        case "-", "+":
            i += 1
            let sign = c == "-" ? "−" : "+"
            if isBinary() { addSpaced(sign, binary: true) } else { add(sign, italic: false) }
        case "=", "<", ">":
            i += 1
            addSpaced(String(c), binary: false)
        case " ", "\n", "\t", "\r":
            i += 1
        case "~":
            i += 1
            emit(tree.add(.init(kind: .kern(MathSymbols.tieWidth), scale: top.scale, shift: top.shift)))
        case "'":
            i += 1
            add("′", italic: false)  // a prime, not an apostrophe
        case "&":
            i += 1
            if case .table = top.purpose { nextCell(endingRow: false) } else {
                report(.malformed("& outside \\begin{cases}"))
                add("&", italic: false)
            }
        case ",", ";":
            i += 1
            addCharacter(c)
            // Punctuation: a thin space after it, as TeX sets "f(x, y)" (not in scripts or \frac's parts).
            if top.shift.isEmpty && top.scale > 0.99 {
                emit(tree.add(.init(kind: .kern(MathSymbols.operatorSpace), scale: top.scale, shift: top.shift)))
            }
        default:
            i += 1
            addCharacter(c)
        }
    }

    /// A letter, digit or other character in the current font style.
    private mutating func addCharacter(_ c: Character) {
        let letter = Self.isASCIILetter(c)
        var text = c, italic = letter, bold = false
        switch top.font {
        case nil: break
        case .roman?: italic = false
        case .italic?: break
        case .bold?: italic = false; bold = true
        case .boldItalic?: bold = true
        case .doubleStruck?: text = MathSymbols.doubleStruck(c); italic = false
        case .calligraphic?: text = MathSymbols.calligraphic(c); italic = false
        }
        add(String(text), italic: italic, bold: bold, mergeable: true)
    }

    /// A binary operator or a relation: written with a space on each side (the plain text keeps
    /// them), set with TeX's medium or thick space; in scripts and fractions' parts with none.
    private mutating func addSpaced(_ symbol: String, binary: Bool) {
        let spaced = top.scale > 0.99
        var node = MathTree.Node(kind: .text(spaced ? " \(symbol) " : symbol), scale: top.scale, shift: top.shift)
        node.spacing = spaced ? (binary ? 4.0 / 18 : 5.0 / 18) : 0
        node.isRelationOrBinary = true
        emit(tree.add(node))
    }

    /// Appends text to the innermost frame: to its last text node if both are single characters
    /// of one style, else as a node of its own.
    private mutating func add(_ text: String, italic: Bool, bold: Bool = false, mergeable: Bool = false) {
        if mergeable, let last = top.items.last, tree.nodes[last].mergeable,
           tree.nodes[last].italic == italic, tree.nodes[last].bold == bold,
           case .text(let old) = tree.nodes[last].kind {
            tree.nodes[last].kind = .text(old + text)
            return
        }
        var node = MathTree.Node(kind: .text(text), scale: top.scale, shift: top.shift)
        node.italic = italic
        node.bold = bold
        node.mergeable = mergeable
        emit(tree.add(node))
    }

    /// Adds a finished box to the innermost frame, and closes the frames it completes.
    private mutating func emit(_ node: Int) { settle(node) }

    /// Adds `node` (if any) to the innermost frame; while that completes a frame closed by its
    /// first box, closes it and adds what it makes to the frame below. A loop, not recursion:
    /// `\sqrt\sqrt…x` closes thousands of frames here.
    private mutating func settle(_ node: Int?) {
        var node = node
        while true {
            if let n = node {
                top.items.append(n)
                node = nil
            }
            guard stack.count > 1, top.closer == .auto, !top.items.isEmpty else { return }
            node = pop(implicit: false)
        }
    }

    /// Whether a sign here is a binary operator: it follows an operand (not an opening bracket,
    /// another operator, a relation or an operator name).
    private func isBinary() -> Bool {
        for item in top.items.reversed().prefix(4) {
            let node = tree.nodes[item]
            switch node.kind {
            case .kern: continue
            case .text(let text):
                if node.isRelationOrBinary || node.isOperator { return false }
                guard let last = text.last else { continue }
                return !"([{=,−+ ⟨⌊⌈".contains(last)
            default: return true
            }
        }
        return false
    }

    /// Whether the box before an operator name is an operand it is set apart from: "t log", "2 softplus".
    private func followsOperand() -> Bool {
        guard let last = top.items.last else { return false }
        switch tree.nodes[last].kind {
        case .text(let text):
            guard let c = text.last else { return false }
            return c.isLetter || c.isNumber || ")]|′".contains(c)
        case .kern: return false
        default: return true
        }
    }

    /// The thin space after an operator name, unless what comes opens a group or a bracket, or
    /// is a relation or punctuation.
    private mutating func spaceBeforeAtom(startingWith c: Character) {
        top.spaceAfterOperator = false
        if "([{=<>,;.".contains(c) { return }
        if c == "\\" {
            var j = i + 1, name = ""
            while j < chars.count, Self.isASCIILetter(chars[j]) { name.append(chars[j]); j += 1 }
            if name.isEmpty, j < chars.count { name = String(chars[j]) }
            if name == "left" || MathSymbols.bigSizes[name] != nil || MathSymbols.spaces[name] != nil
                || MathSymbols.symbols[name].map({ $0.role == .opening || $0.role == .relation }) == true
                || ["{", "|", "right", "end", "\\"].contains(name) { return }
        }
        emit(tree.add(.init(kind: .kern(MathSymbols.operatorSpace), scale: top.scale, shift: top.shift)))
        top.spaceAfterOperator = false
    }

    // MARK: Frames

    /// Pushes `frame`; one that needs a closer counts towards the depth limit, and beyond it is
    /// only counted. Returns whether it was pushed.
    @discardableResult
    private mutating func push(_ frame: Frame) -> Bool {
        if frame.closer == .auto {
            stack.append(frame)
            return true
        }
        let depth = groupDepth + flattened + 1
        deepestGroup = max(deepestGroup, depth)
        guard flattened == 0, depth <= MathText.maximumGroupDepth else {
            flattened += 1
            return false
        }
        stack.append(frame)
        groupDepth += 1
        open[frame.closer] += 1
        return true
    }

    /// Whether a frame that needs a closer can be opened here.
    private var canOpenGroup: Bool { flattened == 0 && groupDepth < MathText.maximumGroupDepth }

    /// The frame's boxes as one node: the box itself if there is one (a text node then takes no
    /// more characters), a list if several, −1 if none.
    private mutating func body(of frame: Frame) -> Int {
        switch frame.items.count {
        case 0: return -1
        case 1:
            tree.nodes[frame.items[0]].mergeable = false
            return frame.items[0]
        default:
            return tree.add(.init(kind: .list, children: frame.items, scale: frame.scale, shift: frame.shift))
        }
    }

    /// Pops the innermost frame and hands its boxes to what opened it. `implicit`: it is closed
    /// by something else (the end of the math, a `}` of an enclosing group), so its own closer
    /// is missing.
    private mutating func closeTop(implicit: Bool) { settle(pop(implicit: implicit)) }

    /// Pops the innermost frame, gives its boxes to what opened it, and returns the node that is
    /// now finished and goes to the frame below, if any.
    private mutating func pop(implicit: Bool) -> Int? {
        let frame = stack.removeLast()
        if frame.closer != .auto {
            groupDepth -= 1
            open[frame.closer] -= 1
        }
        if implicit {
            switch frame.closer {
            case .brace: report(.malformed("a { without a matching }"))
            case .bracket: report(.malformed("\\sqrt[ without a matching ]"))
            default: break
            }
        }
        let node = body(of: frame)
        switch frame.purpose {
        case .root:
            return nil
        case .group:
            return node >= 0 ? node : nil
        case .operatorName:
            guard node >= 0 else { return nil }
            if case .text = tree.nodes[node].kind { tree.nodes[node].isOperator = true }
            top.spaceAfterOperator = true
            return node
        case .argument(let owner, let slot):
            tree.nodes[owner].children[slot] = node
            if implicit && frame.items.isEmpty { missingArgument(frame) }
            return advance(owner, after: slot, implicit: implicit)
        case .script(let owner, let slot):
            tree.nodes[owner].children[slot] = node
            if frame.items.isEmpty { report(.malformed(slot == 2 ? "^ without a superscript" : "_ without a subscript")) }
            return nil
        case .leftRight(let owner):
            tree.nodes[owner].children[0] = node
            if implicit, case .delimited(let left, _) = tree.nodes[owner].kind {
                report(.malformed("\\left\(left.isEmpty ? "." : left) without a matching \\right"))
            }
            return owner
        case .table(let owner, let wrapper):
            var rows = frame.rows
            var row = frame.row
            if node >= 0 || !row.isEmpty { row.append(node) }
            if !row.isEmpty { rows.append(row) }
            let columns = max(1, rows.map(\.count).max() ?? 1)
            tree.nodes[owner].kind = .table(columns: columns)
            tree.nodes[owner].children = rows.flatMap { $0 + Array(repeating: -1, count: columns - $0.count) }
            if implicit { report(.malformed("\\begin{cases} without a matching \\end{cases}")) }
            return wrapper
        }
    }

    private mutating func missingArgument(_ frame: Frame) {
        if case .argument(let owner, _) = frame.purpose {
            report(.malformed("\\\(commandNames[owner] ?? "command") without its argument"))
        }
    }

    /// After argument `slot` of `owner`: opens the next one, or returns the finished command to
    /// add. Closed implicitly, the arguments still missing stay empty.
    private mutating func advance(_ owner: Int, after slot: Int, implicit: Bool) -> Int? {
        let next: Int? = switch tree.nodes[owner].kind {
        case .fraction: slot == 0 ? 1 : nil
        case .radical: slot == 1 ? 0 : nil
        default: nil
        }
        if let next {
            if implicit {
                report(.malformed("\\\(commandNames[owner] ?? "command") without its argument"))
            } else {
                let shrink = commandNames[owner] == "dfrac" || commandNames[owner] == "dbinom" ? 1 : 0.7
                return readArgument(owner: owner, slot: next, scale: tree.nodes[owner].scale * (next == 0 && slot == 1 ? 1 : shrink))
            }
        }
        commandNames[owner] = nil
        return wrappers.removeValue(forKey: owner) ?? owner
    }

    /// Opens the frame of an argument: a braced group, or one box. If the argument is missing,
    /// returns the command, finished without it.
    private mutating func readArgument(owner: Int, slot: Int, scale: Double, font: MathSymbols.FontStyle? = nil) -> Int? {
        skipSpaces()
        let frame = Frame(purpose: .argument(owner: owner, slot: slot), closer: .auto,
                          scale: max(scale, Self.minimumScale), shift: top.shift, level: top.level, font: font ?? top.font)
        if i < chars.count, chars[i] == "{" {
            i += 1
            var braced = frame
            braced.closer = .brace
            if !push(braced) {
                // Beyond the depth limit: the argument's text is set in line, the command dropped.
                tree.nodes[owner].children[slot] = -1
            }
        } else if i >= chars.count || chars[i] == "}" || chars[i] == "]" {
            report(.malformed("\\\(commandNames[owner] ?? "command") without its argument"))
            return advance(owner, after: slot, implicit: true)
        } else {
            push(frame)
        }
        return nil
    }

    private mutating func skipSpaces() {
        while i < chars.count, chars[i] == " " || chars[i] == "\n" || chars[i] == "\t" { i += 1 }
    }

    /// `}`: closes the innermost brace group, and any frame still open inside it.
    private mutating func closeBrace() {
        if flattened > 0 {
            flattened -= 1
            return
        }
        guard open[.brace] > 0 else {
            report(.malformed("a } without a matching {"))
            add("}", italic: false)
            return
        }
        closeUntil(.brace)
    }

    /// Closes frames down to the innermost one closed by `closer`, and that one.
    private mutating func closeUntil(_ closer: Closer) {
        while stack.count > 1, top.closer != closer { closeTop(implicit: true) }
        if stack.count > 1 { closeTop(implicit: false) }
    }

    // MARK: Scripts

    private mutating func script(superscript: Bool) {
        let slot = superscript ? 2 : 1
        deepestScript = max(deepestScript, top.level + 1)
        skipSpaces()
        guard i < chars.count else {
            report(.malformed(superscript ? "^ without a superscript" : "_ without a subscript"))
            return
        }
        let braced = chars[i] == "{"
        // Beyond the depth limit a braced script is set in line (the `{` is then counted only).
        if braced && !canOpenGroup { return }
        let owner: Int
        if let last = top.items.last, case .scripts = tree.nodes[last].kind, tree.nodes[last].children[slot] < 0 {
            owner = last
        } else {
            var nucleus = -1
            if let last = top.items.last {
                if case .scripts = tree.nodes[last].kind {
                    report(.malformed(superscript ? "a double superscript" : "a double subscript"))
                } else {
                    nucleus = splitNucleus(last)
                    if nucleus == last { top.items.removeLast() }
                }
            }
            var node = MathTree.Node(kind: .scripts(limits: nucleus >= 0 && tree.nodes[nucleus].limits),
                                     children: [nucleus, -1, -1], scale: top.scale, shift: top.shift)
            node.isOperator = nucleus >= 0 && tree.nodes[nucleus].isOperator
            owner = tree.add(node)
            top.items.append(owner)
        }
        let deeper = top.shift.count < MathText.maximumScriptDepth
        var frame = Frame(purpose: .script(owner: owner, slot: slot), closer: .auto,
                          scale: deeper ? top.scale * 0.7 : top.scale,
                          shift: deeper ? top.shift + [superscript ? 1 : -1] : top.shift,
                          level: top.level + 1, font: top.font)
        if braced {
            i += 1
            frame.closer = .brace
        }
        push(frame)
    }

    /// The nucleus of a script: the last character of a run of single characters ("xy^2"
    /// raises only the y), split off; else the box itself.
    private mutating func splitNucleus(_ last: Int) -> Int {
        guard tree.nodes[last].mergeable, case .text(let text) = tree.nodes[last].kind, text.count > 1,
              let final = text.last else { return last }
        tree.nodes[last].kind = .text(String(text.dropLast()))
        var node = tree.nodes[last]
        node.kind = .text(String(final))
        node.mergeable = false
        return tree.add(node)
    }

    // MARK: Commands

    /// a–z or A–Z (without asking Unicode's tables, as `Character.isLetter` does).
    static func isASCIILetter(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return (65...90).contains(a) || (97...122).contains(a)
    }

    /// Reads `\name` (letters) or `\c` (one other character).
    private mutating func readCommandName() -> String {
        i += 1
        var name = ""
        while i < chars.count, Self.isASCIILetter(chars[i]) { name.append(chars[i]); i += 1 }
        if name.isEmpty, i < chars.count { name = String(chars[i]); i += 1 }
        return name
    }

    private mutating func command() {
        let name = readCommandName()
        if let width = MathSymbols.spaces[name] {
            emit(tree.add(.init(kind: .kern(width), scale: top.scale, shift: top.shift)))
        } else if let symbol = MathSymbols.symbols[name] {
            addSymbol(symbol)
        } else if let limits = MathSymbols.operatorNames[name] {
            operatorName(MathSymbols.operatorText[name] ?? name, limits: limits)
        } else if let accent = MathSymbols.accents[name] {
            structure(.accent(combining: accent.combining, spacing: accent.spacing), name: name, slots: 1)
        } else if let font = MathSymbols.fontCommands[name] {
            fontGroup(font, purpose: .group)
        } else if let height = MathSymbols.bigSizes[name] {
            let delimiter = readDelimiter(after: name)
            emit(tree.add(.init(kind: .bigDelimiter(delimiter, height: height), scale: top.scale, shift: top.shift)))
        } else {
            switch name {
            case "frac", "dfrac", "tfrac":
                structure(.fraction(rule: true), name: name, slots: 2)
            case "binom", "dbinom", "tbinom":
                structure(.fraction(rule: false), name: name, slots: 2)
            case "sqrt":
                structure(.radical, name: name, slots: 2)
            case "overline":
                structure(.overline, name: name, slots: 1)
            case "text", "textrm", "mbox", "textnormal":
                rawText(name)
            case "operatorname":
                if top.spaceAfterOperator == false, followsOperand() { addOperatorSpace() }
                fontGroup(.roman, purpose: .operatorName)
            case "left":
                left()
            case "right":
                right()
            case "begin":
                begin()
            case "end":
                end()
            case "limits", "nolimits":
                if let last = top.items.last, tree.nodes[last].isOperator { tree.nodes[last].limits = name == "limits" }
            case "\\":
                if case .table = top.purpose { nextCell(endingRow: true) } else {
                    report(.unsupportedCommand(name))
                }
            default:
                report(.unsupportedCommand(name))
                add("\\" + name, italic: false)
            }
        }
    }

    private mutating func addOperatorSpace() {
        emit(tree.add(.init(kind: .kern(MathSymbols.operatorSpace), scale: top.scale, shift: top.shift)))
    }

    private mutating func addSymbol(_ symbol: MathSymbols.Symbol) {
        switch symbol.role {
        case .relation:
            addSpaced(symbol.text, binary: false)
        case .binary:
            if isBinary() { addSpaced(symbol.text, binary: true) } else { add(symbol.text, italic: false) }
        case .largeOperator(let limits):
            if followsOperand() { addOperatorSpace() }
            var node = MathTree.Node(kind: .text(symbol.text), scale: top.scale, shift: top.shift)
            node.isOperator = true
            node.large = true
            node.limits = limits
            emit(tree.add(node))
            top.spaceAfterOperator = true
        case .ordinary, .opening, .closing:
            add(symbol.text, italic: symbol.italic, bold: top.font == .bold || top.font == .boldItalic)
        }
    }

    /// `\log`, `\max`: upright, a thin space from a variable before it and from what follows.
    private mutating func operatorName(_ text: String, limits: Bool) {
        if followsOperand() { addOperatorSpace() }
        var node = MathTree.Node(kind: .text(text), scale: top.scale, shift: top.shift)
        node.isOperator = true
        node.limits = limits
        emit(tree.add(node))
        top.spaceAfterOperator = true
    }

    /// A command whose arguments become the children of a node: \frac, \sqrt, \hat, \overline.
    private mutating func structure(_ kind: MathTree.Node.Kind, name: String, slots: Int) {
        skipSpaces()
        let braced = i < chars.count && chars[i] == "{"
        guard !braced || canOpenGroup else {
            // Beyond the depth limit the command is dropped; its arguments are set in line.
            if case .radical = kind { add("√", italic: false) }
            return
        }
        var node = MathTree.Node(kind: kind, children: Array(repeating: -1, count: slots), scale: top.scale, shift: top.shift)
        if case .fraction(rule: false) = kind { node.children = [-1, -1] }
        let owner = tree.add(node)
        commandNames[owner] = name
        if case .fraction(rule: false) = kind {
            wrappers[owner] = tree.add(.init(kind: .delimited(left: "(", right: ")"), children: [owner],
                                             scale: top.scale, shift: top.shift))
        }
        switch kind {
        case .fraction:
            settle(readArgument(owner: owner, slot: 0, scale: top.scale * (name.hasPrefix("d") ? 1 : 0.7)))
        case .radical:
            if i < chars.count, chars[i] == "[" {
                i += 1
                let frame = Frame(purpose: .argument(owner: owner, slot: 1), closer: .bracket,
                                  scale: max(top.scale * 0.5, Self.minimumScale), shift: top.shift, level: top.level,
                                  font: top.font)
                if !push(frame) { settle(advance(owner, after: 1, implicit: false)) }
            } else {
                settle(readArgument(owner: owner, slot: 0, scale: top.scale))
            }
        default:
            settle(readArgument(owner: owner, slot: 0, scale: top.scale))
        }
    }

    /// \mathrm{…}, \mathbb E: a group whose letters are set in `font`.
    private mutating func fontGroup(_ font: MathSymbols.FontStyle, purpose: Purpose) {
        skipSpaces()
        var frame = Frame(purpose: purpose, closer: .auto, scale: top.scale, shift: top.shift, level: top.level, font: font)
        if i < chars.count, chars[i] == "{" {
            i += 1
            frame.closer = .brace
        } else if i >= chars.count || "}]".contains(chars[i]) {
            report(.malformed("a font command without its argument"))
            return
        }
        push(frame)
    }

    /// \text{…}: the characters as they are, upright, spaces kept.
    private mutating func rawText(_ name: String) {
        skipSpaces()
        guard i < chars.count else {
            report(.malformed("\\\(name) without its argument"))
            return
        }
        var text = ""
        if chars[i] == "{" {
            i += 1
            var depth = 1
            while i < chars.count {
                let c = chars[i]
                i += 1
                if c == "{" { depth += 1; continue }
                if c == "}" {
                    depth -= 1
                    if depth == 0 { break }
                    continue
                }
                if c == "\\", i < chars.count { text.append(chars[i]); i += 1; continue }
                text.append(c)
            }
            if depth > 0 { report(.malformed("a { without a matching }")) }
        } else {
            text = String(chars[i])
            i += 1
        }
        add(text, italic: false)
    }

    /// The delimiter after \left, \right or \big: a character or a command from the table.
    private mutating func readDelimiter(after name: String) -> String {
        skipSpaces()
        guard i < chars.count else {
            report(.malformed("\\\(name) without a delimiter"))
            return ""
        }
        var token: String
        if chars[i] == "\\" {
            token = "\\" + readCommandName()
        } else {
            token = String(chars[i])
            i += 1
        }
        if let delimiter = MathSymbols.delimiters[token] { return delimiter }
        report(.malformed("\\\(name) must be followed by a delimiter such as ( [ | \\{ \\langle or ., not \(MathText.Problem.printable(token))"))
        return ""
    }

    private mutating func left() {
        let delimiter = readDelimiter(after: "left")
        let owner = tree.add(.init(kind: .delimited(left: delimiter, right: ""), children: [-1], scale: top.scale, shift: top.shift))
        let frame = Frame(purpose: .leftRight(owner: owner), closer: .right, scale: top.scale, shift: top.shift,
                          level: top.level, font: top.font)
        if !push(frame) { add(delimiter, italic: false) }
    }

    private mutating func right() {
        let delimiter = readDelimiter(after: "right")
        if flattened > 0 {
            flattened -= 1
            add(delimiter, italic: false)
            return
        }
        guard open[.right] > 0 else {
            report(.malformed("\\right\(delimiter.isEmpty ? "." : delimiter) without a matching \\left"))
            add(delimiter, italic: false)
            return
        }
        while stack.count > 1, top.closer != .right { closeTop(implicit: true) }
        if case .leftRight(let owner) = top.purpose, case .delimited(let left, _) = tree.nodes[owner].kind {
            tree.nodes[owner].kind = .delimited(left: left, right: delimiter)
        }
        closeTop(implicit: false)
    }

    /// The name in braces after \begin or \end.
    private mutating func environmentName() -> String {
        skipSpaces()
        guard i < chars.count, chars[i] == "{" else { return "" }
        i += 1
        var name = ""
        while i < chars.count, chars[i] != "}" { name.append(chars[i]); i += 1 }
        if i < chars.count { i += 1 }
        return name
    }

    private mutating func begin() {
        let name = environmentName()
        guard name == "cases" else {
            report(.unsupportedEnvironment(name))
            return
        }
        let table = tree.add(.init(kind: .table(columns: 1), scale: top.scale, shift: top.shift))
        let wrapper = tree.add(.init(kind: .delimited(left: "{", right: ""), children: [table], scale: top.scale, shift: top.shift))
        let frame = Frame(purpose: .table(owner: table, wrapper: wrapper), closer: .end, scale: top.scale, shift: top.shift,
                          level: top.level, font: top.font)
        push(frame)
    }

    private mutating func end() {
        let name = environmentName()
        guard name == "cases" else {
            // An unsupported environment was reported where it began.
            if problem == nil { report(.unsupportedEnvironment(name)) }
            return
        }
        if flattened > 0 {
            flattened -= 1
        } else if open[.end] > 0 {
            closeUntil(.end)
        } else {
            report(.malformed("\\end{cases} without a matching \\begin{cases}"))
        }
    }

    /// `&` or `\\` in a table: the current cell ends (and with `\\` the row).
    private mutating func nextCell(endingRow: Bool) {
        let cell = body(of: top)
        top.items = []
        top.row.append(cell)
        if endingRow {
            let row = top.row
            top.row = []
            top.rows.append(row)
        }
    }
}
