import Foundation
import LockstepCore
import Testing

/// The JSON writer behind the check and diff reports: key order as declared, every container
/// kind, and text that stays text.
@Suite("Ordered JSON")
struct OrderedJSONTests {
    struct Flat: Encodable {
        let zebra = "z", alpha = 1
        let missing: String? = nil
        let ratio = 0.5
    }

    struct Nested: Encodable {
        enum Keys: String, CodingKey { case name, inner, list, none }
        enum InnerKeys: String, CodingKey { case b, a }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("quote \" and \u{1B}", forKey: .name)
            var inner = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
            try inner.encode(true, forKey: .b)
            try inner.encode([1, 2], forKey: .a)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("x")
            var deeper = list.nestedContainer(keyedBy: InnerKeys.self)
            try deeper.encode(UInt8(7), forKey: .a)
            try container.encodeNil(forKey: .none)
        }
    }

    @Test("keys come in the order the type declares them; nil optionals are left out; scalars on one line")
    func flat() {
        #expect(OrderedJSON.encode(Flat()) == "{\"zebra\": \"z\", \"alpha\": 1, \"ratio\": 0.5}\n")
    }

    @Test("nested keyed and unkeyed containers land in place, and the result is JSON that reads back")
    func nested() throws {
        let text = OrderedJSON.encode(Nested())
        #expect(text.hasPrefix("{\n  \"name\": \"quote \\\" and \\u001b\",\n  \"inner\": {\n    \"b\": true,\n    \"a\": [\n"), "\(text)")
        let order = ["\"name\"", "\"inner\"", "\"list\"", "\"none\""].compactMap { text.range(of: $0)?.lowerBound }
        #expect(order.count == 4 && order == order.sorted(), "keys in the order written")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "quote \" and \u{1B}")
        #expect((object["inner"] as? [String: Any])?["a"] as? [Int] == [1, 2])
        let list = try #require(object["list"] as? [Any])
        #expect(list.first as? String == "x")
        #expect((list.last as? [String: Int])?["a"] == 7)
        #expect(object["none"] is NSNull)
    }
}
