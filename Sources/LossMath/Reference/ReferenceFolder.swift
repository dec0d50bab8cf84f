import FoundationEssentials
internal import Glibc

/// The folder the reference files `<id>.ref` are read from.
///
/// `GAN_LOSSES_REFERENCE_DIR`, when set, is the only place looked in: a value that is empty, names
/// nothing or names something other than a folder is an error, and so is a folder without the
/// file of a loss being read. Unset, the files are read from the source tree this module was
/// built from. (They are not a SwiftPM resource: its generated accessor imports Foundation, which
/// would load Foundation and ICU into every run of the tool.)
struct ReferenceFolder: Sendable {
    static let variable = "GAN_LOSSES_REFERENCE_DIR"

    /// `Sources/LossMath/Resources/reference` of the checkout this module was compiled from.
    static let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources").appendingPathComponent("reference").path

    var path: String
    /// Whether the folder was named by ``variable`` (and errors should say so).
    var isOverride: Bool

    /// The folder chosen by `environment`; throws if the variable names no folder.
    init(environment: [String: String]) throws {
        guard let override = environment[Self.variable] else {
            self.init(path: Self.sourceTree, isOverride: false)
            return
        }
        func bad(_ problem: String) -> ReferenceError { .badFolder(folder: override, problem: problem) }
        guard !override.isEmpty else { throw bad("the variable is empty") }
        var info = stat()
        guard stat(override, &info) == 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? bad("no such folder") : bad(String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw bad("not a folder") }
        self.init(path: override, isOverride: true)
    }

    init(path: String, isOverride: Bool) {
        self.path = path
        self.isOverride = isOverride
    }

    /// The path of `loss`'s file; throws if there is none. `rasgan` is the game `ragan` under its
    /// paper's name, and they share `ragan.ref`.
    func file(for loss: GeneratorLoss) throws -> String {
        try file(named: loss == .rasgan ? GeneratorLoss.ragan.id : loss.id)
    }

    /// The path of the file `<name>.ref`; throws if there is none.
    func file(named name: String) throws -> String {
        let file = URL(fileURLWithPath: path).appendingPathComponent("\(name).ref").path
        var info = stat()
        if stat(file, &info) != 0 && (errno == ENOENT || errno == ENOTDIR) {
            throw isOverride ? ReferenceError.badFolder(folder: path, problem: "no \(name).ref in the folder")
                : ReferenceError.notFound(path: file)
        }
        return file
    }
}
