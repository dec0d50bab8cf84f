import FoundationEssentials

/// A response of the explorer, before it is sent: status, media type, extra headers and body.
public struct ExplorerResponse: Equatable, Sendable {
    public var status: Int
    public var contentType: String
    public var headers: [String: String] = [:]
    public var body: [UInt8]

    /// Plain text ending in a newline: what a refusal says.
    static func text(_ status: Int, _ message: String, headers: [String: String] = [:]) -> Self {
        Self(status: status, contentType: "text/plain; charset=utf-8", headers: headers, body: Array((message + "\n").utf8))
    }
}

/// What the explorer answers to a request, decided from the request line alone: the page at `/`,
/// a command's output at the paths of ``CommandQuery``, and a refusal with one line of text for
/// anything else. Nothing here touches the file system or the network; the server sends
/// the response (the explorer's server, `gan-losses-explorer`).
///
/// Limits: GET and HEAD only (405), no request body (413), a target of at most
/// ``maximumTargetLength`` bytes (414). A bad option is 400 with the command line's message.
public enum ExplorerRoutes {
    /// The longest request target (path and query) answered: a query of every option at its
    /// longest legitimate value fits many times over.
    static let maximumTargetLength = 8192

    /// A request target's path and its query (without the `?`; empty when there is none).
    public static func split(target: String) -> (path: String, query: String) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count == 2 ? String(parts[1]) : "")
    }

    /// The response to `method` `target` (the request line's path and query, percent-encoded)
    /// carrying a body of `bodyLength` bytes.
    public static func respond(method: String, target: String, bodyLength: Int) -> ExplorerResponse {
        guard method == "GET" || method == "HEAD" else {
            return .text(405, "\(InputText.shown(method)): the explorer answers GET and HEAD", headers: ["Allow": "GET, HEAD"])
        }
        guard bodyLength == 0 else {
            return .text(413, "a request to the explorer carries no body (this one has \(bodyLength) bytes)")
        }
        guard target.utf8.count <= maximumTargetLength else {
            return .text(414, "the request target has \(target.utf8.count) bytes, more than the limit of \(maximumTargetLength)")
        }
        let (path, query) = split(target: target)
        if path == "/" {
            return ExplorerResponse(status: 200, contentType: "text/html; charset=utf-8", body: Array(ExplorerPage.html.utf8))
        }
        if path == TrainingSession.path {
            return .text(426, "\(path) is a WebSocket: the explorer's Training view opens it; the figure at the end is /ring.svg",
                         headers: ["Upgrade": "websocket", "Connection": "Upgrade"])
        }
        guard CommandQuery.Endpoint(path: path) != nil else {
            return .text(404, "\(InputText.shown(path)): not here; ask for / (the explorer), \(CommandQuery.paths)")
        }
        do throws(CommandQuery.Refusal) {
            let request = try CommandQuery(path: path, query: query)
            return ExplorerResponse(status: 200, contentType: request.endpoint.contentType, body: try request.respond())
        } catch {
            return .text(400, error.message)
        }
    }
}
