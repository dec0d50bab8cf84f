/// Why the reference vectors could not be read. Each description is one line: what is wrong,
/// where, and what to do.
public enum ReferenceError: Error, CustomStringConvertible {
    /// `GAN_LOSSES_REFERENCE_DIR` is set but is not a folder holding the file needed (`problem`).
    case badFolder(folder: String, problem: String)
    /// The variable is unset and the source tree's copy (`path`, a folder or file) is missing.
    case notFound(path: String)
    /// The file exists but cannot be read (permissions, not a regular file, an I/O error).
    case unreadable(path: String, reason: String)
    /// The file is not in the current format, or its size does not match its header.
    case malformed(path: String, reason: String)
    /// The file's checksum does not match its contents.
    case corrupt(path: String, stored: UInt64, computed: UInt64)

    static let regenerate = "restore it from the repository or regenerate it with python3 tools/make_reference.py"

    /// The problem in one line: what is wrong, where, and what to do.
    public var description: String {
        switch self {
        case .badFolder(let folder, let problem):
            "\(ReferenceFolder.variable)=\(folder.isEmpty ? "(empty)" : folder): \(problem); set it to a folder "
                + "holding the <id>.ref files (Sources/LossMath/Resources/reference in a checkout) or unset it"
        case .notFound(let path):
            "reference vectors not found: no \(path) (the copy in the source tree the tool was built from); "
                + "set \(ReferenceFolder.variable) to a folder holding the <id>.ref files "
                + "(Sources/LossMath/Resources/reference in a checkout)"
        case .unreadable(let path, let reason):
            "cannot read reference file \(path): \(reason); make it a readable file (\(Self.regenerate))"
        case .malformed(let path, let reason):
            "malformed reference file \(path): \(reason); \(Self.regenerate)"
        case .corrupt(let path, let stored, let computed):
            "corrupt reference file \(path) (checksum mismatch: stored \(hex(stored)), contents \(hex(computed))); "
                + Self.regenerate
        }
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 16 - digits.count) + digits
    }
}
