import LockstepCore

/// Lead definitions: lifecycle stages, criteria, hand-off SLAs and recycling.
public struct LeadsPlugin: Plugin {
    public init() {}

    public let name = "leads"
    public let summary = "lead lifecycle stages, criteria, hand-off SLAs, recycling and CRM data"
    public var sections: [SectionSpec] { [SectionSpec(TeamSection.self), SectionSpec(LeadsSection.self)] }
    public var itemKinds: [ItemKind] { [.leadStage, .recycle, .leadField, .leadPath] }
    public var commands: [Command] {
        [
            LeadCommands.list, LeadCommands.add, LeadCommands.criteria, LeadCommands.sla, LeadCommands.recycle,
            TraceCommand.command,
            DataCommands.status, DataCommands.load, DataCommands.connect, DataCommands.disconnect,
            DataCommands.problems, FunnelCommands.funnel, FunnelCommands.sla, FunnelCommands.ignored, SQLCommands.sql,
            SQLCommands.export,
            TeamCommand.set,
        ]
    }
    public var checks: [any Check] {
        [
            LeadStageWithoutCriteria(), HandoffWithoutSLA(), RejectionWithoutRecycle(), LeadStageWithoutOwner(),
            CriteriaNotNarrowing(),
            IgnoredLeads(), SLABreaches(), LeadGenRatio(), PathEntersNoSale(),
        ]
    }
}

extension ItemKind {
    static let leadStage = ItemKind("lead-stage", plural: "lead stages")
    static let recycle = ItemKind("recycle", plural: "recycle tracks")
    static let leadField = ItemKind("lead-field", plural: "lead fields")
    static let leadPath = ItemKind("lead-path", plural: "lead paths")
    /// Defined by the stages plugin; named here by the workbook's contract.
    static let salesStage = ItemKind("stage", plural: "stages")
}
