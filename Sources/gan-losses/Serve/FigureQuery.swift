import ArgumentParser
import FoundationEssentials
import LossPlot

/// A figure asked for by URL, `/figure.svg?loss=minimax,nonsat&y=grad&x=logit&width=3.3`: the
/// `plot` options as query parameters, each `name=value` read as `--name=value` and a parameter
/// without a value (`grid`, `log-y`) as the flag `--name`. It is parsed and validated by `plot`
/// itself, so that a bad parameter is refused with the command line's message, and rendered by
/// the same function, so that the bytes are those `gan-losses plot … -o f.svg` writes.
///
/// The path's extension is the format (`.svg`, `.png`, `.pdf`). `-o` / `output` is refused: a
/// request names no file.
struct FigureQuery {
    /// The format, from the path.
    let format: ImageFormat
    /// The `plot` arguments the query stands for, in its order.
    let arguments: [String]

    /// What a request for a figure can get wrong: a message for HTTP 400, the command line's own.
    struct Refusal: Error, Equatable {
        let message: String
    }

    /// The query of `path` (`/figure.svg`) and its query string (without the `?`).
    init(path: String, query: String) throws {
        guard path.hasPrefix("/figure."), let format = ImageFormat(pathExtension: String(path.dropFirst("/figure.".count))) else {
            throw Refusal(message: "\(InputText.shown(path)): ask for /figure.svg, /figure.png or /figure.pdf")
        }
        self.format = format
        var arguments: [String] = []
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decoded(parts[0]), !name.isEmpty,
                  let value = parts.count == 2 ? Self.decoded(parts[1]) : "" else {
                throw Refusal(message: "\(InputText.shown(String(item))): a query parameter must be name=value, percent-encoded")
            }
            guard !["o", "output"].contains(name) else {
                throw Refusal(message: "\(name): the explorer writes no file; the figure is the response")
            }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw Refusal(message: "\(InputText.shown(name)) is not an option of plot")
            }
            let option = "--" + name
            arguments.append(parts.count == 2 ? option + "=" + value : option)
        }
        self.arguments = arguments
    }

    /// The figure's bytes, or the refusal `plot` would print for these options.
    func render() throws -> [UInt8] {
        do {
            let command = try PlotCommand.parse(arguments)
            return try command.render(format)
        } catch {
            throw Refusal(message: GanLosses.message(for: error, arguments: arguments))
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
