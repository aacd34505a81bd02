import LockstepCore

/// MK012: an activity answers needs that none of the personas it addresses has.
struct NeedsNotShared: Check {
    let code = "MK012"
    let slug = "message-misses-audience"
    let defaultSeverity = Severity.warning
    let summary = "An activity answers needs none of its personas has"
    let explanation = RuleExplanation(
        what:
            "When an activity names both the personas it addresses and the needs it answers, at least one of those personas carries at least one of those needs (`personas[].needs`). Personas that list no needs are not judged.",
        why:
            "The first and costliest misalignment is a marketing message that does not match the customer's need (“Sales and Marketing – Align, Define and Make Money”, misalignment #1); content about one buyer's pain sent to another reads as noise, and sales is left to translate it.",
        fix:
            "Point the activity at the personas who have those needs (`personas:`), answer their needs instead (`needs:`), or record the need on the persona if they do carry it."
    )
    let examples: [CheckExample] = [
        .triggering(
            """
            needs: [{ id: speed }, { id: security }]
            personas:
              - { id: cfo, needs: [speed] }
            activities:
              - { id: brief, kind: content, personas: [cfo], needs: [security] }
            """, targets: ["brief"]),
        // Near misses: one need shared is enough; a persona listing no needs is not judged.
        .passing(
            """
            needs: [{ id: speed }, { id: security }]
            personas:
              - { id: cfo, needs: [speed] }
              - { id: cto }
            activities:
              - { id: brief, kind: content, personas: [cfo], needs: [security, speed] }
              - { id: deck, kind: content, personas: [cto], needs: [security] }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let model = context.shared.value("marketing-model") { MarketingModel(workbook) }
        let needIndex = ItemIndex(workbook.items(of: .need)), personaIndex = ItemIndex(workbook.items(of: .persona))
        func need(_ id: String) -> String {
            if case .found(let item) = needIndex.resolve(id, as: .need) { return item.id }
            return id
        }
        let carried = Dictionary(model.personas.map { ($0.id, Set($0.needs.map { need($0.value) })) }) { first, _ in
            first
        }
        return model.activities.compactMap { activity in
            let personas = activity.personas.compactMap { reference -> String? in
                if case .found(let item) = personaIndex.resolve(reference.value, as: .persona) { return item.id }
                return nil
            }
            let answered = Set(activity.needs.map { need($0.value) })
            let judged = personas.compactMap { carried[$0] }.filter { !$0.isEmpty }
            guard !answered.isEmpty, !judged.isEmpty, judged.count == personas.count,
                !judged.contains(where: { !$0.isDisjoint(with: answered) })
            else { return nil }
            return finding(
                "activity '\(activity.id)' answers \(answered.sorted().joined(separator: ", ")), which none of its personas "
                    + "(\(personas.joined(separator: ", "))) has", target: activity.id, at: activity.location)
        }
    }
}
