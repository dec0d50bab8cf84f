public import ArgumentParser
import Dispatch
import Glibc

/// Where the explorer listens, and whether to open it: the options of `gan-losses serve`, which
/// hands them to the explorer's server, `gan-losses-explorer`, which takes the same.
public struct ServeOptions: ParsableArguments, Sendable {
    /// The server's program name.
    public static let serverName = "gan-losses-explorer"

    @Option(help: "The port to listen on (0: any free port, printed). (default: 8080)")
    public var port: Int = 8080

    @Option(help: ArgumentHelp("The address to bind: 127.0.0.1 (this machine only), or another IPv4 or IPv6 address, such as 0.0.0.0 to let other machines in.", valueName: "address"))
    public var host: String = "127.0.0.1"

    @Flag(help: "Open the explorer in the default browser (xdg-open).")
    public var open = false

    public init() {}

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is outside 0 to 65535") }
        var address = in6_addr()
        guard inet_pton(isIPv6 ? AF_INET6 : AF_INET, ip, &address) == 1 else {
            throw ValidationError("--host \(InputText.shown(host)) is not an IPv4 address such as 127.0.0.1 (or an IPv6 one such as ::1)")
        }
    }

    /// The address to bind, as a numeric IP (`localhost` is 127.0.0.1).
    public var ip: String { host == "localhost" ? "127.0.0.1" : host }

    /// Whether ``ip`` is an IPv6 address.
    public var isIPv6: Bool { host.contains(":") }

    /// Whether only this machine can reach the server.
    public var isLoopback: Bool { ip == "::1" || ip.hasPrefix("127.") }

    /// These options as arguments, for the server.
    var arguments: [String] { ["--port", String(port), "--host", host] + (open ? ["--open"] : []) }

    /// Starts `xdg-open url` without waiting for it; says so on standard error if there is none.
    public static func openInBrowser(_ url: String) {
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
