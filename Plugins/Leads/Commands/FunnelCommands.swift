import LockstepCore

/// `funnel`, `sla`, `ignored`: the lead definitions measured on the CRM export.
enum FunnelCommands {
    static let funnel = Command(CommandSpec(
        "funnel", summary: "Leads meeting each stage's criteria (cumulative) beside the stage the CRM has each lead at now, and where they disagree",
        options: [OptionSpec("--values", summary: "list the rows per value of the CRM's stage column instead"),
                  OptionSpec("--by", value: "FIELD", summary: "one row per value of a text field (a lead source), with the activities it names")],
        examples: ["funnel", "funnel --values", "funnel --by source"]
    )) { environment, invocation in
        let measures = try measures(environment)
        if let field = invocation.option("--by") {
            environment.emit(.table(try SourcedFunnel(measures, field: field, workbook: environment.workbook).table))
            return
        }
        let funnel = Funnel(measures)
        if invocation.flag("--values") {
            guard measures.dataset.plan.hasStage else {
                throw CommandError.failed("the export has no stage column", fix: "set leads.data.stage_column to the column that records the lifecycle stage")
            }
            environment.emit(.table(funnel.valuesTable))
            return
        }
        environment.emit(.table(funnel.table))
        if !measures.dataset.plan.hasStage {
            environment.emit(.note("set leads.data.stage_column to compare with the stage the CRM recorded"))
        }
    }

    static let sla = Command(CommandSpec(
        "sla", summary: "Hand-offs, first-touch SLA breaches and their share, per owner when the export has one",
        options: [OptionSpec("--by-owner", summary: "one row per owner, worst first")],
        examples: ["sla", "sla --by-owner"]
    )) { environment, invocation in
        let sla = HandoffSLA(try measures(environment))
        try requireMeasured(sla)
        if invocation.flag("--by-owner") {
            guard let table = sla.ownerTable else {
                throw CommandError.failed("the export names no owners", fix: "set leads.data.owner to the column holding each lead's owner")
            }
            environment.emit(.table(table))
        } else {
            environment.emit(.table(sla.table))
        }
        for line in sla.unmeasured { environment.emit(.note("not measured: \(line)")) }
    }

    static let ignored = Command(CommandSpec(
        "ignored", summary: "Handed-over leads sales never touched, and their share",
        examples: ["ignored"]
    )) { environment, _ in
        let sla = HandoffSLA(try measures(environment))
        try requireMeasured(sla)
        environment.emit(.table(sla.ignoredTable))
    }

    static func measures(_ environment: any CommandEnvironment) throws -> LeadMeasures {
        let dataset = try LeadDataAccess.dataset(for: environment)
        return try LeadMeasures(leads: LeadDataAccess.section(of: environment.workbook), dataset: dataset, today: environment.today)
    }

    private static func requireMeasured(_ sla: HandoffSLA) throws {
        guard sla.measured.isEmpty else { return }
        let why = sla.unmeasured.isEmpty ? "no lead stage has a handoff" : sla.unmeasured.joined(separator: "; ")
        throw CommandError.failed("no hand-off can be measured: \(why)",
                                  fix: "give the hand-off stage `handoff: { to: sales, first_touch_within: 48h }` and set leads.data.entered and first_touch")
    }
}
