extension String {
    /// A Swift case name as a command-line word: `upperRight` as `upper-right`.
    var hyphenated: String {
        reduce(into: "") { name, c in
            if c.isUppercase { name += "-" + c.lowercased() } else { name.append(c) }
        }
    }
}
