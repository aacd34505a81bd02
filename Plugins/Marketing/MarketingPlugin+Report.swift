import LockstepCore

extension MarketingPlugin {
    /// The client report is about the alignment of marketing with the sales process.
    public var reportSubject: String? { "Sales and marketing alignment" }

    /// The buying roles, the coverage heat-maps, the inventories for the appendix, and the
    /// ranked gaps for the team.
    public func reportSections(_ workbook: Workbook, context: CheckContext) -> [ReportSection] {
        let model = MarketingModel(workbook)
        var sections: [ReportSection] = []
        if !model.personas.isEmpty { sections.append(Self.buyingRoles(model, workbook: workbook)) }
        guard !model.stages.isEmpty else { return sections }
        let waived = GapsCommand.waivedGaps(workbook, today: context.today)
        sections.append(
            ReportSection(
                title: "Coverage",
                blocks: [
                    .paragraph(
                        "How many buyer-facing activities support each stage, for each buying role and by kind of content. "
                            + "A 0 is a gap; n/a marks a role that takes no part at that stage; accepted gaps are marked as such."
                    ),
                    .heatMap(Self.personaMap(model, waived: waived)), .heatMap(Self.kindMap(model, waived: waived)),
                ], order: 20))
        sections.append(
            ReportSection(
                title: "Marketing activities", blocks: [.table(Self.inventory(model, workbook: workbook))],
                order: 10, part: .appendix))
        if let needs = workbook.section(NeedsSection.self)?.needs, !needs.isEmpty {
            sections.append(
                ReportSection(
                    title: "Customer needs", blocks: [.table(Self.needs(needs, model: model))], order: 20,
                    part: .appendix))
        }
        let gaps = GapsCommand.table(
            model: model, stages: model.stages, personas: model.personas, wholeStages: true,
            waived: waived, lifecycle: GapsCommand.lifecycleGaps(workbook))
        var shown = gaps
        shown.rows = Array(gaps.rows.prefix(GapsCommand.shown))
        var blocks: [ReportBlock] = [.table(shown)]
        if gaps.rows.count > shown.rows.count {
            blocks.append(.paragraph("… and \(gaps.rows.count - shown.rows.count) more ('gaps --all')"))
        }
        sections.append(
            ReportSection(
                title: "Gaps in priority order", blocks: gaps.rows.isEmpty ? [.paragraph("No gaps.")] : blocks,
                order: 10, part: .technical))
        return sections
    }

    /// Who buys, by name, with what they need and where they take part.
    static func buyingRoles(_ model: MarketingModel, workbook: Workbook) -> ReportSection {
        let needs = Dictionary(
            (workbook.section(NeedsSection.self)?.needs ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }
        )
        let table = Table(
            ["buying role", "role in the purchase", "needs", "takes part at"],
            rows: model.personas.map { persona in
                let stages = model.stages.filter { model.involves(persona, at: $0) }
                return [
                    .text(persona.name), .text(persona.role.map(ClientText.words) ?? ""),
                    .text(persona.needs.map { needs[$0.value] ?? $0.value }.joined(separator: "; ")),
                    .text(
                        stages.count == model.stages.count
                            ? "every stage" : ClientText.list(stages.map(model.placeName), limit: 8)),
                ]
            })
        return ReportSection(title: "Buying roles and their needs", blocks: [.table(table)], order: 6)
    }

    /// Stage × buying role: the activities addressing each role at each stage.
    static func personaMap(_ model: MarketingModel, waived: Set<String>) -> HeatMap {
        let rows = model.stages.map { stage in
            let counts = model.buyerFacingCounts(at: stage.id).personas
            let cells = model.personas.map { persona -> HeatMap.Cell in
                let count = counts[persona.id] ?? 0
                // As `coverage` shows it: n/a only where the role takes no part and nothing addresses it.
                if count == 0, !model.involves(persona, at: stage) { return .notApplicable }
                if waived.contains(stage.id) || waived.contains("\(stage.id)/\(persona.id)") { return .waived(count) }
                return .count(count)
            }
            return HeatMap.Row(label: stage.name, group: model.processNames[stage.process], cells: cells)
        }
        return HeatMap(
            title: "Buying roles at each stage", rowTitle: "stage", unit: "activities",
            columns: model.personas.map(\.name), rows: rows)
    }

    /// Stage × kind of content.
    static func kindMap(_ model: MarketingModel, waived: Set<String>) -> HeatMap {
        var seen = Set<String>()
        for index in model.activities.indices where model.activities[index].isBuyerFacing {
            if let kind = model.activities[index].kind { seen.insert(kind) }
        }
        let kinds = seen.sorted()
        let rows = model.stages.map { stage in
            let counts = model.buyerFacingCounts(at: stage.id).kinds
            let cells = kinds.map { kind -> HeatMap.Cell in
                let count = counts[kind] ?? 0
                return waived.contains(stage.id) ? .waived(count) : .count(count)
            }
            return HeatMap.Row(label: stage.name, group: model.processNames[stage.process], cells: cells)
        }
        // Not every stage needs every kind: a 0 here is no gap, only none of that kind.
        return HeatMap(
            title: "Kinds of content at each stage", rowTitle: "stage", unit: "activities", columns: kinds, rows: rows,
            zeroIsGap: false)
    }

    /// Each need, who has it, and how many activities answer it.
    static func needs(_ needs: [Need], model: MarketingModel) -> Table {
        var answering: [String: Int] = [:]
        for index in model.activities.indices {
            for need in model.activities[index].needs { answering[need.value, default: 0] += 1 }
        }
        return Table(
            ["need", "who has it", "activities answering it"],
            rows: needs.map { need in
                let who = model.personas.filter { $0.needs.contains { $0.value == need.id } }.map(\.name)
                return [.text(need.name), .text(who.joined(separator: ", ")), .integer(answering[need.id] ?? 0)]
            })
    }

    /// Every activity, by name, with what it supports, for whom, and how it is measured.
    static func inventory(_ model: MarketingModel, workbook: Workbook) -> Table {
        let stageNames = Dictionary(model.stages.map { ($0.id, model.placeName($0)) }, uniquingKeysWith: { a, _ in a })
        let personaNames = Dictionary(model.personas.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let leadNames = Dictionary(
            (workbook.items(of: .leadStage) + workbook.items(of: .recycle)).map { ($0.id, $0.name) },
            uniquingKeysWith: { a, _ in a })
        let index = ItemIndex(workbook.items(of: .stage))
        var resolved: [String: String] = [:]
        func stageName(_ reference: String) -> String {
            if let known = resolved[reference] { return known }
            var name = reference
            if case .found(let item) = index.resolve(reference, as: .stage) { name = stageNames[item.id] ?? item.name }
            resolved[reference] = name
            return name
        }
        return Table(
            ["activity", "kind", "supports", "for", "measured by", "last reviewed"],
            rows: model.activities.map { activity in
                let supports =
                    activity.stages.map { stageName($0.value) }
                    + activity.leadStages.map { leadNames[$0.value] ?? $0.value }
                return [
                    .text(activity.name), .text(activity.kind ?? ""), .text(supports.joined(separator: ", ")),
                    .text(activity.personas.map { personaNames[$0.value] ?? $0.value }.joined(separator: ", ")),
                    .text(activity.kpi ?? ""), .text(activity.reviewed.map { "\($0)" } ?? ""),
                ]
            })
    }
}
