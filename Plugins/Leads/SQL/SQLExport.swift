import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// `export sql`: the files, and writing them without overwriting what the user did not ask for.
enum SQLExport {
    /// A view's name for a lead stage: `lead_stage_sales_accepted`.
    static func viewName(_ stage: LeadStage) -> String {
        "lead_stage_" + String(stage.id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// File name → content. Plain SQL: a `CREATE OR REPLACE VIEW` per stage, the funnel and the
    /// SLA. dbt: a model (a select) per stage, the funnel and the SLA, reading the export through
    /// `source('crm', …)`, and `schema.yml` naming the sources and describing each model.
    static func files(_ sql: LeadSQL, dbt: Bool) -> [(name: String, text: String)] {
        var builder = sql
        if dbt {
            builder.sourceOf = { table in "{{ source('crm', '\(table.map { $0 == "'" ? "_" : $0 })') }}" }
        }
        var files: [(String, String)] = []
        var models: [(name: String, description: String)] = []
        for stage in sql.leads.stages {
            let name = viewName(stage)
            let description =
                "Leads that meet the criteria of lead stage \(stage.name) (\(stage.id))"
                + (stage.criteria.map { ": \($0.value)" } ?? ": every lead")
            models.append((name, description))
            files.append(item(name, builder.stageView(stage), dbt: dbt, dialect: sql.dialect))
        }
        models.append(("lead_funnel", "Leads meeting each lead stage's criteria, beside the stage the CRM records"))
        files.append(item("lead_funnel", builder.funnel, dbt: dbt, dialect: sql.dialect))
        if !builder.handoffs.isEmpty {
            models.append(
                ("lead_sla", "Hand-offs, first-touch SLA breaches and leads never touched, per hand-off stage"))
            files.append(item("lead_sla", builder.sla(byOwner: false), dbt: dbt, dialect: sql.dialect))
        }
        if dbt { files.append(("schema.yml", schema(sql, models: models))) }
        return files
    }

    private static func item(_ name: String, _ select: String, dbt: Bool, dialect: SQLDialect) -> (String, String) {
        let notice = "-- Written by lockstep export sql from the workbook's lead definitions; export again to update.\n"
        if dbt { return (name + ".sql", notice + select) }
        return (
            name + ".sql",
            notice + "CREATE OR REPLACE VIEW \(dialect.identifier(name)) AS\n" + select.trimmingNewline + ";\n"
        )
    }

    /// dbt's `schema.yml`, written through the workbook's own YAML writer so no name can break it.
    private static func schema(_ sql: LeadSQL, models: [(name: String, description: String)]) -> String {
        var tables: [YAMLNode] = [.mapping([("name", .string(sql.table))])]
        if let join = sql.joinTable { tables.append(.mapping([("name", .string(join))])) }
        let root = YAMLNode.mapping([
            ("version", .literal("2")),
            ("sources", .sequence([.mapping([("name", .string("crm")), ("tables", .sequence(tables))])])),
            (
                "models",
                .sequence(
                    models.map { .mapping([("name", .string($0.name)), ("description", .string($0.description))]) })
            ),
        ])
        return YAMLWriter.write(root)
    }

    /// Writes each file into `folder` (made if needed), refusing to replace a file unless asked.
    static func write(
        _ files: [(name: String, text: String)], into folder: String, replacing: Bool
    ) throws(CommandError) {
        if !FileSystem.exists(folder) {
            guard mkdir(folder, 0o755) == 0 else {
                throw CommandError.failed(
                    "export sql: cannot make \(Sanitized.visible(folder)): \(FileSystem.lastError())",
                    fix: "check the path")
            }
        }
        if !replacing, let taken = files.first(where: { FileSystem.exists(folder + "/" + $0.name) }) {
            throw CommandError.failed(
                "export sql: \(Sanitized.visible(folder))/\(taken.name) exists; nothing was written",
                fix: "export to an empty folder, or add --replace to write over an earlier export")
        }
        for file in files {
            do {
                _ = try SafeWrite.write(Array(file.text.utf8), to: folder + "/" + file.name)
            } catch {
                throw CommandError.failed("export sql: \(error.reason)", fix: "check the folder's permissions")
            }
        }
    }
}

extension String {
    /// Without its last line break.
    fileprivate var trimmingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
