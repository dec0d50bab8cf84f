import ArgumentParser
import Dispatch
import FlyingSocks
import Glibc
import Synchronization

/// `gan-losses serve`: the explorer, a page in the browser whose figures and values the tool
/// makes, each one what a command line would write (``CommandQuery``).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the explorer: the losses, the DiracGAN and their figures, live in a browser.",
        discussion: """
            Opens a local web server and prints its address; open it in a browser (--open does). \
            The page has two views. Losses: pick either player's losses, the axis and the quantity, \
            move ℓ_r, c and the probe ℓ, and read the exact values at the probe. DiracGAN: the \
            games' vector fields and trajectories for a step size and a number of steps, and the \
            eigenvalues at the equilibrium. Every control is in the page's address, so a link \
            reproduces the view, and each view shows the command line that draws its figure: the \
            export buttons download the bytes that command writes.

            The figures are drawn by the tool, as `plot` and `simulate` draw them: \
            GET /figure.svg?loss=minimax,nonsat&y=grad&x=logit is `gan-losses plot --loss \
            minimax,nonsat --y grad --x logit -o f.svg`, byte for byte (also .png and .pdf); \
            /dirac.svg is `simulate dirac`; /eval.json is `eval --format json`; \
            /eigenvalues.csv is `simulate dirac --eigenvalues`. A bad option is HTTP 400 with the \
            command line's message.

            The server binds 127.0.0.1 unless --host says otherwise, reads no file, writes none, \
            and refuses request bodies and targets over 8 KiB; a request has 10 s. Ctrl-C stops it.

            Examples:
              gan-losses serve
              gan-losses serve --port 8080 --open
              curl -o grad.svg 'http://127.0.0.1:8080/figure.svg?loss=mm,ns&y=grad&x=logit'
            """)

    @Option(help: "The port to listen on (0: any free port, printed). (default: 8080)")
    var port: Int = 8080

    @Option(help: ArgumentHelp("The address to bind: 127.0.0.1 (this machine only), or another IPv4 or IPv6 address such as 0.0.0.0 to let other machines in.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(help: "Open the explorer in the default browser (xdg-open).")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is outside 0 to 65535") }
        _ = try address
    }

    /// The socket address of --host and --port.
    var address: any SocketAddress {
        get throws {
            if host.contains(":") {
                guard let a = try? sockaddr_in6.inet6(ip6: host, port: UInt16(port)) else {
                    throw ValidationError("--host \(InputText.shown(host)) is not an IPv6 address")
                }
                return a
            }
            guard let a = try? sockaddr_in.inet(ip4: host == "localhost" ? "127.0.0.1" : host, port: UInt16(port)) else {
                throw ValidationError("--host \(InputText.shown(host)) is not an IPv4 address such as 127.0.0.1 (or an IPv6 one such as ::1)")
            }
            return a
        }
    }

    func run() throws {
        let server = ExplorerServer(address: try address)
        let failure = Mutex<(any Error)?>(nil)
        let stopped = DispatchSemaphore(value: 0)
        let open = open, host = host
        Task {
            do {
                try await server.run { bound in
                    let url = Self.url(of: bound)
                    do {
                        try Output.write("gan-losses explorer: \(url) (Ctrl-C stops it)\n")
                    } catch {}
                    if !["127.0.0.1", "::1", "localhost"].contains(host) {
                        Output.error("note: --host \(host) lets other machines reach the explorer")
                    }
                    if open { Self.openInBrowser(url) }
                }
            } catch {
                failure.withLock { $0 = error }
            }
            stopped.signal()
        }
        stopped.wait()
        if let error = failure.withLock({ $0 }) {
            throw Failure(description: "cannot serve on \(host) port \(port): \(Self.reason(error))")
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

    /// Starts `xdg-open url` and does not wait for it; says so on standard error if there is none.
    static func openInBrowser(_ url: String) {
        guard let opener = SearchPath.environment.executable(named: "xdg-open") else {
            Output.error("note: --open needs xdg-open, which is not on PATH; open \(url) yourself")
            return
        }
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(opener), strdup(url), nil]
        defer { for a in argv { free(a) } }
        var child: pid_t = 0
        if posix_spawn(&child, opener, nil, nil, argv, environ) == 0 {
            let started = child
            DispatchQueue.global().async { var status: Int32 = 0; waitpid(started, &status, 0) }
        }
    }
}
