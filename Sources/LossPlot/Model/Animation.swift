import Glibc

/// An animation: frames numbered 0 ..< ``frameCount``, each a ``Figure`` of the same page size,
/// made on demand by ``frame`` (one at a time, so that a long animation never holds all its
/// figures at once).
///
/// With ``holdsLayout`` (the default), an axis that a frame leaves without a range is drawn with
/// the view the last frame's layout gives it, and a legend placed `.best` where the last frame's
/// layout puts it, so that axes and legends stand still while the data grows and the last frame
/// is the figure as it would be drawn alone.
///
/// ```swift
/// let xs = (0...100).map { Double($0) / 10 }
/// let growing = Animation.growing(frames: 40, steps: 100) { step in
///     Figure(panels: [Panel(marks: [.line(DataLine(label: "sin", x: Array(xs[...step]), y: xs[...step].map(sin)))])])
/// }
/// ```
public struct Animation: Sendable {
    /// The number of frames.
    public var frameCount: Int
    /// Whether axes without a range and legends placed `.best` take their views and places from
    /// the last frame.
    public var holdsLayout: Bool
    /// The figure of frame k, for k in 0 ..< ``frameCount``.
    public var frame: @Sendable (Int) throws -> Figure

    /// An animation of `frameCount` frames, frame k drawn as `frame(k)`, its axes and legends held
    /// where the last frame has them unless `holdsLayout` is false.
    public init(frameCount: Int, holdsLayout: Bool = true, frame: @escaping @Sendable (Int) throws -> Figure) {
        self.frameCount = frameCount
        self.holdsLayout = holdsLayout
        self.frame = frame
    }

    /// Which step of a run each frame shows.
    public enum StepSchedule: Sendable, Hashable {
        /// Equal steps per frame: frame k of n shows steps 0 … ⌈k · steps/(n − 1)⌉, frame 0 the
        /// start alone.
        case linear
        /// Equal ratios per frame, for a logarithmic axis of steps: frame k of n shows steps
        /// 0 … ⌈steps^(k/(n − 1))⌉, frame 0 up to step 1.
        case logarithmic

        /// The last step frame `k` of `n` shows, for a run of `steps` steps: from 0 (or 1) at
        /// frame 0, never falling, to `steps` at frame n − 1 (and for a single frame).
        public func step(frame k: Int, of n: Int, steps: Int) -> Int {
            guard n > 1, k < n - 1 else { return steps }
            guard k > 0 else { return self == .linear ? 0 : min(1, steps) }
            switch self {
            case .linear:
                // ⌈k · steps/(n − 1)⌉ in integers (no rounding of a quotient).
                let (q, r) = (k * steps).quotientAndRemainder(dividingBy: n - 1)
                return q + (r > 0 ? 1 : 0)
            case .logarithmic:
                return min(steps, Int(pow(Double(steps), Double(k) / Double(n - 1)).rounded(.up)))
            }
        }
    }

    /// `frames` frames of something that grows over a run of `steps` steps: frame k is
    /// `figure(s)` for the step s that `schedule` gives it (``StepSchedule/step(frame:of:steps:)``).
    public static func growing(frames: Int, steps: Int, schedule: StepSchedule = .linear, holdsLayout: Bool = true,
                               figure: @escaping @Sendable (Int) throws -> Figure) -> Animation {
        Animation(frameCount: frames, holdsLayout: holdsLayout) { k in
            try figure(schedule.step(frame: k, of: frames, steps: steps))
        }
    }
}
