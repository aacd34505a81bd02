import LockstepCore

/// Sales processes and their stages.
public struct StagesPlugin: Plugin {
    public init() {}

    public let name = "stages"
    public let summary = "sales processes and their stages, and the go-to-market strategy"
    public var sections: [SectionSpec] { [SectionSpec(StrategySection.self), SectionSpec(ProcessesSection.self)] }
    public var itemKinds: [ItemKind] { [.process, .stage, .strategy] }
    public var commands: [Command] {
        [
            ProcessCommands.stages, ProcessCommands.add, ProcessCommands.rename, StageAddEdit.add, StageAddEdit.edit,
            StageRenameMoveRemove.rename,
            StageRenameMoveRemove.move, StageRenameMoveRemove.remove, CalibrateCommand.command,
            RecyclingCommand.command, StrategyCommand.set,
        ]
    }
    public var checks: [any Check] {
        [
            StageWithoutExitCriteria(), StageWithoutOwner(), ProbabilityNotIncreasing(), NoCustomerProcess(),
            NoLeadHandoff(),
            StrategyUndefined(), ProbabilityOffHistory(),
        ]
    }
}

extension ItemKind {
    static let process = ItemKind("process", plural: "processes")
    static let stage = ItemKind("stage", plural: "stages")
    static let strategy = ItemKind("strategy", plural: "strategy")
    /// The leads plugin's lead stages, read through the workbook's items (their `enters`).
    static let leadStage = ItemKind("lead-stage", plural: "lead stages")
}
