import ArgumentParser
import Glibc

/// `gan-losses serve`: the explorer, a page in the browser whose figures and values the tool
/// makes, each one what a command line would write (``CommandQuery``).
///
/// The server is a program of its own, `gan-losses-explorer`, built beside `gan-losses`: its HTTP
/// server (FlyingFox) links Foundation's networking, ICU and libcurl, which `gan-losses` itself
/// never loads (see docs/explorer.md). `serve` checks its options and hands over to that program.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the explorer: the losses, the DiracGAN and their figures, live in a browser.",
        discussion: """
            Starts a local web server and prints its address; open it in a browser (--open does). \
            The page has three views. Losses: pick either player's losses, the axis and the \
            quantity, move ℓ_r, c, the label smoothing t and the probe ℓ, and read the exact values \
            at the probe in Double or Float. DiracGAN: the games' vector fields and trajectories for \
            a step size and a number of steps, and the eigenvalues at the equilibrium. Distances: \
            two parallel lines θ apart, with W, JS and TV and their gradients. Every control is in \
            the page's address, so a link reproduces the view, and each view shows the command line \
            that draws its figure: its downloads are the bytes that command writes.

            The figures are drawn as `plot` and `simulate` draw them: \
            GET /figure.svg?loss=minimax,nonsat&y=grad&x=logit is `gan-losses plot --loss \
            minimax,nonsat --y grad --x logit -o f.svg`, byte for byte (also .png and .pdf); \
            /dirac.svg is `simulate dirac`; /eval.json is `eval --format json`; \
            /eigenvalues.csv is `simulate dirac --eigenvalues`; /distances.svg and /distances.json \
            are `distances`. A bad option is HTTP 400 with the \
            command line's message.

            The server binds 127.0.0.1 unless --host says otherwise, reads no file and writes none, \
            answers GET and HEAD only, and refuses request bodies and targets over 8 KiB; a request has \
            30 s. Ctrl-C stops it. It is the program gan-losses-explorer, found beside gan-losses \
            (`make release` builds both) or on PATH.

            Examples:
              gan-losses serve
              gan-losses serve --port 8080 --open
              curl -o grad.svg 'http://127.0.0.1:8080/figure.svg?loss=mm,ns&y=grad&x=logit'
            """)

    @OptionGroup var options: ServeOptions

    /// The explorer's server: this program's folder first, then PATH.
    static var explorer: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 {
            let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = path[..<(path.lastIndex(of: "/") ?? path.startIndex)]
            if let beside = SearchPath(String(folder)).executable(named: ServeOptions.serverName) { return beside }
        }
        return SearchPath.environment.executable(named: ServeOptions.serverName)
    }

    func run() throws {
        guard let server = Self.explorer else {
            throw Failure(description: "the explorer's server, \(ServeOptions.serverName), is neither beside gan-losses nor on PATH; `make release` builds it beside the tool")
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([ServeOptions.serverName] + options.arguments).map { strdup($0) } + [nil]
        execv(server, argv)
        throw Failure(description: "cannot start \(server): \(String(cString: strerror(errno)))")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}
