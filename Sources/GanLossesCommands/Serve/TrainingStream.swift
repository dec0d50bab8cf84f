import Dispatch
import Synchronization

/// The live training's conversation, whatever carries it: the page's commands in, the session's
/// messages (``TrainingSession/message()``) out. The first message is step 0; then a message per
/// stretch of steps, as fast as they train, until the last (`"done": true`), after which the
/// stream ends. The commands:
///
/// | command | what it does |
/// |---|---|
/// | `pause` | no more stretches until `resume` or `step` |
/// | `step` | pauses, and trains one stretch |
/// | `resume` | trains on |
///
/// Anything else is ignored. A failure is one message `{"error": …}`, and the end. When the commands end (the page went away), the training stops.
/// The training runs off Swift's cooperative threads, so that other requests are served meanwhile.
public enum TrainingStream {
    /// The messages of the session of `query` as `commands` steer it; for a query
    /// ``TrainingSession`` refuses, one message `{"error": "<the command line's message>"}`.
    public static func messages(query: String, commands: AsyncStream<String>) -> AsyncStream<String> {
        do {
            return messages(try TrainingSession(query: query), commands: commands)
        } catch {
            return refusal(error.message)
        }
    }

    /// A stream of one message, `{"error": message}`: what the page shows instead of a training.
    public static func refusal(_ message: String) -> AsyncStream<String> {
        AsyncStream { output in
            output.yield(errorMessage(message))
            output.finish()
        }
    }

    /// `{"error": message}`, the page's message for a refusal or a failure.
    static func errorMessage(_ message: String) -> String {
        #"{"error": \#(JSONText.string(message))}"#
    }

    /// The messages of `session` as `commands` steer it.
    public static func messages(_ session: TrainingSession, commands: AsyncStream<String>) -> AsyncStream<String> {
        let (messages, output) = AsyncStream<String>.makeStream()
        let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let control = Shared()
        let reader = Task {
            for await command in commands {
                control.state.withLock { $0.apply(command) }
                wake.yield()
            }
            control.state.withLock { $0.closed = true }
            wake.yield()
        }
        let trainer = Task {
            var session = session
            var waiting = wakes.makeAsyncIterator()
            var advancing = false  // the first message is the start
            training: while true {
                switch control.state.withLock({ $0.next(advancing: advancing) }) {
                case .stop: break training
                case .wait: _ = await waiting.next(); continue training
                case .train: break
                }
                let current = session, advance = advancing
                let (next, message) = await offCooperativeThreads { () -> (TrainingSession, Result<String, any Error>) in
                    var s = current
                    if advance { s.advance() }
                    return (s, Result { try s.message() })
                }
                session = next
                advancing = true
                switch message {
                case .success(let text):
                    output.yield(text)
                    if session.isFinished { break training }
                case .failure(let error):
                    output.yield(errorMessage("\(error)"))
                    break training
                }
            }
            output.finish()
            reader.cancel()
        }
        output.onTermination = { _ in trainer.cancel(); reader.cancel() }
        return messages
    }

    /// The commands' effect, shared by the task that reads them and the one that trains.
    final class Shared: Sendable {
        let state = Mutex(Control())
    }

    /// What the page asked for so far.
    struct Control {
        var running = true
        var stretches = 0
        var closed = false

        mutating func apply(_ command: String) {
            switch command {
            case "pause": running = false
            case "resume": running = true
            case "step": running = false; stretches += 1
            default: break
            }
        }

        enum Next { case train, wait, stop }

        /// Whether to train a stretch now (or, before the first, send the start), wait for a
        /// command, or stop.
        mutating func next(advancing: Bool) -> Next {
            if closed { return .stop }
            if running || !advancing { return .train }
            if stretches > 0 { stretches -= 1; return .train }
            return .wait
        }
    }

    /// `work`'s result, computed on a Dispatch thread.
    static func offCooperativeThreads<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { done in
            DispatchQueue.global().async { done.resume(returning: work()) }
        }
    }
}
