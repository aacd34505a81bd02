import LockstepCore

extension StagesPlugin {
    /// The CRMs' default opportunity stages and probabilities (CRM-EXPORTS.md). Closed won and
    /// closed lost are outcomes, not stages a deal works through, so they are left out.
    public var templates: [String] { ["salesforce", "hubspot", "waterfall"] }

    public func template(_ name: String) -> String? {
        switch name {
        case "salesforce":
            return Self.process([
                ("prospecting", "Prospecting", "awareness", 10),
                ("qualification", "Qualification", "consideration", 10),
                ("needs-analysis", "Needs Analysis", "consideration", 20),
                ("value-proposition", "Value Proposition", "consideration", 50),
                ("decision-makers", "Id. Decision Makers", "decision", 60),
                ("perception-analysis", "Perception Analysis", "decision", 70),
                ("proposal", "Proposal/Price Quote", "decision", 75),
                ("negotiation", "Negotiation/Review", "decision", 90),
            ])
        case "hubspot":
            return Self.process([
                ("appointment-scheduled", "Appointment Scheduled", "consideration", 20),
                ("qualified-to-buy", "Qualified to Buy", "consideration", 40),
                ("presentation-scheduled", "Presentation Scheduled", "decision", 60),
                ("decision-maker-bought-in", "Decision Maker Bought-In", "decision", 80),
                ("contract-sent", "Contract Sent", "decision", 90),
            ])
        case "waterfall":
            return Self.process([("opportunity", "Sales opportunity", "decision", 50)])
        default:
            return nil
        }
    }

    private static func process(_ stages: [(id: String, name: String, phase: String, probability: Int)]) -> String {
        var text = "processes:\n  - id: new-business\n    name: New business\n    kind: new\n    stages:\n"
        for stage in stages {
            text +=
                "      - { id: \(stage.id), name: \"\(stage.name)\", phase: \(stage.phase), probability: \(stage.probability) }\n"
        }
        return text
    }
}
