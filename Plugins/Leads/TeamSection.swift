import LockstepCore

/// Head counts: sales reps and the lead-generation reps who support them (“Sales and Marketing – Align, Define and Make Money”).
public struct TeamSection: WorkbookSection {
    public static let key = "team"
    public static let writeOrder = 40

    public var salesReps: Int?
    public var leadGenReps: Int?
    public var location: SourceLocation?

    public init() {}

    public init(decoding node: SourceNode, context: DecodeContext) {
        guard let team = context.mapping(node, what: "team", keys: ["sales_reps", "lead_gen_reps"]) else { return }
        location = team.location
        salesReps = team.int("sales_reps", in: 0...1_000_000)
        leadGenReps = team.int("lead_gen_reps", in: 0...1_000_000)
    }

    public func encode() -> YAMLNode {
        var out = MappingBuilder()
        out.literal("sales_reps", salesReps)
        out.literal("lead_gen_reps", leadGenReps)
        return out.build()
    }
}
