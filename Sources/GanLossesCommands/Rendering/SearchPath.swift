import Glibc

/// A search path such as PATH's value: the folders, in order, where a program is looked for
/// (an empty entry is the current folder).
struct SearchPath {
    let folders: [String]

    init(_ value: String?) {
        folders = (value ?? "").split(separator: ":", omittingEmptySubsequences: false).map { $0.isEmpty ? "." : String($0) }
    }

    /// The search path of the environment's PATH.
    static var environment: SearchPath { SearchPath(getenv("PATH").map { String(cString: $0) }) }

    /// The first regular, executable file called `name` in the folders, or nil.
    func executable(named name: String) -> String? {
        for folder in folders {
            let candidate = folder + "/" + name
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
