import LockstepCore

/// `data`, `data load`, `data problems`: the CRM export the definitions are tested on.
enum DataCommands {
    static let load = Command(CommandSpec(
        "data load", summary: "Load a CRM export (CSV) to test the lead definitions on; bad rows are counted and listed",
        arguments: [ArgumentSpec("FILE.csv", completion: .files, optional: true)],
        examples: ["data load", "data load exports/hubspot-contacts.csv"]
    )) { environment, invocation in
        environment.emit(.note(summary(try LeadDataAccess.load(for: environment, file: invocation.argument(0)))))
    }

    static let status = Command(CommandSpec(
        "data", summary: "What CRM export is loaded: rows, bad rows and where each lead field comes from",
        examples: ["data"]
    )) { environment, _ in
        let dataset = try LeadDataAccess.load(for: environment)
        environment.emit(.text(summary(dataset)))
        environment.emit(.table(columnsTable(dataset.plan)))
    }

    static let problems = Command(CommandSpec(
        "data problems", summary: "The rows of the CRM export that were not loaded, with their line numbers and how to fix them",
        examples: ["data problems"]
    )) { environment, _ in
        let dataset = try LeadDataAccess.load(for: environment)
        guard dataset.badRowCount > 0 else {
            environment.emit(.note("every row of \(dataset.plan.path) loaded"))
            return
        }
        environment.emit(.table(Table(["line", "problem", "fix"], rows: dataset.badRows.map { [.integer($0.line), .text($0.problem), .text($0.fix)] })))
        if dataset.badRowCount > dataset.badRows.count {
            environment.emit(.note("… and \(dataset.badRowCount - dataset.badRows.count) more bad rows"))
        }
    }

    static func summary(_ dataset: LeadDataSummary) -> String {
        var text = "loaded \(dataset.rowCount) lead\(dataset.rowCount == 1 ? "" : "s") from \(dataset.plan.path) (\(size(dataset.byteCount)))"
        if let joined = dataset.joinedRows, let join = dataset.plan.join {
            text += "; \(joined) joined with \(join.path) on \(join.key)"
        }
        if dataset.badRowCount > 0 {
            let lines = dataset.badRows.prefix(5).map { String($0.line) }.joined(separator: ", ")
            text += "\n\(dataset.badRowCount) bad row\(dataset.badRowCount == 1 ? "" : "s") not loaded (line\(dataset.badRowCount == 1 ? "" : "s") \(lines)\(dataset.badRowCount > 5 ? ", …" : "")): \(dataset.badRows[0].problem)"
            text += "\n  fix: \(dataset.badRows[0].fix); 'data problems' lists every bad row"
        }
        if !dataset.plan.missing.isEmpty {
            text += "\nno column for field\(dataset.plan.missing.count == 1 ? "" : "s") \(dataset.plan.missing.joined(separator: ", ")) (map one with leads.data.columns)"
        }
        return text
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1 << 20 { return "\(max(1, (bytes + 512) >> 10)) KB" }
        let megabytes = Double(bytes) / 1_048_576
        return megabytes < 10 ? "\(String(format1: megabytes)) MB" : "\(Int(megabytes.rounded())) MB"
    }

    static func columnsTable(_ plan: LeadDataPlan) -> Table {
        var rows: [[Table.Cell]] = []
        let names = [LeadDataPlan.stageField: "(CRM stage)", LeadDataPlan.ownerField: "(owner)", LeadDataPlan.keyField: "(join key)"]
        for (file, loads) in [(plan.path, plan.loads), (plan.join?.path ?? "", plan.join?.loads ?? [])] {
            for load in loads {
                rows.append([.text(names[load.field] ?? load.field), .text(load.type.rawValue), .text(load.column), .text(file)])
            }
        }
        for field in plan.missing { rows.append([.text(field), .empty, .text("(no column)"), .empty]) }
        return Table(["field", "type", "column", "file"], rows: rows)
    }
}

extension String {
    /// One decimal place, without Foundation's formatting.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
