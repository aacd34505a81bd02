import LockstepCore

/// Head counts: sales reps and the lead-generation reps who support them (“Sales and Marketing – Align, Define and Make Money”).
public struct TeamSection: TypedSection {
    public static let key = "team"
    public static let writeOrder = 40

    public var salesReps: Int?
    public var leadGenReps: Int?
    /// `enterprise` (complex accounts, many people per deal) or `transactional`: the typical
    /// number of sales reps one lead-gen rep supports depends on it.
    public var sale: String?
    public var location: SourceLocation?

    public static let sales = ["transactional", "enterprise"]

    public init() {}

    public init(decoding node: SourceNode, context: DecodeContext) {
        guard let team = context.mapping(node, what: "team", keys: ["sales_reps", "lead_gen_reps", "sale"]) else {
            return
        }
        location = team.location
        salesReps = team.int("sales_reps", in: 0...1_000_000)
        leadGenReps = team.int("lead_gen_reps", in: 0...1_000_000)
        sale = team.choice("sale", from: Self.sales)
    }

    public func encode() -> YAMLNode {
        var out = MappingBuilder()
        out.literal("sales_reps", salesReps)
        out.literal("lead_gen_reps", leadGenReps)
        out.literal("sale", sale)
        return out.build()
    }
}
