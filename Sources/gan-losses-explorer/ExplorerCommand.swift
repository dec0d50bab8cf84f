import ArgumentParser
import Dispatch
import FlyingSocks
import GanLossesCommands
import Glibc
import Synchronization

/// `gan-losses-explorer`: the explorer's HTTP server, which `gan-losses serve` starts. It listens
/// where ``ServeOptions`` say, prints its address, and answers with ``ExplorerRoutes`` until
/// stopped (Ctrl-C).
struct ExplorerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: ServeOptions.serverName,
        abstract: "The explorer's web server, which `gan-losses serve` starts (see gan-losses serve --help).")

    @OptionGroup var options: ServeOptions

    func run() throws {
        let address: any SocketAddress
        do {
            address = options.isIPv6 ? try sockaddr_in6.inet6(ip6: options.ip, port: UInt16(options.port))
                : try sockaddr_in.inet(ip4: options.ip, port: UInt16(options.port))
        } catch {
            throw ValidationError("--host \(options.host) is not an IP address")
        }
        let failure = Mutex<(any Error)?>(nil)
        let stopped = DispatchSemaphore(value: 0)
        let options = options
        Task {
            do {
                try await ExplorerServer(address: address).run { bound in
                    let url = Self.url(of: bound)
                    try? Output.write("gan-losses explorer: \(url) (Ctrl-C stops it)\n")
                    if !options.isLoopback { Output.error("note: --host \(options.host) lets other machines reach the explorer") }
                    if options.open { ServeOptions.openInBrowser(url) }
                }
            } catch {
                failure.withLock { $0 = error }
            }
            stopped.signal()
        }
        stopped.wait()
        if let error = failure.withLock({ $0 }) {
            throw Failure(description: "cannot serve on \(options.host) port \(options.port): \(Self.reason(error))")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The explorer's address as a browser takes it.
    static func url(of address: Socket.Address) -> String {
        switch address {
        case .ip4(let ip, let port): "http://\(ip):\(port)/"
        case .ip6(let ip, let port): "http://[\(ip)]:\(port)/"
        case .unix(let path): path
        }
    }

    /// A socket error as a short reason ("Address already in use").
    static func reason(_ error: any Error) -> String {
        if let socket = error as? SocketError, case .failed(_, let errno, let message) = socket {
            return errno == EADDRINUSE ? "\(message); give another --port (or --port 0 for any free one)" : message
        }
        return "\(error)"
    }
}
