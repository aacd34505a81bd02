import LockstepCore

extension MarketingPlugin {
    /// A persona's `involved_in` and `not_involved_in` name phases or stages that exist.
    public func validate(_ workbook: Workbook, context: DecodeContext) {
        guard let personas = workbook.section(PersonasSection.self)?.personas else { return }
        let index = ItemIndex(workbook.items(of: .stage))
        for persona in personas {
            for entry in persona.involvedIn + persona.notInvolvedIn {
                guard !SalesPhases.all.contains(entry.value), !index.resolves(entry.value, as: .stage),
                    let at = entry.location
                else { continue }
                let candidates = SalesPhases.all + index.names(of: .stage)
                context.report(
                    .unknownReference(
                        at, kind: "stage or phase", id: entry.value,
                        suggestion: Suggestion.closest(to: entry.value, in: candidates)))
            }
        }
    }
}

/// The buying phases a stage may be in, as the stages plugin defines them (named here by the
/// workbook's contract, as plugins read each other's data).
enum SalesPhases {
    static let all = ["awareness", "consideration", "decision", "retention", "expansion"]
}
