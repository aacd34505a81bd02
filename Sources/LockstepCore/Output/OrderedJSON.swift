/// JSON from `Encodable` values, keys in the order the type declares them.
///
/// Why not Foundation's `JSONEncoder`: it sorts keys or scrambles them, and reports are read by
/// people as well as tools (a SARIF log's `ruleId` before its `message`); and Foundation would
/// be linked into a binary whose start-up is measured in milliseconds for this one use.
public enum OrderedJSON {
    /// A JSON document, two-space indented, with a final newline. Arrays of scalars and objects
    /// whose values are all scalars stay on one line, so a finding reads as one line.
    public static func encode(_ value: some Encodable) -> String {
        // The value types encoded here throw nothing of their own; an encoding that still
        // failed would be a programming error, shown in the output rather than a crash.
        guard let box = try? encoded(value, at: []) else { return "null\n" }
        var out = ""
        write(box.value, indent: "", to: &out)
        return out + "\n"
    }

    indirect enum Value {
        case null, bool(Bool), number(String), string(String), array([Value]), object([(String, Value)])

        var isScalar: Bool {
            switch self {
            case .array(let items): return items.isEmpty
            case .object(let fields): return fields.isEmpty
            default: return true
            }
        }
    }

    static func write(_ value: Value, indent: String, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let digits): out += digits
        case .string(let text): out += JSONRenderer.quoted(text)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(\.isScalar) || items.allSatisfy(isFlat) {
                let inner = indent + "  "
                out += "[\n"
                for (index, item) in items.enumerated() {
                    out += inner
                    write(item, indent: inner, to: &out)
                    out += index == items.count - 1 ? "\n" : ",\n"
                }
                out += indent + "]"
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indent + "  "
                write(item, indent: indent + "  ", to: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            if isFlat(value) {
                out += "{"
                for (index, field) in fields.enumerated() {
                    out += (index == 0 ? "" : ", ") + JSONRenderer.quoted(field.0) + ": "
                    write(field.1, indent: indent, to: &out)
                }
                out += "}"
                return
            }
            out += "{\n"
            for (index, field) in fields.enumerated() {
                out += indent + "  " + JSONRenderer.quoted(field.0) + ": "
                write(field.1, indent: indent + "  ", to: &out)
                out += index == fields.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    /// An object of scalars only: written on one line.
    static func isFlat(_ value: Value) -> Bool {
        if case .object(let fields) = value { return fields.allSatisfy { $0.1.isScalar } }
        return false
    }

    /// A node while encoding: nested containers hold their parent's box, so a field written
    /// through any container lands in place, and appending stays linear.
    final class Box {
        var scalar: Value = .null
        var fields: [(String, Box)]?
        var items: [Box]?

        init(_ scalar: Value = .null) { self.scalar = scalar }

        var value: Value {
            if let fields { return .object(fields.map { ($0.0, $0.1.value) }) }
            if let items { return .array(items.map(\.value)) }
            return scalar
        }
    }

    struct ValueEncoder: Encoder {
        let box: Box
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if box.fields == nil { box.fields = [] }
            return KeyedEncodingContainer(Keyed<Key>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if box.items == nil { box.items = [] }
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(box: box, codingPath: codingPath) }
    }

    /// What a scalar becomes; nil for a value that is not one (it encodes itself).
    static func scalar(_ value: some Encodable) -> Value? {
        if let text = value as? String { return .string(text) }
        if let flag = value as? Bool { return .bool(flag) }
        if let number = value as? any BinaryInteger { return .number("\(number)") }
        if let number = value as? any BinaryFloatingPoint {
            let double = Double(number)
            return double.isFinite ? .number(double.description) : .null
        }
        return nil
    }

    static func encoded(_ value: some Encodable, at path: [any CodingKey]) throws -> Box {
        if let scalar = scalar(value) { return Box(scalar) }
        let child = Box()
        try value.encode(to: ValueEncoder(box: child, codingPath: path))
        return child
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey]

        func add(_ child: Box, _ key: Key) -> Box {
            box.fields?.append((key.stringValue, child))
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { _ = add(Box(), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            _ = add(try OrderedJSON.encoded(value, at: codingPath + [key]), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type,
            forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            ValueEncoder(box: add(Box(), key), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            ValueEncoder(box: add(Box(), key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        /// The superclass's fields under `super`, as Foundation's encoder writes them; a key type
        /// that has no `super` gets a box of its own, left out of the output.
        mutating func superEncoder() -> any Encoder {
            guard let key = Key(stringValue: "super") else { return ValueEncoder(box: Box(), codingPath: codingPath) }
            return ValueEncoder(box: add(Box(), key), codingPath: codingPath)
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            ValueEncoder(box: add(Box(), key), codingPath: codingPath)
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        var count: Int { box.items?.count ?? 0 }

        func add(_ child: Box) -> Box {
            box.items?.append(child)
            return child
        }

        mutating func encodeNil() throws { _ = add(Box()) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            _ = add(try OrderedJSON.encoded(value, at: codingPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            ValueEncoder(box: add(Box()), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            ValueEncoder(box: add(Box()), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { ValueEncoder(box: add(Box()), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { box.scalar = .null }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let child = try OrderedJSON.encoded(value, at: codingPath)
            box.scalar = child.scalar
            box.fields = child.fields
            box.items = child.items
        }
    }
}
