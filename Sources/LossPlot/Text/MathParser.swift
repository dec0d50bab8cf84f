/// Reads the math between two `$` into spans.
///
/// Groups are kept on an explicit stack instead of the call stack, so no nesting can overflow it:
/// `{` pushes a group (with the script shift or the accent it carries), `}` pops it and appends
/// its spans to the enclosing one. At most ``MathText/maximumGroupDepth`` groups are open at once;
/// a brace beyond that is counted but opens nothing, and its `}` closes nothing. Shifts hold at
/// most ``MathText/maximumScriptDepth`` levels. So a span's shift is short and each character is
/// copied once per open group at most: time and memory are linear in the input.
///
/// The argument of a script or an accent that is a single character or command is read by a
/// parser of its own over just that token, which holds no brace: recursion at most two deep.
struct MathParser {
    var chars: [Character]
    var i = 0
    /// The deepest brace nesting and the most script levels the markup asks for, honoured or not.
    private(set) var deepestGroup = 0
    private(set) var deepestScript = 0

    init(chars: [Character]) { self.chars = chars }

    /// An open group: what has been read inside it so far, and how it is set.
    private struct Group {
        var spans: [MathText.Span] = []
        var shift: [Int]
        /// Script levels asked for up to here, those beyond the limit (not in `shift`) included.
        var level: Int
        /// Put on every span of the group when it closes (`\hat{…}`).
        var accent: Character?
    }

    /// The stack of open groups; the bottom one is the whole input and never closes.
    private var stack: [Group] = []
    /// Groups opened beyond the limit and not yet closed.
    private var flattened = 0

    mutating func parse(shift: [Int] = [], level: Int = 0) -> [MathText.Span] {
        stack = [Group(shift: shift, level: level)]
        flattened = 0
        while i < chars.count {
            let c = chars[i]
            // Not a copy of the whole group: that would make appending to its spans copy them.
            let (shift, level) = (stack[stack.count - 1].shift, stack[stack.count - 1].level)
            switch c {
            case "{":
                i += 1
                open(Group(shift: shift, level: level))
            case "}":
                i += 1
                if flattened > 0 {
                    flattened -= 1
                } else if stack.count > 1 {
                    close()
                } else {
                    add("}", italic: false)  // a stray closing brace is text
                }
            case "_", "^":
                i += 1
                deepestScript = max(deepestScript, level + 1)
                let inner = shift.count < MathText.maximumScriptDepth ? shift + [c == "^" ? 1 : -1] : shift
                readArgument(shift: inner, level: level + 1, accent: nil)
            case "\\":
                let (name, symbol) = readCommand()
                if let accent = MathText.accents[name] {
                    readArgument(shift: shift, level: level, accent: accent)
                } else if name == "mathrm" || name == "text" || name == "operatorname" {
                    if i < chars.count, chars[i] == "{" {
                        i += 1
                        var text = ""
                        while i < chars.count, chars[i] != "}" { text.append(chars[i]); i += 1 }
                        i += 1
                        add(text.replacing("-", with: "−"), italic: false)
                    }
                } else if let (text, italic) = symbol {
                    let isOperator = MathText.operatorNames.contains(name)
                    // "t log x": an operator name is set apart from a variable or number before it.
                    if isOperator, let last = stack[stack.count - 1].spans.last?.text.last, last.isLetter || last.isNumber || last == ")" {
                        add("\u{2009}", italic: false)
                    }
                    add(text, italic: italic)
                    // Operator names are set apart from what follows, as in "log D", but not from "(".
                    if isOperator, i < chars.count,
                       !"(^_{".contains(chars[i]) { add("\u{2009}", italic: false) }
                } else {
                    add("\\" + name, italic: false)
                }
            case "-":
                i += 1
                add(isBinary(stack[stack.count - 1].spans) ? " − " : "−", italic: false)
            case "+":
                i += 1
                add(isBinary(stack[stack.count - 1].spans) ? " + " : "+", italic: false)
            case "=", "<", ">":
                i += 1
                add(" \(c) ", italic: false)
            case " ":
                i += 1
            case "'":
                i += 1
                add("′", italic: false)  // a prime, not an apostrophe
            default:
                i += 1
                add(String(c), italic: c.isLetter && c.isASCII)
            }
        }
        while stack.count > 1 { close() }  // groups left open end with the input
        return stack.removeLast().spans
    }

    /// Appends text to the innermost open group, in its shift.
    private mutating func add(_ text: String, italic: Bool) {
        let top = stack.count - 1
        MathText.append(&stack[top].spans, .init(text: text, italic: italic, shift: stack[top].shift))
    }

    /// Pushes a group, or counts it as flattened beyond the depth limit.
    private mutating func open(_ group: Group) {
        let depth = stack.count + flattened  // the bottom group is depth 0
        deepestGroup = max(deepestGroup, depth)
        if flattened == 0 && depth <= MathText.maximumGroupDepth {
            stack.append(group)
        } else {
            flattened += 1
        }
    }

    /// Pops the innermost group into the one around it.
    private mutating func close() {
        let group = stack.removeLast()
        for span in Self.accented(group.spans, group.accent) { MathText.append(&stack[stack.count - 1].spans, span) }
    }

    /// The spans with the combining mark after the first character of each.
    private static func accented(_ spans: [MathText.Span], _ accent: Character?) -> [MathText.Span] {
        guard let accent else { return spans }
        return spans.map { span in
            var span = span
            if let first = span.text.first { span.text = String(first) + String(accent) + span.text.dropFirst() }
            return span
        }
    }

    /// A binary operator follows an operand: anything but an opening bracket or another operator.
    func isBinary(_ spans: [MathText.Span]) -> Bool {
        guard let last = spans.last?.text.last else { return false }
        return !"([{=,−+ ".contains(last)
    }

    /// The argument of `_`, `^` or an accent: a braced group (pushed, read by the main loop), or a
    /// command or one character (read now, by a parser over that token alone).
    private mutating func readArgument(shift: [Int], level: Int, accent: Character?) {
        while i < chars.count, chars[i] == " " { i += 1 }
        guard i < chars.count else { return }
        if chars[i] == "{" {
            i += 1
            open(Group(shift: shift, level: level, accent: accent))
            return
        }
        let start = i
        if chars[i] == "\\" { _ = readCommand() } else { i += 1 }
        var token = MathParser(chars: Array(chars[start..<i]))
        let spans = token.parse(shift: shift, level: level)
        deepestScript = max(deepestScript, token.deepestScript)
        for span in Self.accented(spans, accent) { MathText.append(&stack[stack.count - 1].spans, span) }
    }

    /// Reads `\name` (letters) or `\c` (one symbol) and looks it up.
    mutating func readCommand() -> (String, (String, Bool)?) {
        i += 1
        var name = ""
        while i < chars.count, chars[i].isLetter { name.append(chars[i]); i += 1 }
        if name.isEmpty, i < chars.count { name = String(chars[i]); i += 1 }
        return (name, MathText.symbols[name])
    }
}
