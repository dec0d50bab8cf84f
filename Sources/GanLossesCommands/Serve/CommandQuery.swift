import ArgumentParser
import FoundationEssentials
import LossPlot

/// A command of the tool asked for by URL: the path names the command (and the format of a
/// figure), the query gives its options, each `name=value` read as `--name=value` and a parameter
/// without a value (`grid`, `log-y`) as the flag `--name`. The command parses and validates them
/// itself, so that a bad parameter is refused with the command line's message, and the response is
/// made by the same function the command line uses, so that it is byte for byte what the command
/// writes.
///
/// | path | the command line it stands for |
/// |---|---|
/// | `/figure.svg`, `.png`, `.pdf` | `gan-losses plot … -o f.svg` |
/// | `/dirac.svg`, `.png`, `.pdf` | `gan-losses simulate dirac … -o f.svg` |
/// | `/ring.svg`, `.png`, `.pdf` | `gan-losses simulate ring … -o f.svg` (trains first: seconds) |
/// | `/eval.json` | `gan-losses eval … --format json` |
/// | `/eigenvalues.csv` | `gan-losses simulate dirac --eigenvalues …` |
/// | `/distances.svg`, `.png`, `.pdf` | `gan-losses distances … -o f.svg` |
/// | `/distances.json` | `gan-losses distances … --format json` |
///
/// A request names no file: `o`, `output` and `csv` are refused, and so is any option that is
/// not the command's.
struct CommandQuery {
    /// What the path asks for.
    enum Endpoint: Equatable {
        case figure(ImageFormat)
        case dirac(ImageFormat)
        case ring(ImageFormat)
        case eval
        case eigenvalues
        case distances(ImageFormat)
        case distanceValues

        /// The endpoint of `path`, or nil.
        init?(path: String) {
            let parts = path.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            switch (parts[0], parts[1]) {
            case ("/figure", let ext): guard let f = ImageFormat(pathExtension: String(ext)) else { return nil }; self = .figure(f)
            case ("/dirac", let ext): guard let f = ImageFormat(pathExtension: String(ext)) else { return nil }; self = .dirac(f)
            case ("/ring", let ext): guard let f = ImageFormat(pathExtension: String(ext)) else { return nil }; self = .ring(f)
            case ("/eval", "json"): self = .eval
            case ("/eigenvalues", "csv"): self = .eigenvalues
            case ("/distances", "json"): self = .distanceValues
            case ("/distances", let ext): guard let f = ImageFormat(pathExtension: String(ext)) else { return nil }; self = .distances(f)
            default: return nil
            }
        }

        /// The response's media type.
        var contentType: String {
            switch self {
            case .figure(let format), .dirac(let format), .ring(let format), .distances(let format): format.mediaType
            case .eval, .distanceValues: "application/json"
            case .eigenvalues: "text/csv; charset=utf-8"
            }
        }
    }

    /// What a request can get wrong: a message for HTTP 400, the command line's own.
    struct Refusal: Error, Equatable {
        let message: String
    }

    /// What the path asks for.
    let endpoint: Endpoint
    /// The command's options the query stands for, in its order.
    let arguments: [String]

    /// The paths there are, for messages.
    static let paths = "/figure.svg|png|pdf, /dirac.svg|png|pdf, /ring.svg|png|pdf, /eval.json, /eigenvalues.csv, /distances.svg|png|pdf, /distances.json or the WebSocket /training"

