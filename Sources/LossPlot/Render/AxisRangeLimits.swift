/// Which views an axis can show: those whose data → page transform, and its inverse and ticks,
/// can be computed in Double. In the scale's coordinate t (t = v, log₁₀ v or logit₁₀ v) a view
/// lo…hi must
/// - have a finite width w = t(hi) − t(lo), else ``FigureError/rangeTooWide``;
/// - leave room for that width beyond either end, max(|t(lo)|, |t(hi)|) + w finite: ticks are
///   placed up to a step (at most about w) outside the view, and the margin and offset arithmetic
///   reaches past its ends; else ``FigureError/rangeNearOverflow``. (Only a linear axis near
///   ±1.8e308 can fail this: a log or logit coordinate is at most 324 in size.)
/// - hold at least ``minimumSteps`` distinct Doubles, in t and in the data: w ≥ 4096 ulp(max |t|)
///   and hi − lo ≥ 4096 ulp(max(|lo|, |hi|)), about 1e−12 of the bounds' size. That is more
///   steps than there are pixels along a 6.4-inch axis at 600 dpi (3840), so curves are not
///   visibly quantized and ticks land apart; else ``FigureError/rangeTooNarrow``.
///
/// The views the renderer picks from the data meet these by construction (it widens a
/// degenerate extent and keeps to ±5e307); an explicit range is checked.
enum AxisRangeLimits {
    static let minimumSteps = 4096.0

    static func check(axis name: String, scale: Scale, lo: Double, hi: Double) throws(FigureError) {
        let t0 = scale.forward(lo), t1 = scale.forward(hi)
        let width = t1 - t0
        guard width.isFinite else { throw .rangeTooWide(axis: name, lo: lo, hi: hi) }
        guard (max(abs(t0), abs(t1)) + width).isFinite else { throw .rangeNearOverflow(axis: name, lo: lo, hi: hi) }
        let dataNeeded = minimumSteps * max(abs(lo), abs(hi)).ulp
        let scaleNeeded = minimumSteps * max(abs(t0), abs(t1)).ulp
        if hi - lo < dataNeeded || width < scaleNeeded {
            // The data width that meets both, a little over so that the rounded message does too.
            let fromScale = scale.inverse(t0 + scaleNeeded) - lo
            let needed = max(dataNeeded, fromScale.isFinite ? fromScale : 0)
            throw .rangeTooNarrow(axis: name, lo: lo, hi: hi, minimumWidth: 1.1 * needed)
        }
    }
}
