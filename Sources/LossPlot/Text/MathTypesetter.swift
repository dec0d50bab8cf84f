/// Sets a ``MathTree`` as boxes, in two passes over the nodes in an order computed once
/// (``MathTree/preorder()``), neither recursive:
///
/// 1. children before parents: each node's box (advance width, ink height above and depth below
///    its baseline), where it puts its children relative to its own origin, and the glyphs, rules
///    and shapes it draws itself (delimiters, accents, fraction rules, radical signs);
/// 2. parents before children: each node's position from its parent's, and the runs, rules and
///    shapes at those positions.
///
/// Heights come from ``MathFontProfile`` (the ink of each kind of character, in em), widths and
/// the fonts' ascent and descent from the backend.
struct MathTypesetter {
    let tree: MathTree
    let font: Font
    let measurer: any TextMeasuring
    let profile: MathFontProfile

    /// A glyph run a node draws, relative to the node's origin.
    struct Piece {
        var text: String
        var font: Font
        var x: Double
        var y: Double
        /// The advance (0 for an accent, which takes no room of its own).
        var width: Double
        var ascent: Double
        var descent: Double
        /// The ink above and below the baseline, in points.
        var inkTop: Double
        var inkBottom: Double
    }

    private var width: [Double]
    private var height: [Double]
    private var depth: [Double]
    private var offsetX: [Double]
    private var offsetY: [Double]
    private var pieces: [[Piece]]
    /// Glyphs that come after the node's children in reading order: a right delimiter, an accent.
    private var trailing: [[Piece]]
    /// Measurements made, by text and font: a formula often repeats "(" or "x".
    private var measured: [Measured: TextExtents] = [:]
    private var baseExtents: TextExtents?

    private struct Measured: Hashable {
        var text: String
        var font: Font
    }
    private var rules: [[TextLayout.Rule]]
    private var shapes: [[TextLayout.Shape]]

    init(tree: MathTree, font: Font, measurer: any TextMeasuring) {
        self.tree = tree
        self.font = font
        self.measurer = measurer
        self.profile = MathFontProfile.profile(for: font.family)
        let n = tree.nodes.count
        width = Array(repeating: 0, count: n)
        height = width; depth = width; offsetX = width; offsetY = width
        pieces = Array(repeating: [], count: n)
        trailing = pieces
        rules = Array(repeating: [], count: n)
        shapes = Array(repeating: [], count: n)
    }

