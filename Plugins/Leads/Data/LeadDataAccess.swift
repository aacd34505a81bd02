import LockstepCore

/// The session's CRM data: loaded once, reused while the workbook's data settings and the
/// files stay the same, read again when either changes.
enum LeadDataAccess {
    static let datasetKey = "leads.data", fileKey = "leads.data.file"

    /// The dataset for the workbook now open, loading it if needed.
    static func dataset(for environment: any CommandEnvironment, file: String? = nil, announce: Bool = true) throws(CommandError) -> LeadDataset {
        if let file { environment.attachments.set(fileKey, file) }
        let leads = try section(of: environment.workbook)
        let override: String? = environment.attachments[fileKey]
        let plan: LeadDataPlan
        do {
            plan = try LeadDataPlan(leads: leads, workbookPath: environment.workbookPath, file: override,
                                    allowOutside: environment.allowsDataOutsideWorkbook)
        } catch where error.message.contains(LeadDataPlan.outsideMarker) {
            // In the shell the person decides, once per session; a script has said so up front or not at all.
            guard environment.confirm("\(Sanitized.visible(error.message)). Read it? [y/N] ") == true else { throw error }
            environment.allowsDataOutsideWorkbook = true
            plan = try LeadDataPlan(leads: leads, workbookPath: environment.workbookPath, file: override, allowOutside: true)
        }
        if let loaded: LeadDataset = environment.attachments[datasetKey], loaded.plan == plan { return loaded }
        var options = ColumnLoadOptions()
        // The workers call these: the progress line is one write(2) and the interrupt flag is
        // atomic, so sharing the environment with them is safe.
        nonisolated(unsafe) let environment = environment
        let name = plan.path.split(separator: "/").last.map(String.init) ?? plan.path
        options.progress = { done, total in
            guard total > 16 << 20 else { return }
            environment.progress("loading \(name): \(done * 100 / max(total, 1))% of \(DataCommands.size(total))")
        }
        options.isInterrupted = { environment.isInterrupted }
        defer { environment.progress(nil) }
        let dataset = try LeadDataset.load(plan, options: options)
        environment.attachments.set(datasetKey, dataset)
        if announce, dataset.badRowCount > 0 {
            let count = dataset.badRowCount
            environment.emit(.note("\(plan.path): \(count) bad row\(count == 1 ? "" : "s") not loaded, so not counted (first at line \(dataset.badRows[0].line)); 'data problems' lists them"))
        }
        return dataset
    }

    /// For checks: the session's dataset, or the workbook's `leads.data` loaded now; nil when the
    /// workbook names no data and none was loaded.
    static func dataset(for workbook: Workbook, context: CheckContext) -> Result<LeadDataset, CommandError>? {
        guard let leads = workbook.section(LeadsSection.self) else { return nil }
        let override: String? = context.attachments[fileKey]
        guard leads.data != nil || override != nil else { return nil }
        return context.shared.value("leads.dataset") { () -> Result<LeadDataset, CommandError> in
            do throws(CommandError) {
                let plan = try LeadDataPlan(leads: leads, workbookPath: context.workbookPath, file: override,
                                            allowOutside: context.allowsDataOutsideWorkbook)
                if let loaded: LeadDataset = context.attachments[datasetKey], loaded.plan == plan { return .success(loaded) }
                let dataset = try LeadDataset.load(plan, options: ColumnLoadOptions())
                context.attachments.set(datasetKey, dataset)
                return .success(dataset)
            } catch {
                return .failure(error)
            }
        }
    }

    /// For checks: the criteria measured on `dataset`, worked out once per check run and shared
    /// by LD006, LD007 and LD008.
    static func measures(of dataset: LeadDataset, leads: LeadsSection, context: CheckContext) -> Result<LeadMeasures, CommandError> {
        context.shared.value("leads.measures") { () -> Result<LeadMeasures, CommandError> in
            do throws(CommandError) {
                return .success(try LeadMeasures(leads: leads, dataset: dataset, today: context.today))
            } catch {
                return .failure(error)
            }
        }
    }

    static func section(of workbook: Workbook) throws(CommandError) -> LeadsSection {
        guard let leads = workbook.section(LeadsSection.self), !leads.stages.isEmpty else {
            throw CommandError.failed("the workbook defines no lead stages", fix: "add stages under `leads:` (docs/workbook.md), or 'lead add ID'")
        }
        return leads
    }
}
