import Dispatch
import Dynamics
import LossFigures
import LossPlot
import Synchronization

/// The explorer's live training: the ring experiment of `gan-losses simulate ring` with the
/// options of a query (`loss=nonsat,r1&seed=2`), trained a sixtieth of the run at a time; after
/// each stretch, ``message()`` is what the page shows: the step, each objective's modes covered
/// and share of samples near a mode, and the figure of the samples so far (SVG). The server streams
/// the messages over a WebSocket and the page pauses, steps and resumes them; this type knows
/// nothing of sockets, so that the tests drive it directly.
///
/// The trainings are those of the command line, step for step (``RingTraining``, the same seed
/// and recipe), and they record snapshots at the same steps: once done, the figure is the one
/// `simulate ring … -o ring.svg` writes, byte for byte.
public struct TrainingSession: Sendable {
    /// Where the page opens the WebSocket.
    public static let path = "/training"

    /// Why a query cannot train: the command line's message.
    public struct Refusal: Error, Equatable, Sendable {
        public let message: String
    }

    let command: SimulateCommand
    /// One per objective, in the command's order.
    private(set) var trainings: [RingTraining]
    /// Each objective's snapshots at ``RingComparison/recordedSteps(of:)``, as the command keeps them.
    private(set) var recorded: [[RingGAN.Snapshot]]
    private let recordedSteps: Set<Int>
    /// Generator steps per ``advance()``: a sixtieth of the run, at least 1.
    public let stride: Int

    /// A session for the `simulate ring` options of `query` (a URL query, as ``CommandQuery``
    /// reads it), before the first step; refused with the command line's message, or when it
    /// asks for the table of seeds.
    public init(query: String) throws(Refusal) {
        do {
            command = try CommandQuery(path: "/ring.svg", query: query).ringCommand()
        } catch { throw Refusal(message: error.message) }
        let experiment = command.ringExperiment(seed: command.seed ?? 1)
        trainings = experiment.objectives.map { RingTraining(experiment.model($0)) }
        recorded = trainings.map { _ in [] }
        let steps = trainings.first?.model.steps ?? 1
        recordedSteps = Set(RingComparison.recordedSteps(of: steps))
        stride = max(1, steps / 60)
    }

    /// The steps of the run.
    public var steps: Int { trainings.first?.model.steps ?? 0 }
    /// The generator steps taken so far (every objective alike).
    public var step: Int { trainings.first?.step ?? 0 }
    /// Whether every objective has taken all its steps.
    public var isFinished: Bool { trainings.allSatisfy(\.isFinished) }

    /// Trains every objective ``stride`` more steps (fewer at the end), two objectives at a time
    /// on the machine's cores, keeping the snapshots at the recorded steps.
    public mutating func advance() {
        let (stride, recordedSteps) = (self.stride, self.recordedSteps)
        let work = Mutex(Array(zip(trainings, recorded)))
        DispatchQueue.concurrentPerform(iterations: trainings.count) { index in
            var (training, snapshots) = work.withLock { $0[index] }
            for _ in 0..<stride where !training.isFinished {
                training.advance()
                if recordedSteps.contains(training.step) { snapshots.append(training.snapshot()) }
            }
            work.withLock { $0[index] = (training, snapshots) }
        }
        (trainings, recorded) = work.withLock { ($0.map(\.0), $0.map(\.1)) }
    }

    /// The page's update, one line of JSON:
    /// `{"step", "steps", "done", "objectives": [{"id", "title", "modes", "of", "share"}], "figure"}`,
    /// the coverage measured on the generator's samples now, and the figure as SVG text: while
    /// training, a panel per objective with its samples now (the view widening as the samples
    /// spread); once done, the command line's figure.
    public func message() throws -> String {
        // At a recorded step the snapshot is taken already.
        let now = zip(trainings, recorded).map { training, kept in
            kept.last.flatMap { $0.step == training.step ? $0 : nil } ?? training.snapshot()
        }
        let figure: [UInt8]
        if isFinished {
            let done = zip(trainings, recorded).map { RingComparison.Training(model: $0.model, snapshots: $1) }
            figure = try command.render(DynamicsFigures.modeCollapse(theme: command.theme, trainings: done), .svg)
        } else {
            let sofar = zip(trainings, zip(recorded, now)).map { training, snaps in
                let (kept, current) = snaps
                return RingComparison.Training(model: training.model, snapshots: kept.last?.step == current.step ? kept : kept + [current])
            }
            figure = try command.render(DynamicsFigures.modeCollapseFrame(theme: command.theme, trainings: sofar, step: step), .svg)
        }
        let objectives = zip(trainings, now).map { training, snapshot in
            let c = snapshot.coverage
            return #"{"id": \#(JSONText.string(training.model.objective.rawValue)), "title": \#(JSONText.string(training.model.objective.title)), "#
                + #""modes": \#(c.modesCovered), "of": \#(training.model.data.centers.count), "share": \#(c.highQualityShare)}"#
        }
        return #"{"step": \#(step), "steps": \#(steps), "done": \#(isFinished), "objectives": [\#(objectives.joined(separator: ", "))], "#
            + #""figure": \#(JSONText.string(String(decoding: figure, as: UTF8.self)))}"#
    }
}