    /// The whole markup set: its runs, rules and shapes, advance and extent.
    mutating func typeset() -> (runs: [TextLayout.Run], rules: [TextLayout.Rule], shapes: [TextLayout.Shape],
                                width: Double, ascent: Double, descent: Double) {
        let order = tree.preorder()
        for n in order.reversed() { box(n) }
        // Pass 2: absolute positions, and whether a node's runs are stacked over or under others.
        var x = Array(repeating: 0.0, count: tree.nodes.count), y = x
        var tight = Array(repeating: false, count: tree.nodes.count)
        var runs: [TextLayout.Run] = []
        var allRules: [TextLayout.Rule] = []
        var allShapes: [TextLayout.Shape] = []
        // The base font's ascent and descent: from a run in it if there is one, else measured.
        let base = baseExtents ?? measurer.measure("", font: font)
        var ascent = base.ascent, descent = base.descent
        // The runs in reading order: a node's own glyphs before its subtree, its trailing ones
        // after the last node of the subtree (subtrees are contiguous in the preorder).
        var subtree = Array(repeating: 1, count: tree.nodes.count)
        for n in order.reversed() { for c in tree.nodes[n].children where c >= 0 { subtree[n] += subtree[c] } }
        var closing: [(last: Int, node: Int)] = []
        func add(_ p: Piece, of n: Int) {
            let pad = 0.04 * p.font.size
            let run = TextLayout.Run(text: p.text, font: p.font, dx: x[n] + p.x, rise: y[n] + p.y, width: p.width,
                                     ascent: tight[n] ? min(p.ascent, p.inkTop + pad) : p.ascent,
                                     descent: tight[n] ? min(p.descent, p.inkBottom + pad) : p.descent)
            ascent = max(ascent, run.rise + run.ascent)
            descent = max(descent, run.descent - run.rise)
            if let last = runs.last, last.font == run.font, last.rise == run.rise, last.width > 0, run.width > 0,
               last.ascent == run.ascent, last.descent == run.descent, abs(last.dx + last.width - run.dx) < 1e-9 {
                runs[runs.count - 1].text += run.text
                runs[runs.count - 1].width += run.width
            } else {
                runs.append(run)
            }
        }
        for (position, n) in order.enumerated() {
            let node = tree.nodes[n]
            var stacks = false
            switch node.kind {
            case .fraction: stacks = true
            case .scripts(let limits): stacks = limits || (node.children[1] >= 0 && node.children[2] >= 0)
            default: break
            }
            for c in node.children where c >= 0 {
                x[c] = x[n] + offsetX[c]
                y[c] = y[n] + offsetY[c]
                tight[c] = tight[n] || stacks
            }
            for p in pieces[n] { add(p, of: n) }
            if !trailing[n].isEmpty { closing.append((position + subtree[n] - 1, n)) }
            for r in rules[n] {
                let moved = TextLayout.Rule(dx: x[n] + r.dx, rise: y[n] + r.rise, width: r.width, height: r.height)
                ascent = max(ascent, moved.rise + moved.height)
                descent = max(descent, -moved.rise)
                allRules.append(moved)
            }
            for s in shapes[n] {
                let moved = TextLayout.Shape(points: s.points.map { .init(dx: x[n] + $0.dx, rise: y[n] + $0.rise) })
                for p in moved.points {
                    ascent = max(ascent, p.rise)
                    descent = max(descent, -p.rise)
                }
                allShapes.append(moved)
            }
            while let last = closing.last, last.last == position {
                closing.removeLast()
                for p in trailing[last.node] { add(p, of: last.node) }
            }
        }
        return (runs.filter { !$0.text.isEmpty }, allRules, allShapes, width[tree.root], ascent, descent)
    }

    // MARK: Pass 1

    private func size(_ n: Int) -> Double { font.size * tree.nodes[n].scale }

    private func w(_ n: Int) -> Double { n >= 0 ? width[n] : 0 }
    private func h(_ n: Int) -> Double { n >= 0 ? height[n] : 0 }
    private func d(_ n: Int) -> Double { n >= 0 ? depth[n] : 0 }

    private mutating func place(_ child: Int, _ x: Double, _ y: Double) {
        guard child >= 0 else { return }
        offsetX[child] = x
        offsetY[child] = y
    }

