import LockstepCore

/// `funnel`, `sla`, `ignored`: the lead definitions measured on the CRM export.
enum FunnelCommands {
    static let funnel = Command(
        CommandSpec(
            "funnel",
            summary:
                "Leads meeting each stage's criteria (cumulative) beside the stage the CRM has each lead at now, and where they disagree",
            options: [
                OptionSpec("--values", summary: "list the rows per value of the CRM's stage column instead"),
                OptionSpec(
                    "--by", value: "FIELD",
                    summary: "one row per value of a text field (a lead source), with the activities it names"),
            ],
            examples: ["funnel", "funnel --values", "funnel --by source"]
        )
    ) { environment, invocation in
        let leads = try LeadDataAccess.section(of: environment.workbook)
        if let field = invocation.option("--by") {
            let (tally, _) = try LeadDataAccess.tally(for: environment, byField: field)
            environment.emit(
                .table(SourcedFunnel(tally, field: field, leads: leads, workbook: environment.workbook).table))
            return
        }
        let (tally, summary) = try LeadDataAccess.tally(for: environment)
        let funnel = Funnel(tally, leads: leads, plan: summary.plan)
        if invocation.flag("--values") {
            guard summary.plan.hasStage else {
                throw CommandError.failed(
                    "the export has no stage column",
                    fix: "set leads.data.stage_column to the column that records the lifecycle stage")
            }
            environment.emit(.table(funnel.valuesTable))
            return
        }
        environment.emit(.table(funnel.table))
        if !summary.plan.hasStage {
            environment.emit(.note("set leads.data.stage_column to compare with the stage the CRM recorded"))
        }
    }

    static let sla = Command(
        CommandSpec(
            "sla", summary: "Hand-offs, first-touch SLA breaches and their share, per owner when the export has one",
            options: [OptionSpec("--by-owner", summary: "one row per owner, worst first")],
            examples: ["sla", "sla --by-owner"]
        )
    ) { environment, invocation in
        let sla = try handoffs(environment)
        if invocation.flag("--by-owner") {
            guard let table = sla.ownerTable else {
                throw CommandError.failed(
                    "the export names no owners", fix: "set leads.data.owner to the column holding each lead's owner")
            }
            environment.emit(.table(table))
        } else {
            environment.emit(.table(sla.table))
        }
        for line in sla.unmeasured { environment.emit(.note("not measured: \(line)")) }
    }

    static let ignored = Command(
        CommandSpec(
            "ignored", summary: "Handed-over leads sales never touched, and their share",
            examples: ["ignored"]
        )
    ) { environment, _ in
        environment.emit(.table(try handoffs(environment).ignoredTable))
    }

    /// The hand-offs measured on the export, or why none can be.
    static func handoffs(_ environment: any CommandEnvironment) throws -> HandoffSLA {
        let leads = try LeadDataAccess.section(of: environment.workbook)
        let sla = HandoffSLA(try LeadDataAccess.tally(for: environment).tally, leads: leads)
        try requireMeasured(sla)
        return sla
    }

    private static func requireMeasured(_ sla: HandoffSLA) throws {
        guard sla.measured.isEmpty else { return }
        let why = sla.unmeasured.isEmpty ? "no lead stage has a handoff" : sla.unmeasured.joined(separator: "; ")
        throw CommandError.failed(
            "no hand-off can be measured: \(why)",
            fix:
                "give the hand-off stage `handoff: { to: sales, first_touch_within: 48h }` and set leads.data.entered and first_touch"
        )
    }
}
