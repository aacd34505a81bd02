import LockstepCore

/// MK012: an activity answers needs that none of the personas it addresses has.
struct NeedsNotShared: Check {
    let code = "MK012"
    let slug = "message-misses-audience"
    let defaultSeverity = Severity.warning
    let summary = "An activity answers needs none of its personas has"
    let advice = ClientAdvice(
        problem: "{where} answers needs the people it targets do not have.",
        action: "Aim {where} at the people whose needs it answers, or change its message.",
        stake: "The message misses its audience: money is spent talking to people about problems they do not have.")
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
        // Each written id resolved once: a large workbook repeats the same few thousands of times.
        var needs: [String: String] = [:], personaIDs: [String: String?] = [:]
        func need(_ id: String) -> String {
            if let known = needs[id] { return known }
            var full = id
            if case .found(let item) = needIndex.resolve(id, as: .need) { full = item.id }
            needs[id] = full
            return full
        }
        func persona(_ id: String) -> String? {
            if let known = personaIDs[id] { return known }
            var full: String?
            if case .found(let item) = personaIndex.resolve(id, as: .persona) { full = item.id }
            personaIDs[id] = full
            return full
        }
        let carried = Dictionary(model.personas.map { ($0.id, Set($0.needs.map { need($0.value) })) }) { first, _ in
            first
        }
        return model.activities.compactMap { activity in
            guard !activity.needs.isEmpty, !activity.personas.isEmpty else { return nil }
            let personas = activity.personas.compactMap { persona($0.value) }
            guard !personas.isEmpty else { return nil }
            let answered = activity.needs.map { need($0.value) }
            // Judged only when every persona lists its needs; one need shared is enough.
            for persona in personas {
                guard let carries = carried[persona], !carries.isEmpty, !answered.contains(where: carries.contains)
                else { return nil }
            }
            let names = Array(Set(answered)).sorted()
            return finding(
                "activity '\(activity.id)' answers \(names.joined(separator: ", ")), which none of its personas "
                    + "(\(personas.joined(separator: ", "))) has", target: activity.id, at: activity.location)
        }
    }
}
