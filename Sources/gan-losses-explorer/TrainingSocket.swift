import FlyingFox
import GanLossesCommands
import Synchronization

/// The live training's WebSocket, `/training?<simulate ring options>`: the page's text frames are
/// ``TrainingStream``'s commands, and its messages go back as text frames. A query the command
/// line refuses gets one message with its message (a browser cannot read the body of a refused
/// upgrade), and so does one training more than ``limit`` (each keeps two cores busy).
struct TrainingSocket: WSMessageHandler {
    static let limit = 4
    static let open = Mutex(0)

    let query: String

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let admitted = Self.open.withLock { count in
            guard count < Self.limit else { return false }
            count += 1
            return true
        }
        let (commands, command) = AsyncStream<String>.makeStream()
        let reader = Task {
            for await message in client {
                if case .text(let text) = message { command.yield(text) }
            }
            command.finish()
        }
        let messages = admitted ? TrainingStream.messages(query: query, commands: commands)
            : TrainingStream.refusal("\(Self.limit) trainings are running, the most the explorer runs at once: close one and train again")
        return AsyncStream { output in
            let task = Task {
                for await text in messages { output.yield(.text(text)) }
                output.yield(.close(.normalClosure))  // the training is over: a clean close, not a dropped connection
                output.finish()
            }
            output.onTermination = { _ in
                task.cancel()
                reader.cancel()
                command.finish()
                if admitted { Self.open.withLock { $0 -= 1 } }
            }
        }
    }
}
