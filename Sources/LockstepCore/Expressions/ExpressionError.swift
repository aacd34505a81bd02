/// A mistake in an expression, pointing at the character where it is.
public struct ExpressionError: Error, Equatable, Sendable {
    /// The expression as written.
    public var source: String
    /// Character offset of the mistake (0-based); the caret goes under it.
    public var offset: Int
    public var message: String

    public init(_ message: String, at offset: Int, in source: String) {
        self.message = message
        self.offset = offset
        self.source = source
    }

    /// The expression and a caret under the offending character, indented under a message. A
    /// long expression shows the stretch around the caret; control characters show as escapes.
    public var pointed: String {
        let characters = Array(source)
        let at = min(max(0, offset), characters.count)
        let from = max(0, at - 60), to = min(characters.count, at + 40)
        let before = (from > 0 ? "…" : "") + Sanitized.visible(String(characters[from..<at]))
        let after = Sanitized.visible(String(characters[at..<to])) + (to < characters.count ? "…" : "")
        return "    \(before)\(after)\n    \(String(repeating: " ", count: before.count))^"
    }
}
