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

    /// The expression and a caret under the offending character, indented under a message.
    public var pointed: String {
        "    \(source)\n    \(String(repeating: " ", count: max(0, offset)))^"
    }
}
