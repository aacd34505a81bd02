import Foundation
import LockstepCore
import Testing

@testable import LockstepMarketing

/// The domain vocabulary behind the rules, table by table.
@Suite("What a KPI measures")
struct KPIKindTests {
    @Test(
        "a KPI's words give its class, the weightiest found winning; none of the words, no class",
        arguments: [
            ("Video views", "engagement"), ("Email open rate", "engagement"), ("eBook downloads", "engagement"),
            ("Brand mentions", "engagement"), ("Webinar registrations", "engagement"),
            ("Blog posts published", "activity"),
            ("Benchmark downloads that become MQLs", "pipeline"), ("Webinar attendees who book a demo", "pipeline"),
            ("ROI reviews booked per month", "pipeline"), ("Quotations citing the case study", "pipeline"),
            ("Landing-page sign-ups that become sellers", "pipeline"),
            ("Marketing-sourced pipeline by stage", "pipeline"),
            ("Renewals with a value review", "revenue"), ("Closed-won ARR from the campaign", "revenue"),
            ("Parts orders placed online", "revenue"), ("Days from verbal yes to signature", nil),
            ("Teams live within 30 days", nil),
        ] as [(String, String?)])
    func classify(kpi: String, expected: String?) {
        #expect(KPIKind.classify(kpi)?.rawValue == expected, "\(kpi)")
    }
}

@Suite("Relevance by role and phase")
struct RelevanceTests {
    func stage(_ phase: String, _ id: String = "nb/x") -> MarketingModel.Stage {
        MarketingModel.Stage(id: id, name: id, process: "nb", phase: phase, location: nil)
    }

    @Test(
        "economic and technical buyers matter at decision; a user is not at the negotiating table; procurement only decides"
    )
    func defaults() {
        var user = Persona(id: "u", name: "User"), buyer = Persona(id: "b", name: "Buyer"),
            procurement = Persona(id: "p", name: "P")
        user.role = "user"
        buyer.role = "technical-buyer"
        procurement.role = "procurement"
        #expect(Relevance.involves(buyer, at: stage("decision")))
        #expect(!Relevance.involves(user, at: stage("decision")))
        #expect(Relevance.involves(user, at: stage("consideration")))
        #expect(!Relevance.involves(procurement, at: stage("consideration")))
        #expect(Relevance.involves(procurement, at: stage("decision")))
        #expect(Relevance.involves(Persona(id: "n", name: "No role"), at: stage("awareness")))
    }

    @Test("a stage named outweighs its phase, and not_involved_in outweighs involved_in")
    func overrides() {
        var user = Persona(id: "u", name: "User")
        user.role = "user"
        user.involvedIn = [Located("nb/negotiation", at: nil)]
        user.notInvolvedIn = [Located("consideration", at: nil), Located("demo", at: nil)]
        #expect(Relevance.involves(user, at: stage("decision", "nb/negotiation")))
        #expect(!Relevance.involves(user, at: stage("decision", "nb/proposal")))
        #expect(!Relevance.involves(user, at: stage("consideration", "nb/discovery")))
        #expect(!Relevance.involves(user, at: stage("consideration", "nb/demo")))
    }
}
