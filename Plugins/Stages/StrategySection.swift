import LockstepCore

/// The common go-to-market strategy sales and marketing align to (Bill Wallace, “Ending the War between Sales and Marketing”).
public struct StrategySection: TypedSection {
    public static let key = "strategy"
    public static let writeOrder = 10
    static let keys = ["innovation", "value", "brand", "sales_role", "segments"]

    public var innovation: String?
    public var value: String?
    public var brand: String?
    public var salesRole: String?
    /// The target segments both teams go after, by name.
    public var segments: [String] = []
    public var location: SourceLocation?

    public init() {}

    public init(decoding node: SourceNode, context: DecodeContext) {
        guard let strategy = context.mapping(node, what: "strategy", keys: Self.keys) else { return }
        location = strategy.location
        innovation = strategy.string("innovation")
        value = strategy.string("value")
        brand = strategy.string("brand")
        salesRole = strategy.string("sales_role")
        segments = strategy.strings("segments").map(\.value)
    }

    public static let itemKinds: [ItemKind] = [.strategy]

    /// The strategy as one item, so other plugins read it by the workbook's contract (the
    /// marketing plugin checks activities' themes against it) and `show strategy` shows it.
    public var items: [Item] {
        guard location != nil || innovation != nil || value != nil || brand != nil || salesRole != nil else {
            return []
        }
        return [
            Item(
                kind: .strategy, id: "strategy", name: "Go-to-market strategy", location: location,
                fields: [
                    "innovation": .string(innovation), "value": .string(value), "brand": .string(brand),
                    "sales_role": .string(salesRole), "segments": .list(segments),
                ])
        ]
    }

    public func encode() -> YAMLNode {
        var out = MappingBuilder()
        out.string("innovation", innovation)
        out.string("value", value)
        out.string("brand", brand)
        out.string("sales_role", salesRole)
        out.list("segments", segments)
        return out.build()
    }
}
