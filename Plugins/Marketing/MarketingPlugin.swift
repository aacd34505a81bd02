import LockstepCore

/// Marketing activities, personas, needs and feedback loops.
public struct MarketingPlugin: Plugin {
    public init() {}

    public let name = "marketing"
    public let summary = "marketing activities mapped to stages, buying roles and customer needs"
    public let dependencies = ["stages"]
    public var sections: [SectionSpec] {
        [
            SectionSpec(NeedsSection.self), SectionSpec(PersonasSection.self), SectionSpec(ActivitiesSection.self),
            SectionSpec(FeedbackSection.self),
        ]
    }
    public var itemKinds: [ItemKind] { [.activity, .persona, .need, .feedback] }
    public var commands: [Command] {
        [
            CoverageCommand.command, GapsCommand.command, ActivityCommands.add, ActivityCommands.edit,
            ActivityCommands.mapCommand,
            ActivityCommands.unmap, ActivityCommands.remove, ImportCommand.command,
        ]
    }
    public var checks: [any Check] {
        [
            StageWithoutContent(), BuyingRoleGap(), CTAWithoutEnablement(), FollowUpMismatch(), NoCustomerContent(),
            OrphanActivity(), ActivityWithoutNeed(), StaleActivity(), ActivityWithoutKPI(), NoSalesFeedbackLoop(),
            KPINotTiedToPipeline(),
            NeedsNotShared(), RecycleWithoutNurture(), LeadStageWithoutProgram(),
            ThemeOffStrategy(), RenewalWithoutBriefing(), OneSidedFeedback(), FeedbackReachesNoReview(),
        ]
    }
}

extension ItemKind {
    static let need = ItemKind("need", plural: "needs")
    static let persona = ItemKind("persona", plural: "personas")
    static let activity = ItemKind("activity", plural: "activities")
    static let feedback = ItemKind("feedback", plural: "feedback")
    /// Defined by the stages plugin; named here by the workbook's contract.
    static let stage = ItemKind("stage", plural: "stages")
    static let process = ItemKind("process", plural: "processes")
    /// Defined by the leads plugin: what lead-generation and nurture programs support.
    static let leadStage = ItemKind("lead-stage", plural: "lead stages")
    static let recycle = ItemKind("recycle", plural: "recycle tracks")
    /// Defined by the stages plugin: the go-to-market strategy, one item.
    static let strategy = ItemKind("strategy", plural: "strategy")
}
