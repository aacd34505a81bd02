import LockstepCore

/// MK005: no activity supports retention or expansion stages.
struct NoCustomerContent: Check {
    let code = "MK005"
    let slug = "no-customer-content"
    let defaultSeverity = Severity.warning
    let summary = "No activity supports existing customers"
    let advice = ClientAdvice(
        problem: "Customers get no marketing after the sale.",
        action: "Plan content for existing customers: onboarding, adoption, renewal and expansion.",
        stake: "Renewal and expansion revenue, the most profitable in the business, is left to chance.")
    let explanation = RuleExplanation(
        what: "When the workbook has retention or expansion stages (or customer processes), at least one buyer-facing activity supports one of them. A workbook with no such stages at all is SP004's finding, not this one.",
        why: "Marketing that stops at the first sale leaves repeat customers to chance (“Sales and Marketing – Align, Define and Make Money”, misalignment #6); retention is part of a customer-driven culture (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”).",
        fix: "Map content to a retention or expansion stage, e.g. an onboarding guide or a customer newsletter.")
    let examples: [CheckExample] = [
        .triggering("""
            processes:
              - id: accounts
                kind: customer
                stages: [{ id: renewal, phase: retention }]
            activities:
              - { id: ads, kind: campaign, stages: [] }
            """, targets: ["activities"]),
        .passing("""
            processes:
              - id: accounts
                kind: customer
                stages: [{ id: renewal, phase: retention }]
            activities:
              - { id: guide, kind: content, stages: [renewal] }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let model = context.shared.value("marketing-model") { MarketingModel(workbook) }
        let customerProcesses = Set(workbook.items(of: ItemKind("process", plural: "processes")).filter { item in
            if case .string("customer")? = item.fields["kind"] { return true } else { return false }
        }.map(\.id))
        let customerStages = model.stages.filter { $0.phase == "retention" || $0.phase == "expansion" || customerProcesses.contains($0.process) }
        guard !customerStages.isEmpty, customerStages.allSatisfy({ !model.hasBuyerFacing(at: $0.id) }) else { return [] }
        return [finding("no activity supports a retention or expansion stage (\(customerStages.map(\.id).joined(separator: ", ")))",
                        target: "activities", at: workbook.activities.first?.location ?? customerStages.first?.location)]
    }
}