    /// The query of `path` (`/figure.svg`) and its query string (without the `?`).
    init(path: String, query: String) throws(Refusal) {
        guard let endpoint = Endpoint(path: path) else {
            throw Refusal(message: "\(InputText.shown(path)): ask for \(Self.paths)")
        }
        self.endpoint = endpoint
        var arguments: [String] = []
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decoded(parts[0]), !name.isEmpty,
                  let value = parts.count == 2 ? Self.decoded(parts[1]) : "" else {
                throw Refusal(message: "\(InputText.shown(String(item))): a query parameter must be name=value, percent-encoded")
            }
            guard !["o", "output", "csv"].contains(name) else {
                throw Refusal(message: "\(name): the explorer writes no file; the response is the output")
            }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw Refusal(message: "\(InputText.shown(name)) is not an option of \(endpoint.command)")
            }
            let option = "--" + name
            arguments.append(parts.count == 2 ? option + "=" + value : option)
        }
        self.arguments = arguments
    }

    /// The response's bytes, or the refusal the command line would print for these options.
    func respond() throws(Refusal) -> [UInt8] {
        do {
            switch endpoint {
            case .figure(let format):
                return try PlotCommand.parse(arguments).render(format)
            case .dirac(let format):
                try refuse("eigenvalues", "the eigenvalues are a table: ask for /eigenvalues.csv")
                return try SimulateCommand.parse(["dirac"] + arguments).renderFigure(format)
            case .ring(let format):
                return try ringCommand().renderFigure(format)
            case .eval:
                try refuse("format", "the values are JSON (--format json)")
                if let file = arguments.first(where: { $0.contains("=@") }) {
                    throw Refusal(message: "\(InputText.shown(file)): the explorer reads no file; give the numbers")
                }
                let command = try EvalCommand.parse(arguments + ["--format=json"])
                return try Output.capture { try command.run() }
            case .eigenvalues:
                let command = try SimulateCommand.parse(["dirac", "--eigenvalues"] + arguments)
                return try Output.capture { try command.run() }
            case .distances(let format):
                return try DistancesCommand.parse(arguments).renderFigure(format)
            case .distanceValues:
                try refuse("format", "the values are JSON (--format json)")
                let command = try DistancesCommand.parse(arguments + ["--format=json"])
                return try Output.capture { try command.run() }
            }
        } catch {
            throw refusal(for: error)
        }
    }

    /// `simulate ring` with these options, as `/ring.*` and the live training run it; refused
    /// with the command line's message, or when it asks for the table of seeds.
    func ringCommand() throws(Refusal) -> SimulateCommand {
        do {
            try refuse("table", "the table of seeds is for the command line: gan-losses simulate ring --table")
            return try SimulateCommand.parse(["ring"] + arguments)
        } catch {
            throw refusal(for: error)
        }
    }

    /// What a command's `error` says to the page: its own message, or the command line's.
    func refusal(for error: any Error) -> Refusal {
        if let refusal = error as? Refusal { return refusal }
        if GanLosses.exitCode(for: error) == .success {
            return Refusal(message: "--help and --version are for the command line: gan-losses \(endpoint.command) --help")
        }
        return Refusal(message: GanLosses.message(for: error, arguments: arguments))
    }

    /// Refuses the option `name`, which the endpoint sets itself.
    func refuse(_ name: String, _ reason: String) throws(Refusal) {
        if arguments.contains(where: { $0 == "--" + name || $0.hasPrefix("--" + name + "=") }) {
            throw Refusal(message: "\(name): \(reason)")
        }
    }

    /// `+` as a space and `%XX` as its byte, as UTF-8; nil for a bad escape or bytes that are not UTF-8.
    static func decoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var i = text.utf8.startIndex
        let utf8 = text.utf8
        while i < utf8.endIndex {
            let c = utf8[i]
            if c == UInt8(ascii: "%") {
                let h = utf8.index(after: i)
                guard h < utf8.endIndex, utf8.index(after: h) < utf8.endIndex,
                      let byte = UInt8(String(decoding: utf8[h...utf8.index(after: h)], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(byte)
                i = utf8.index(h, offsetBy: 2)
            } else {
                bytes.append(c == UInt8(ascii: "+") ? UInt8(ascii: " ") : c)
                i = utf8.index(after: i)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension ImageFormat {
    /// The media type of a response in this format.
    var mediaType: String {
        switch self {
        case .svg: "image/svg+xml"
        case .png: "image/png"
        case .pdf: "application/pdf"
        }
    }
}

extension CommandQuery.Endpoint {
    /// The command it runs, for messages.
    var command: String {
        switch self {
        case .figure: "plot"
        case .dirac, .eigenvalues: "simulate dirac"
        case .ring: "simulate ring"
        case .eval: "eval"
        case .distances, .distanceValues: "distances"
        }
    }
}
