// The core stays free of Foundation so the shell starts in a few milliseconds.
extension StringProtocol {
    /// The text without leading and trailing white space.
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
