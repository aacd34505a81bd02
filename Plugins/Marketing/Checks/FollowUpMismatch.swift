import LockstepCore

/// MK004: a call to action without follow-up, or followed up on a channel that does not fit the response.
struct FollowUpMismatch: Check {
    let code = "MK004"
    let slug = "follow-up-mismatch"
    let defaultSeverity = Severity.warning
    let summary = "A call to action has no follow-up, or one that does not fit how responses arrive"
    let advice = ClientAdvice(
        problem: "Responses to {where} are followed up the wrong way, or not at all.",
        action: "Follow up responses to {where} on the channel the buyer chose, and name who does it.",
        stake: "Buyers who raised their hand are ignored or contacted in a way they did not ask for, and go cold.")
    /// For each way responses arrive, the follow-up channels that fit it.
    static let fitting: [String: Set<String>] = [
        "email": ["email"], "web-form": ["email", "phone"], "phone": ["phone"],
        "event": ["email", "phone", "event", "meeting"], "chat": ["chat", "email"],
    ]
    let explanation = RuleExplanation(
        what: "Every activity with a call to action says how responses are followed up (`follow_up: { channel, owner }`), on a channel that fits how they arrive (`response`): an emailed response is answered by email, a phone call by phone.",
        why: "When the marketing message does not match the follow-up — a prospect writes an email and gets a cold call — the response is wasted (“Sales and Marketing – Align, Define and Make Money”, misalignment #5).",
        fix: "Add `follow_up: { channel: …, owner: … }`, with a channel that fits `response` (email → email; web form → email or phone; phone → phone; event → email, phone or a meeting; chat → chat or email).")
    let examples: [CheckExample] = [
        .triggering("""
            activities:
              - { id: newsletter, cta: Reply to book a call, response: email, follow_up: { channel: phone, owner: sales } }
              - { id: ebook, cta: Download }
            """, targets: ["newsletter", "ebook"]),
        .passing("""
            activities:
              - { id: newsletter, cta: Reply, response: email, follow_up: { channel: email, owner: sales } }
              - { id: whitepaper, kind: content }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        workbook.activities.filter { !($0.cta ?? "").isEmpty }.compactMap { activity in
            guard let channel = activity.followUp?.channel, !channel.isEmpty else {
                return finding("activity '\(activity.id)' has a call to action but no follow-up", target: activity.id, at: activity.location)
            }
            guard let response = activity.response, let fitting = Self.fitting[response], !fitting.contains(channel) else { return nil }
            return finding("activity '\(activity.id)': responses arrive by \(response) but are followed up by \(channel)",
                           target: activity.id, at: activity.location)
        }
    }
}
