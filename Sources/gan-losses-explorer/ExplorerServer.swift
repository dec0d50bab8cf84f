import FlyingFox
import FlyingSocks
import Foundation
import GanLossesCommands

/// The explorer on a socket: FlyingFox reads each request and sends what ``ExplorerRoutes``
/// answers, with the time it took to make in a `Server-Timing` header (`render;dur=` in
/// milliseconds), which the load test reads.
struct ExplorerServer {
    /// Seconds a request may take, reading it included, before it is answered 500: more than the
    /// slowest input the commands accept takes (`simulate dirac --steps 100000` with instance
    /// noise, about 12 s).
    static let requestTimeout = 30.0

    let address: any SocketAddress

    /// Listens, calls `listening` with the address bound (the port chosen, for `--port 0`), and
    /// serves until the task is cancelled.
    func run(listening: @escaping @Sendable (Socket.Address) -> Void) async throws {
        let server = HTTPServer(address: address, timeout: Self.requestTimeout, pool: NoDelaySocketPool(base: HTTPServer.defaultPool()),
                                logger: .disabled, handler: Handler())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }  // throws at once if it cannot bind
            group.addTask {
                try await server.waitUntilListening()
                if let bound = await server.listeningAddress { listening(bound) }
            }
            for try await _ in group {}
        }
    }

    /// Every request, whatever its path, goes to ``ExplorerRoutes``, but for the live training's
    /// WebSocket (``TrainingSocket``).
    struct Handler: HTTPHandler {
        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            let target = ExplorerRoutes.split(target: request.target.rawValue)
            if target.path == TrainingSession.path, request.headers[.upgrade]?.lowercased() == "websocket" {
                return try await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: TrainingSocket(query: target.query)))
                    .handleRequest(request)
            }
            let clock = ContinuousClock()
            let start = clock.now
            let bodyLength = request.headers[.transferEncoding] != nil ? Int.max
                : Int(request.headers[.contentLength] ?? "0") ?? Int.max
            let answer = ExplorerRoutes.respond(method: request.method.rawValue, target: request.target.rawValue, bodyLength: bodyLength)
            let elapsed = clock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15
            var headers: HTTPHeaders = [
                .contentType: answer.contentType,
                .cacheControl: "no-store",
                HTTPHeader("Server-Timing"): "render;dur=\((milliseconds * 1000).rounded() / 1000)",
                HTTPHeader("X-Content-Type-Options"): "nosniff",
            ]
            if answer.contentType.hasPrefix("text/html") {
                // The page runs its own script only, and loads nothing from elsewhere.
                headers[HTTPHeader("Content-Security-Policy")] = "default-src 'self'; img-src 'self' data: blob:; connect-src 'self' blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'"
            }
            for (name, value) in answer.headers { headers[HTTPHeader(name)] = value }
            let body = request.method == .HEAD ? Data() : Data(answer.body)
            return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: ExplorerServer.phrase(answer.status)), headers: headers, body: body)
        }
    }

    /// The reason phrase of each status the explorer sends.
    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 426: "Upgrade Required"
        default: "Error"
        }
    }
}