    /// The box of node `n`, its children's boxes known.
    private mutating func box(_ n: Int) {
        let node = tree.nodes[n]
        let s = size(n)
        let rule = profile.rule * s, axis = profile.axis * s
        switch node.kind {
        case .text(var text):
            // A spaced operator: TeX's space on each side instead of the written spaces.
            let side = node.spacing * s
            if node.spacing > 0 { text = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
            // A large operator: 1.4 times the size (a display-style ∑), centred on the axis.
            let glyphSize = node.large ? 1.4 * s : s
            var set = glyphs(text, italic: node.italic || font.italic, bold: node.bold || font.bold, size: glyphSize, x: side, y: 0)
            var top = set.pieces.map(\.inkTop).max() ?? 0, bottom = set.pieces.map(\.inkBottom).max() ?? 0
            if node.large {
                let lift = axis - (top - bottom) / 2
                for k in set.pieces.indices { set.pieces[k].y = lift }
                (top, bottom) = (top + lift, bottom - lift)
            }
            pieces[n] = set.pieces
            width[n] = set.width + 2 * side
            height[n] = top
            depth[n] = bottom
        case .kern(let em):
            width[n] = em * s
        case .list:
            var x = 0.0, top = 0.0, bottom = 0.0
            for c in node.children where c >= 0 {
                place(c, x, 0)
                x += width[c]
                top = max(top, height[c])
                bottom = max(bottom, depth[c])
            }
            (width[n], height[n], depth[n]) = (x, top, bottom)
        case .scripts(let limits):
            scripts(n, limits: limits, size: s, rule: rule)
        case .fraction(let hasRule):
            let (num, den) = (node.children[0], node.children[1])
            let inner = max(w(num), w(den)), pad = 1.5 * rule
            let gap = hasRule ? 2 * rule : 3 * rule
            let numY = axis + (hasRule ? rule / 2 : 0) + gap + d(num)
            let denY = axis - (hasRule ? rule / 2 : 0) - gap - h(den)
            place(num, pad + (inner - w(num)) / 2, numY)
            place(den, pad + (inner - w(den)) / 2, denY)
            if hasRule { rules[n] = [.init(dx: pad, rise: axis - rule / 2, width: inner, height: rule)] }
            width[n] = inner + 2 * pad
            height[n] = max(numY + h(num), axis + rule)
            depth[n] = max(d(den) - denY, rule - axis)
        case .radical:
            radical(n, size: s, rule: rule)
        case .delimited(let left, let right):
            let body = node.children[0]
            var x = 0.0, top = h(body), bottom = d(body)
            for (k, delimiter) in [left, right].enumerated() {
                if k == 1 {
                    place(body, x, 0)
                    x += w(body)
                }
                let drawn = self.delimiter(delimiter, n, top: h(body), bottom: d(body), size: s, x: x, trailing: k == 1)
                x += drawn.width
                top = max(top, drawn.top)
                bottom = max(bottom, drawn.bottom)
            }
            (width[n], height[n], depth[n]) = (x, top, bottom)
        case .bigDelimiter(let delimiter, let em):
            let drawn = self.delimiter(delimiter, n, top: axis + em * s / 2, bottom: em * s / 2 - axis, size: s, x: 0,
                                       fixed: true)
            (width[n], height[n], depth[n]) = (drawn.width, drawn.top, drawn.bottom)
        case .accent(_, let spacing):
            accent(n, spacing: spacing, size: s)
        case .overline:
            let body = node.children[0]
            place(body, 0, 0)
            let bottom = max(h(body), profile.xHeight * s) + 3 * rule
            rules[n] = [.init(dx: 0, rise: bottom, width: w(body), height: rule)]
            (width[n], height[n], depth[n]) = (w(body), bottom + 2 * rule, d(body))
        case .table(let columns):
            table(n, columns: columns, size: s, axis: axis)
        }
    }

    /// `text` in `font`, measured once per layout.
    private mutating func measure(_ text: String, _ font: Font) -> TextExtents {
        let key = Measured(text: text, font: font)
        if let known = measured[key] { return known }
        let m = measurer.measure(text, font: font)
        measured[key] = m
        if font == self.font { baseExtents = m }
        return m
    }

    /// Text split into runs by the family that draws each character, measured.
    private mutating func glyphs(_ text: String, italic: Bool, bold: Bool, size: Double, x: Double, y: Double)
        -> (pieces: [Piece], width: Double) {
        var result: [Piece] = []
        var x0 = x
        var inkTop = 0.0, inkBottom = 0.0
        func flush(_ chunk: String, _ family: String, _ italic: Bool) {
            guard !chunk.isEmpty else { return }
            let f = Font(size: size, italic: italic, bold: bold, family: family)
            let m = measure(chunk, f)
            result.append(Piece(text: chunk, font: f, x: x0, y: y, width: m.width, ascent: m.ascent, descent: m.descent,
                                inkTop: inkTop * size, inkBottom: inkBottom * size))
            x0 += m.width
            (inkTop, inkBottom) = (0, 0)
        }
        // Most text needs no other family: one run.
        if profile.symbolFamily == nil, text.unicodeScalars.allSatisfy({ $0.value < 0x2100 }) {
            (inkTop, inkBottom) = profile.ink(of: text)
            flush(text, font.family, italic)
            return (result, x0 - x)
        }
        var chunk = "", chunkFamily = font.family, chunkItalic = italic
        for scalar in text.unicodeScalars {
            let route = profile.family(for: scalar, italic: italic)
            let family = route?.family ?? font.family, slanted = route?.italic ?? italic
            if family != chunkFamily || slanted != chunkItalic {
                flush(chunk, chunkFamily, chunkItalic)
                chunk = ""
                chunkFamily = family
                chunkItalic = slanted
            }
            chunk.unicodeScalars.append(route?.scalar ?? scalar)
            let ink = profile.ink(scalar)
            (inkTop, inkBottom) = (max(inkTop, ink.top), max(inkBottom, ink.bottom))
        }
        flush(chunk, chunkFamily, chunkItalic)
        return (result, x0 - x)
    }

    private mutating func scripts(_ n: Int, limits: Bool, size s: Double, rule: Double) {
        let children = tree.nodes[n].children
        let (nucleus, sub, sup) = (children[0], children[1], children[2])
        if limits && nucleus >= 0 {
            let widest = max(w(nucleus), w(sub), w(sup)), gap = 3 * rule
            place(nucleus, (widest - w(nucleus)) / 2, 0)
            place(sup, (widest - w(sup)) / 2, h(nucleus) + gap + d(sup))
            place(sub, (widest - w(sub)) / 2, -(d(nucleus) + gap + h(sub)))
            width[n] = widest
            height[n] = sup >= 0 ? h(nucleus) + gap + d(sup) + h(sup) : h(nucleus)
            depth[n] = sub >= 0 ? d(nucleus) + gap + h(sub) + d(sub) : d(nucleus)
            return
        }
        // A letter keeps matplotlib's fixed shifts; a taller box (a fraction, delimiters) raises
        // and lowers its scripts with its own height and depth, as TeX does.
        var rise = 0.45 * s, drop = 0.2 * s
        if nucleus >= 0, case .text = tree.nodes[nucleus].kind, !tree.nodes[nucleus].large {} else if nucleus >= 0 {
            rise = max(rise, h(nucleus) - 0.27 * s)
            drop = max(drop, d(nucleus) + 0.035 * s)
        }
        if sub >= 0 && sup >= 0 {
            let gap = (rise - d(sup)) - (h(sub) - drop)
            if gap < 4 * rule { drop += 4 * rule - gap }
        }
        place(nucleus, 0, 0)
        place(sup, w(nucleus), rise)
        place(sub, w(nucleus), -drop)
        width[n] = w(nucleus) + max(w(sub), w(sup))
        height[n] = max(h(nucleus), sup >= 0 ? rise + h(sup) : 0, sub >= 0 ? h(sub) - drop : 0)
        depth[n] = max(d(nucleus), sub >= 0 ? drop + d(sub) : 0, sup >= 0 ? d(sup) - rise : 0)
    }

    private mutating func radical(_ n: Int, size s: Double, rule: Double) {
        let children = tree.nodes[n].children
        let (body, index) = (children[0], children[1])
        let barBottom = max(h(body), profile.xHeight * s) + 3 * rule
        let top = barBottom + rule
        let bottom = -(max(d(body), 0) + rule)
        let sign = MathShapes.radical(bottom: bottom, top: top, size: s, rule: rule)
        var signX = 0.0
        var extentTop = top
        if index >= 0 {
            signX = max(0, w(index) - 0.25 * s)
            let baseline = bottom + 0.55 * (top - bottom) + d(index)
            place(index, 0, baseline)
            extentTop = max(extentTop, baseline + h(index))
        }
        let pad = 1.5 * rule
        place(body, signX + sign.end + pad, 0)
        let end = signX + sign.end + 2 * pad + w(body)
        shapes[n] = [.init(points: sign.shape.points.map { .init(dx: $0.dx + signX, rise: $0.rise) })]
        rules[n] = [.init(dx: signX + sign.end - 0.5 * rule, rise: barBottom, width: end - signX - sign.end + 0.5 * rule, height: rule)]
        (width[n], height[n], depth[n]) = (end + 0.5 * pad, extentTop, -bottom + 0.2 * rule)
    }

    /// A delimiter of node `n` at `x` for a body reaching `top` above and `bottom` below the
    /// baseline: its glyph if that is nearly as tall (always, for none), else drawn over the
    /// body's extent and a little more, as matplotlib sizes them; `fixed`: exactly that extent.
    private mutating func delimiter(_ delimiter: String, _ n: Int, top: Double, bottom: Double, size s: Double, x: Double,
                                    fixed: Bool = false, trailing after: Bool = false) -> (width: Double, top: Double, bottom: Double) {
        let glyphTop = profile.delimiterTop * s, glyphBottom = profile.delimiterBottom * s
        let short = fixed ? top + bottom <= (glyphTop + glyphBottom) * 1.02
                          : top + bottom - 0.2 * profile.xHeight * s <= glyphTop + glyphBottom
        if delimiter.isEmpty || short {
            guard !delimiter.isEmpty else { return (0.12 * s, 0, 0) }
            let set = glyphs(delimiter, italic: false, bold: font.bold, size: s, x: x, y: 0)
            if after { trailing[n] += set.pieces } else { pieces[n] += set.pieces }
            return (set.width, glyphTop, glyphBottom)
        }
        let margin = fixed ? 0 : 0.06 * s
        let upper = max(top + margin, glyphTop), lower = -max(bottom + margin, glyphBottom)
        let drawn = MathShapes.delimiter(delimiter, bottom: lower, top: upper, size: s, profile: profile)
        rules[n] += drawn.rules.map { .init(dx: $0.dx + x, rise: $0.rise, width: $0.width, height: $0.height) }
        shapes[n] += drawn.shapes.map { .init(points: $0.points.map { .init(dx: $0.dx + x, rise: $0.rise) }) }
        return (drawn.width, upper, -lower)
    }

    private mutating func accent(_ n: Int, spacing: String, size s: Double) {
        let body = tree.nodes[n].children[0]
        place(body, 0, 0)
        let isVector = spacing == "→"
        let accentSize = isVector ? 0.7 * s : s
        var set = glyphs(spacing, italic: false, bold: font.bold, size: accentSize, x: 0, y: 0)
        let glyphWidth = set.width
        let (accentBottom, accentTop) = isVector ? (0.10 * accentSize, 0.53 * accentSize)
                                                 : (profile.accentBottom * s, profile.accentTop * s)
        // Accents are drawn to sit over an x-height letter: raised by what the body rises above it.
        var rise = max(0, h(body) - profile.xHeight * s)
        if isVector { rise = h(body) + 0.08 * s - accentBottom }
        var skew = 0.0
        if body >= 0, tree.nodes[body].italic || font.italic {
            skew = profile.slant * (rise + (accentBottom + accentTop) / 2 - h(body) / 2)
        }
        for k in set.pieces.indices {
            set.pieces[k].x += (w(body) - glyphWidth) / 2 + skew
            set.pieces[k].y = rise
            set.pieces[k].width = 0
        }
        trailing[n] = set.pieces
        (width[n], height[n], depth[n]) = (w(body), max(h(body), rise + accentTop), d(body))
    }

    private mutating func table(_ n: Int, columns: Int, size s: Double, axis: Double) {
        let cells = tree.nodes[n].children
        let rows = cells.count / max(columns, 1)
        var columnWidth = Array(repeating: 0.0, count: columns)
        for (k, cell) in cells.enumerated() { columnWidth[k % columns] = max(columnWidth[k % columns], w(cell)) }
        // amsmath's cases: rows at least 1.2 × (0.7, 0.3) × 1.2 em high and deep, columns a quad apart.
        var rowHeight = Array(repeating: 1.008 * s, count: rows), rowDepth = Array(repeating: 0.432 * s, count: rows)
        for (k, cell) in cells.enumerated() {
            rowHeight[k / columns] = max(rowHeight[k / columns], h(cell))
            rowDepth[k / columns] = max(rowDepth[k / columns], d(cell))
        }
        let total = zip(rowHeight, rowDepth).map(+).reduce(0, +)
        let top = axis + total / 2
        var baseline = top
        var columnX = [0.0]
        for c in 0..<max(columns - 1, 0) { columnX.append(columnX[c] + columnWidth[c] + s) }
        for r in 0..<rows {
            baseline -= rowHeight[r]
            for c in 0..<columns { place(cells[r * columns + c], columnX[c], baseline) }
            baseline -= rowDepth[r]
        }
        width[n] = (columnX.last ?? 0) + (columnWidth.last ?? 0)
        height[n] = top
        depth[n] = total - top
    }
}
