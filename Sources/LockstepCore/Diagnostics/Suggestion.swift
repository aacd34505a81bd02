/// "Did you mean …?" for unknown commands, keys, ids and options.
public enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a plausible typo.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        // Nothing longer than a name is ever suggested: a "column" of megabytes is a file's
        // content, never quoted back, and comparing with it would cost its length squared.
        for candidate in candidates where candidate.utf8.count <= Self.longestSuggested {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        // A third of the word may be wrong; short words get at least one edit, and a prefix counts.
        let allowed = max(1, lowered.count / 3)
        if best.distance <= allowed { return best.candidate }
        let prefixMatches = candidates.filter { $0.utf8.count <= Self.longestSuggested && $0.lowercased().hasPrefix(lowered) && lowered.count >= 2 }
        return prefixMatches.count == 1 ? prefixMatches.first : nil
    }

    /// ` (did you mean 'x'?)`, or nothing.
    public static func phrase<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        closest(to: word, in: candidates).map { " (did you mean '\(Sanitized.visible($0))'?)" } ?? ""
    }

    /// The longest name a suggestion may be.
    static let longestSuggested = 80

    /// Levenshtein distance, counting a swap of two neighbours as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
