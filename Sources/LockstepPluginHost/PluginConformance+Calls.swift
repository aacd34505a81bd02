import LockstepCore

/// The conformance tests of what a plugin declares beyond rules and commands: its sections, and
/// the `validate`, `report` and `diagram` calls it says it answers.
extension PluginConformance {
    /// Each declared section is one Lockstep can hold: a key and kind of its own, known types.
    static func sectionProblems(_ signature: PluginProtocol.Signature, builtIn: PluginRegistry) -> [Outcome] {
        guard let sections = signature.sections, !sections.isEmpty else { return [] }
        var kinds = builtIn.available.flatMap(\.itemKinds)
        var keys = WorkbookLoader.coreKeys + builtIn.available.flatMap { $0.sections.map(\.key) }
        var problems: [String] = []
        for (index, section) in sections.enumerated() {
            do throws(ExternalPluginError) {
                let declaration = try SectionDeclaration(
                    section, order: 1000 + index, knownKinds: kinds, takenKeys: keys)
                kinds.append(declaration.kind)
                keys.append(declaration.key)
            } catch {
                problems.append(error.reason)
            }
        }
        return [
            Outcome(
                test: "its sections can be held by Lockstep (\(counted(sections.count, "section")))",
                problem: problems.isEmpty ? nil : problems.joined(separator: "; "))
        ]
    }

    /// `validate`, `report` and `diagram`, for a plugin that declares them, on the sample.
    static func callProblems(
        _ signature: PluginProtocol.Signature, process: PluginProcess, sample: Workbook, today: Day
    ) -> [Outcome] {
        var outcomes: [Outcome] = []
        let ids = Set(sample.items.map(\.id))
        func outcome<Result: Decodable>(
            _ method: String, json: [UInt8], as type: Result.Type, _ judge: (Result) -> String?
        ) -> Outcome {
            do {
                return Outcome(
                    test: "\(method) answers on the sample workbook",
                    problem: judge(try process.call(method, json: json, as: type)))
            } catch {
                return Outcome(
                    test: "\(method) answers on the sample workbook",
                    problem: error.reason + ExternalPlugin.said(error.stderrTail))
            }
        }
        if signature.validates == true {
            outcomes.append(
                outcome(
                    "validate", json: ModelJSON.validateParams(workbook: sample), as: PluginProtocol.ValidateResult.self
                ) {
                    result in
                    result.problems.first { !ids.contains($0.target) }.map {
                        "a problem at '\(Sanitized.excerpt($0.target))', which names no item of the sample"
                    }
                })
        }
        if signature.report == true {
            outcomes.append(
                outcome(
                    "report", json: ModelJSON.checkParams(today: today, workbook: sample),
                    as: PluginProtocol.ReportResult.self
                ) { result in
                    for section in result.sections {
                        if section.title.isEmpty { return "a section without a title" }
                        if let part = section.part, !["body", "appendix", "technical"].contains(part) {
                            return "part '\(Sanitized.excerpt(part))' is not body, appendix or technical"
                        }
                        for block in section.blocks {
                            let set = [
                                block.paragraph != nil, block.heading != nil, block.bullets != nil, block.facts != nil,
                                block.table != nil,
                            ]
                            if set.filter({ $0 }).count != 1 {
                                return
                                    "a block of '\(Sanitized.excerpt(section.title))' sets \(set.filter { $0 }.count) kinds, not one"
                            }
                        }
                    }
                    return nil
                })
        }
        if signature.diagram == true {
            outcomes.append(
                outcome(
                    "diagram", json: ModelJSON.checkParams(today: today, workbook: sample),
                    as: PluginProtocol.DiagramResult.self
                ) { result in
                    result.notes.first { !ids.contains($0.target) }.map {
                        "a note on '\(Sanitized.excerpt($0.target))', which names no item of the sample"
                    }
                })
        }
        if signature.coverage == true {
            outcomes.append(
                outcome(
                    "coverage", json: ModelJSON.validateParams(workbook: sample), as: PluginProtocol.CoverageResult.self
                ) {
                    result in result.cells.contains { $0.count < 0 } ? "a cell with a negative count" : nil
                })
        }
        for lesson in signature.lessons ?? [] {
            outcomes.append(
                outcome(
                    "lesson", json: ModelJSON.lessonParams(lesson: lesson.id, command: [], workbook: sample),
                    as: PluginProtocol.LessonResult.self
                ) { _ in
                    lesson.idea.isEmpty || lesson.task.isEmpty
                        ? "lesson '\(Sanitized.excerpt(lesson.id))' has no idea or task" : nil
                })
        }
        for name in signature.templates ?? [] {
            do {
                let result = try process.call(
                    "template", PluginProtocol.TemplateParams(name: name), as: PluginProtocol.TemplateResult.self)
                outcomes.append(
                    Outcome(
                        test: "template '\(Sanitized.excerpt(name))' answers",
                        problem: result.yaml.isEmpty ? "it gave no YAML" : nil))
            } catch {
                outcomes.append(
                    Outcome(
                        test: "template '\(Sanitized.excerpt(name))' answers",
                        problem: error.reason + ExternalPlugin.said(error.stderrTail)))
            }
        }
        return outcomes
    }
}
