import LockstepCore

/// The workbook model and the `check` and `command` params, written as one line of JSON.
///
/// Why not `JSONEncoder`: on the 20,000-activity workbook it took most of an external check's
/// time on Lockstep's side; this writes the same document straight into bytes.
enum ModelJSON {
    static func checkParams(today: Day, workbook: Workbook) -> [UInt8] {
        var out = Array(#"{"today":"\#(today)","workbook":"#.utf8)
        model(workbook, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    static func lessonParams(lesson: String, command: [String], workbook: Workbook) -> [UInt8] {
        var out = Array(#"{"lesson":"#.utf8)
        string(lesson, into: &out)
        out += Array(#","command":["#.utf8)
        for (index, word) in command.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            string(word, into: &out)
        }
        out += Array(#"],"workbook":"#.utf8)
        model(workbook, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    static func validateParams(workbook: Workbook) -> [UInt8] {
        var out = Array(#"{"workbook":"#.utf8)
        model(workbook, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    static func commandParams(
        command: String, arguments: [String], options: [String: String] = [:], today: Day, workbook: Workbook
    ) -> [UInt8] {
        var out = Array(#"{"command":"#.utf8)
        string(command, into: &out)
        out += Array(#","arguments":["#.utf8)
        for (index, argument) in arguments.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            string(argument, into: &out)
        }
        out += Array(#"],"options":{"#.utf8)
        for (index, (name, value)) in options.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            string(name, into: &out)
            out.append(UInt8(ascii: ":"))
            string(value, into: &out)
        }
        out += Array(#"},"today":"\#(today)","workbook":"#.utf8)
        model(workbook, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// `{"name": …, "items": [{"kind", "id", "name", "fields": {…}}]}`, as docs/plugins.md says.
    /// A field that names other items gives their full ids (`new-business/proposal`), however
    /// the workbook wrote them (`proposal`), so a plugin compares ids without resolving them.
    static func model(_ workbook: Workbook, into out: inout [UInt8]) {
        out += Array(#"{"name":"#.utf8)
        if let name = workbook.name { string(name, into: &out) } else { out += Array("null".utf8) }
        out += Array(#","items":["#.utf8)
        let items = workbook.items
        let index = ItemIndex(items)
        for (position, item) in items.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(#"{"kind":"#.utf8)
            string(item.kind.name, into: &out)
            out += Array(#","id":"#.utf8)
            string(item.id, into: &out)
            out += Array(#","name":"#.utf8)
            string(item.name, into: &out)
            out += Array(#","fields":{"#.utf8)
            let full = fullIDs(item.references, index: index)
            for (position, (key, value)) in item.fields.sorted(by: { $0.key < $1.key }).enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                string(key, into: &out)
                out.append(UInt8(ascii: ":"))
                self.value(full.isEmpty ? value : value.resolving(full), into: &out)
            }
            out += Array("}}".utf8)
        }
        out += Array("]}".utf8)
    }

    /// The references written in a shorter form than the item's full id, by what was written.
    private static func fullIDs(_ references: [Reference], index: ItemIndex) -> [String: String] {
        var full: [String: String] = [:]
        for reference in references {
            for kind in reference.kinds {
                if case .found(let target) = index.resolve(reference.id, as: kind) {
                    if target.id != reference.id { full[reference.id] = target.id }
                    break
                }
            }
        }
        return full
    }

    static func value(_ value: FieldValue, into out: inout [UInt8]) {
        switch value {
        case .string(let text): text.map { string($0, into: &out) } ?? (out += Array("null".utf8))
        case .number(let number):
            guard let number, number.isFinite else { return out += Array("null".utf8) }
            out += Array((number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)).utf8)
        case .bool(let flag): out += Array((flag.map { $0 ? "true" : "false" } ?? "null").utf8)
        case .date(let day): day.map { string("\($0)", into: &out) } ?? (out += Array("null".utf8))
        case .duration(let duration): duration.map { string("\($0)", into: &out) } ?? (out += Array("null".utf8))
        case .list(let list):
            out.append(UInt8(ascii: "["))
            for (index, element) in list.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                string(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped; the rest as UTF-8.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension FieldValue {
    /// The value with each id written short replaced by its full id.
    fileprivate func resolving(_ full: [String: String]) -> FieldValue {
        switch self {
        case .string(let text?): return .string(full[text] ?? text)
        case .list(let values): return .list(values.map { full[$0] ?? $0 })
        default: return self
        }
    }
}
