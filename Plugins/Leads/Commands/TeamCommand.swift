import LockstepCore

/// `team set FIELD VALUE`: the head counts and the kind of sale (as `edit team`).
enum TeamCommand {
    static let set = Command(
        CommandSpec(
            "team set", summary: "Set the team's head counts or kind of sale: sales_reps, lead_gen_reps or sale",
            arguments: [
                ArgumentSpec("FIELD", completion: .words(TeamSection.editableFields(of: nil).map(\.name))),
                ArgumentSpec("VALUE"),
            ],
            examples: ["team set sales_reps 12", "team set sale enterprise"],
            changesWorkbook: true
        )
    ) { environment, invocation in
        try environment.setSectionField(
            TeamSection.key, invocation.arguments[0], to: invocation.arguments[1], command: "team set")
    }
}
