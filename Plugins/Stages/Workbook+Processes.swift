import LockstepCore

extension Workbook {
    /// The sales processes, or none when the section is absent.
    var processes: [SalesProcess] { section(ProcessesSection.self)?.processes ?? [] }
}
