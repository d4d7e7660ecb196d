/// "Did you mean …" for a misspelt key, enum value or slug.
public enum Suggestion {
    /// The closest candidate within a small edit distance, or nil.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let lowerCandidate = candidate.lowercased()
            let distance = editDistance(lower, lowerCandidate)
            // Allow roughly one typo per three characters, at least two.
            let limit = max(2, candidate.count / 3)
            let isPrefix = lowerCandidate.hasPrefix(lower) || lower.hasPrefix(lowerCandidate)
            guard distance <= limit || (isPrefix && min(lower.count, candidate.count) >= 4) else { continue }
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
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
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
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
