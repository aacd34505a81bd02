import LockstepCore

/// What an external plugin adds to the tour, to `new --template` and to `lockstep diff`, through
/// the same capabilities the built-in plugins use (docs/plugins.md).
extension ExternalPlugin {
    /// Its steps of the tour; each is judged by the plugin (`lesson`) on the workbook as it is
    /// and the command just run. A plugin that cannot answer lets the step pass, saying why.
    public func lessons(_ workbook: Workbook, context: CheckContext) -> [Lesson] {
        (signature.lessons ?? []).map { lesson in
            Lesson(
                id: "\(signature.name).\(lesson.id)", order: lesson.order, idea: lesson.idea, task: lesson.task,
                example: lesson.example, focus: lesson.focus,
                questions: (lesson.questions ?? []).filter { $0.count == 2 }.map { Fact($0[0], $0[1]) }
            ) { state in
                do throws(PluginProcess.Failure) {
                    return try self.process(for: state.workbook).call(
                        "lesson",
                        json: ModelJSON.lessonParams(
                            lesson: lesson.id, command: state.command, workbook: state.workbook),
                        as: PluginProtocol.LessonResult.self
                    ).missing
                } catch {
                    return nil
                }
            }
        }
    }

    public var templates: [String] { signature.templates ?? [] }

    /// Its sections of a `new --template` workbook, as YAML text.
    public func template(_ name: String) -> String? {
        guard templates.contains(name) else { return nil }
        return try? process.call(
            "template", PluginProtocol.TemplateParams(name: name), as: PluginProtocol.TemplateResult.self
        ).yaml
    }

    /// Its coverage matrix, for `lockstep diff`.
    public func coverage(_ workbook: Workbook) -> CoverageMatrix? {
        guard signature.coverage == true,
            let result = try? process(for: workbook).call(
                "coverage", json: ModelJSON.validateParams(workbook: workbook), as: PluginProtocol.CoverageResult.self)
        else { return nil }
        return CoverageMatrix(
            rowTitle: result.rowTitle, columnTitle: result.columnTitle,
            cells: result.cells.map { CoverageCell(row: $0.row, column: $0.column, count: $0.count) })
    }
}
