import LockstepCore

/// `strategy set FIELD VALUE`: the go-to-market strategy, field by field (as `edit strategy`).
enum StrategyCommand {
    static let set = Command(
        CommandSpec(
            "strategy set",
            summary: "Set a field of the go-to-market strategy: innovation, value, brand, sales_role or segments",
            arguments: [
                ArgumentSpec("FIELD", completion: .words(StrategySection.editableFields(of: nil).map(\.name))),
                ArgumentSpec("VALUE…"),
            ],
            examples: [
                "strategy set innovation \"client business impact\"",
                "strategy set segments \"mid-market finance, enterprise\"",
            ],
            changesWorkbook: true
        )
    ) { environment, invocation in
        try environment.setSectionField(
            StrategySection.key, invocation.arguments[0],
            to: invocation.arguments.dropFirst().joined(separator: " "), command: "strategy set")
    }
}
