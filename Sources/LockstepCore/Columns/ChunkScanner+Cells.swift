/// Typed cells: how one field's bytes become a number, date, flag or text code, or a problem.
extension ChunkScanner {
    /// Stores one cell; returns a problem (message, fix) when it is not of the column's type.
    func store(
        _ raw: UnsafeBufferPointer<UInt8>, escaped: Bool, slot: Int, rows: Int,
        state: inout Result
    ) -> (String, String)? {
        let type = requests[slot].type
        var value = raw
        if type != .string { value = Self.trimmingSpaces(value) }
        if value.isEmpty || isPlaceholder(value) {
            state.columns.slots[slot].appendEmpty()
            return nil
        }
        switch type {
        case .number:
            guard let number = ValueParsing.number(value) else {
                return badValue(
                    value, slot: slot, expected: "a number",
                    fix: "write it as digits with an optional '.' (1250 or 12.5), or leave it empty")
            }
            state.columns.slots[slot].append(number: number)
        case .date:
            guard let days = options.dateFormat.days(value) else {
                return badValue(
                    value, slot: slot, expected: "a date in the format \(options.dateFormat)",
                    fix:
                        "set \(options.dateFormatSetting) to the export's format (\(DateFormat.known.map(\.description).joined(separator: ", ")))"
                )
            }
            state.columns.slots[slot].append(number: days)
        case .bool:
            guard let flag = ValueParsing.flag(value) else {
                return badValue(
                    value, slot: slot, expected: "true or false",
                    fix: "write true/false, yes/no or 1/0, or leave it empty")
            }
            state.columns.slots[slot].append(flag: flag)
        default:
            if escaped {
                var unescaped: [UInt8] = []
                unescaped.reserveCapacity(value.count)
                var index = 0
                while index < value.count {
                    unescaped.append(value[index])
                    index += value[index] == 0x22 && index + 1 < value.count && value[index + 1] == 0x22 ? 2 : 1
                }
                let code = unescaped.withUnsafeBufferPointer { state.columns.slots[slot].interner.code(for: $0) }
                state.columns.slots[slot].append(code: code)
            } else {
                let code = state.columns.slots[slot].interner.code(for: value)
                state.columns.slots[slot].append(code: code)
            }
        }
        return nil
    }

    func badValue(_ value: UnsafeBufferPointer<UInt8>, slot: Int, expected: String, fix: String) -> (String, String) {
        let column = header[requests[slot].column]
        let text = String(decoding: value.prefix(60), as: UTF8.self)
        return ("column '\(column)' (field \(requests[slot].field)) holds '\(text)', not \(expected)", fix)
    }

    @inline(__always)
    func isPlaceholder(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !emptyValues.isEmpty else { return false }
        return emptyValues.contains { placeholder in
            placeholder.count == value.count && placeholder.elementsEqual(value)
        }
    }

    @inline(__always)
    static func trimmingSpaces(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = value.count
        while start < end, value[start] == 0x20 { start += 1 }
        while end > start, value[end - 1] == 0x20 { end -= 1 }
        return start == 0 && end == value.count ? value : UnsafeBufferPointer(rebasing: value[start..<end])
    }

    static func fieldCountProblem(fields: Int, expected: Int, bytes: UnsafeBufferPointer<UInt8>) -> (String, String) {
        let wrapped = fields == 1 && bytes.first == 0x22 && bytes.contains(0x2C)
        if wrapped {
            return (
                "the whole row is one quoted field (1 field where the header has \(expected))",
                "remove the extra quotes around the row, and undouble the quotes inside it"
            )
        }
        return (
            "\(fields) field\(fields == 1 ? "" : "s") where the header has \(expected)",
            "make the row have one value per header column; quote a value that contains a comma"
        )
    }
}
