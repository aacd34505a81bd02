import LockstepCore

/// A content inventory is a few thousand rows; a file far larger is not one.
enum ImportLimits {
    static let bytes = 64 << 20
}

/// `import activities FILE.csv`: a client's content inventory into the workbook, whole rows or none.
enum ImportCommand {
    static let command = Command(CommandSpec(
        "import activities", summary: "Import a content inventory (CSV): columns mapped to fields, a preview, bad rows reported",
        arguments: [ArgumentSpec("FILE.csv", completion: .files)],
        options: [OptionSpec("--map", value: "FIELD=COLUMN,…", summary: "say which column holds a field when the guess is wrong"),
                  OptionSpec("--encoding", value: "ENCODING", completion: .words(TextEncoding.names),
                             summary: "the file's encoding when it is not UTF-8: latin1 or windows-1252"),
                  OptionSpec("--date-format", value: "FORMAT", completion: .words(DateFormat.known.map(\.description)),
                             summary: "how the inventory writes dates, e.g. DD/MM/YYYY (ISO dates are always read)"),
                  OptionSpec("--dry-run", summary: "show the preview and the bad rows, import nothing"),
                  OptionSpec("--yes", summary: "import without asking (in the shell, the preview asks first)")],
        examples: ["import activities inventory.csv", "import activities inventory.csv --map name=Title,stages=\"Funnel Stage\" --dry-run"],
        changesWorkbook: true
    )) { environment, invocation in
        let path = invocation.arguments[0]
        var bytes: [UInt8]
        do throws(FileSystem.Failure) {
            bytes = try FileSystem.readBytes(path, limit: ImportLimits.bytes)
        } catch {
            throw CommandError.input("cannot read \(path): \(error.reason)", fix: "check the path; Tab completes file names")
        }
        if let name = invocation.option("--encoding") {
            guard let encoding = TextEncoding(rawValue: name) else { throw CommandError.unknown("encoding", name, among: TextEncoding.names) }
            bytes = encoding.utf8(bytes)
        }
        if let kind = CSVText.notCSV(bytes) {
            throw CommandError.input("cannot read \(path): \(kind)", fix: "export the inventory as CSV UTF-8")
        }
        var reader = CSVReader(bytes: bytes)
        guard case .success(let header)? = reader.next() else {
            throw CommandError.input("\(path) has no header row", fix: "the first line must name the columns, e.g. Title,Type,Stage")
        }
        let mapping = try InventoryMapping(header: header.fields, overrides: invocation.option("--map"))
        var plan = ImportPlan(workbook: environment.workbook, mapping: mapping, columnCount: header.fields.count)
        if let text = invocation.option("--date-format") {
            guard let format = DateFormat(text) else {
                throw CommandError.unknown("date format", text, among: DateFormat.known.map(\.description))
            }
            plan.dateFormat = format
        }
        while let record = reader.next() {
            switch record {
            case .success(let row): plan.add(row)
            case .failure(let bad): plan.rejected.append((bad.line, "not readable as CSV: \(bad.problem)"))
            }
        }
        environment.emit(.text(plan.mappingSummary(header: header.fields)))
        environment.emit(.table(plan.preview))
        for (line, problem) in plan.rejected { environment.emit(.note("\(path):\(line): skipped: \(problem)")) }
        let count = "\(plan.accepted.count) activit\(plan.accepted.count == 1 ? "y" : "ies")"
        let skipped = "\(plan.rejected.count) row\(plan.rejected.count == 1 ? "" : "s") skipped"
        guard !invocation.flag("--dry-run") else {
            environment.emit(.note("dry run: \(count) would be imported, \(skipped); nothing imported"))
            return
        }
        guard !plan.accepted.isEmpty else {
            throw CommandError.failed("nothing to import (\(skipped))", fix: "correct the rows above, or the mapping with --map")
        }
        if !invocation.flag("--yes"), environment.confirm("Import \(count) (\(skipped))? [y/N] ") == false {
            environment.emit(.note("nothing imported"))
            return
        }
        let activities = plan.accepted
        try environment.edit("import activities \(path)") { $0.update(ActivitiesSection.self) { $0.activities += activities } }
        environment.emit(.note("imported \(count), \(skipped) ('undo' takes the import back)"))
    }
}
