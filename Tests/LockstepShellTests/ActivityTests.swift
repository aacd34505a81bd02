import LockstepCore
import LockstepMarketing
import Testing

/// An activity keeps its stages, personas and needs in one list; each reads like an array of its own.
@Suite("An activity's stages, personas and needs")
struct ActivityTests {
    static func ids(_ values: String...) -> [Located<String>] { values.map { Located($0, at: nil) } }

    @Test("each reads from index 0 and only its own ids, and setting one keeps the other two")
    func listsStayApart() {
        var activity = Activity(id: "webinar", name: "Webinar")
        activity.link(stages: Self.ids("s1", "s2"), personas: Self.ids("p1"), needs: Self.ids("n1", "n2"))
        #expect(activity.personas.count == 1 && activity.personas[0].value == "p1")
        #expect(activity.needs[1].value == "n2" && activity.needs.map(\.value) == ["n1", "n2"])
        activity.personas = .init(Self.ids("p2", "p3"))
        #expect(activity.stages.map(\.value) == ["s1", "s2"])
        #expect(activity.personas.map(\.value) == ["p2", "p3"])
        #expect(activity.needs.map(\.value) == ["n1", "n2"])
        activity.stages = []
        #expect(activity.stages.isEmpty && activity.personas[0].value == "p2" && activity.needs[0].value == "n1")
        activity.needs = [Located("n3", at: nil)]
        #expect(activity.needs == [Located("n3", at: nil)] && activity.needs != .init(Self.ids("n3", "n4")))
        #expect(activity.personas.map(\.value) == ["p2", "p3"])
    }
}
