import CSystemExtras

extension SitegenVersion {
    /// The commit this binary was built from, when `make` built it.
    public static let commit: String? = {
        let commit = String(cString: sitegen_commit())
        return commit.isEmpty ? nil : commit
    }()

    /// What `sitegen --version` prints: `0.1.0 (commit 1a2b3c4d5e6f)`.
    public static var display: String { current + (commit.map { " (commit \($0))" } ?? "") }
}
