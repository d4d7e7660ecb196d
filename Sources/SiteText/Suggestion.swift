/// "Did you mean …" for a misspelt key, enum value or slug.
public enum Suggestion {
    /// Candidates prepared once for many lookups: a front matter with a
    /// hundred thousand unknown keys asks about each against the same few
    /// dozen names, which are lowered and measured here, not per key.
    public struct Candidates: Sendable {
        fileprivate struct Entry: Sendable {
            let word: String
            let lower: String
            let scalars: [Unicode.Scalar]
            let count: Int
        }
        fileprivate let entries: [Entry]

        public init(_ words: some Sequence<String>) {
            entries = words.map { word in
                let lower = word.lowercased()
                return Entry(word: word, lower: lower, scalars: Array(lower.unicodeScalars), count: word.count)
            }
        }
    }

    /// The closest candidate within a small edit distance, or nil.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: Candidates(candidates))
    }

    public static func closest(to word: String, in candidates: Candidates) -> String? {
        let lower = word.lowercased()
        let scalars = Array(lower.unicodeScalars)
        let count = lower.count
        var best: (String, Int)?
        for candidate in candidates.entries {
            // Allow roughly one typo per three characters, at least two.
            let limit = max(2, candidate.count / 3)
            let isPrefix = candidate.lower.hasPrefix(lower) || lower.hasPrefix(candidate.lower)
            let prefixAllowed = isPrefix && min(count, candidate.count) >= 4
            // The lengths alone set a lower bound on the distance: a pair
            // that cannot come within the limit is not measured.
            if !prefixAllowed && abs(scalars.count - candidate.scalars.count) > limit { continue }
            let distance = editDistance(scalars, candidate.scalars)
            guard distance <= limit || prefixAllowed else { continue }
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate.word < best!.0) {
                best = (candidate.word, distance)
            }
        }
        return best?.0
    }

    public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean `\($0)`?" }
    }

    /// Edits between two words, a swap of neighbours counting as one (the
    /// most common typo: `atr` for `art`).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        // Unicode scalars, not characters: building characters costs more
        // than the comparison, and a file of many misspelt keys makes many.
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rows in one allocation on the stack.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var beforePrevious = rows.baseAddress!
            var previous = beforePrevious + width
            var current = previous + width
            for j in 0..<width {
                beforePrevious[j] = 0
                previous[j] = j
                current[j] = 0
            }
            for i in 1...a.count {
                current[0] = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        current[j] = min(current[j], beforePrevious[j - 2] + 1)
                    }
                }
                (beforePrevious, previous, current) = (previous, current, beforePrevious)
            }
            return previous[b.count]
        }
    }
}
