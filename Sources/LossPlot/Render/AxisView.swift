/// The views of a panel's axes: the range given, else the data's extent plus a margin.
extension PanelPlan {
    /// Every mark's x extent, in mark order, within the x scale's domain.
    static func xData(_ panel: Panel, _ contents: [any MarkContent]) -> [Double] {
        contents.flatMap { $0.xExtent() }.filter { panel.x.scale.contains($0) }
    }

    /// Every mark's y extent over the x view, in mark order, within the y scale's domain.
    static func yData(_ panel: Panel, _ contents: [any MarkContent], xView: ClosedRange<Double>) -> [Double] {
        contents.flatMap { $0.yExtent(xView: xView, xScale: panel.x.scale) }.filter { panel.y.scale.contains($0) }
    }

    /// The axis range if given, else the data's extent with a 5% margin in scale space; either
    /// checked against ``AxisRangeLimits``, so that the transform and the ticks can be computed.
    ///
    /// Automatic: t = scale.forward(data), finite values only, lo…hi their extent (no data gives
    /// 0…1, 0.1…10 or 0.01…0.99 by scale), each end held within ±``Axis/largestAutomaticMagnitude``;
    /// a flat extent is widened by max(5% of |lo|, ½) either side; then 5% of hi − lo either side,
    /// except on a side where the margin would leave the scale's domain.
    static func view(axis: Axis, name: String, data: [Double]) throws -> ClosedRange<Double> {
        let scale = axis.scale
        if let r = axis.range {
            guard r.lowerBound < r.upperBound, r.lowerBound.isFinite, r.upperBound.isFinite else {
                throw FigureError.emptyRange(axis: name, lo: r.lowerBound, hi: r.upperBound)
            }
            guard scale.contains(r.lowerBound), scale.contains(r.upperBound) else {
                throw FigureError.outsideScale(axis: name, scale: scale, lo: r.lowerBound, hi: r.upperBound)
            }
            try AxisRangeLimits.check(axis: name, scale: scale, lo: r.lowerBound, hi: r.upperBound)
            return r
        }
        let ts = data.map(scale.forward).filter { $0.isFinite }
        guard var lo = ts.min(), var hi = ts.max() else {
            switch scale {
            case .linear: return 0...1
            case .log: return 0.1...10
            case .logit: return 0.01...0.99
            case .symlog: return -1...1
            }
        }
        // Data reaching toward ±1.8e308 is shown up to ±5e307: with the margin, the widest view
        // that leaves its ticks room (max |t| + width = 1.65e308).
        let largest = Axis.largestAutomaticMagnitude
        (lo, hi) = (min(max(lo, -largest), largest), min(max(hi, -largest), largest))
        if hi - lo <= 1e-12 * max(abs(lo), abs(hi), 1) {
            let widen = max(abs(lo) * 0.05, scale == .linear ? 0.5 : 0.5)
            lo -= widen; hi += widen
        }
        // A margin that would leave what the scale can represent (below the smallest positive
        // Double on a log axis, say) is dropped on that side.
        let margin = 0.05 * (hi - lo)
        func bound(_ t: Double, else unmargined: Double) -> Double {
            let v = scale.inverse(t)
            return scale.contains(v) && scale.forward(v).isFinite ? v : scale.inverse(unmargined)
        }
        let view = bound(lo - margin, else: lo)...bound(hi + margin, else: hi)
        try AxisRangeLimits.check(axis: name, scale: scale, lo: view.lowerBound, hi: view.upperBound)
        return view
    }
}
