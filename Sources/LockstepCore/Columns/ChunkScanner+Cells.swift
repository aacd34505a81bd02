/// Typed cells: how one field's bytes become a number, date, flag or text code, or a problem.
extension ChunkScanner {
    /// Stores one cell; false when it is not of the column's type (`cellProblem` says why). It
    /// runs once per requested cell, tens of millions of times on a large export, so what is not
    /// the common case (a quoted value with doubled quotes, the text of a problem) is kept in
    /// functions of its own.
    @inline(__always)
    func store(_ raw: UnsafeBufferPointer<UInt8>, escaped: Bool, slot: Int, state: inout Result) -> Bool {
        let column = state.columns.slots.baseAddress.unsafelyUnwrapped + slot
        switch column.pointee.type {
        case .string:
            if raw.isEmpty || isPlaceholder(raw) {
                column.pointee.append(code: -1)
            } else {
                let code =
                    escaped ? Self.unescapedCode(raw, in: &column.pointee) : column.pointee.interner.code(for: raw)
                column.pointee.append(code: code)
            }
        case .bool:
            let value = Self.trimmingSpaces(raw)
            if value.isEmpty || isPlaceholder(value) {
                column.pointee.append(flag: -1)
            } else {
                guard let flag = ValueParsing.flag(value) else { return false }
                column.pointee.append(flag: flag)
            }
        case .date:
            let value = Self.trimmingSpaces(raw)
            if value.isEmpty || isPlaceholder(value) {
                column.pointee.append(number: .nan)
            } else {
                guard let days = options.dateFormat.days(value) else { return false }
                column.pointee.append(number: days)
            }
        default:
            let value = Self.trimmingSpaces(raw)
            if value.isEmpty || isPlaceholder(value) {
                column.pointee.append(number: .nan)
            } else {
                guard let number = ValueParsing.number(value) else { return false }
                column.pointee.append(number: number)
            }
        }
        return true
    }

    /// The code of a quoted value whose doubled quotes stand for one.
    @inline(never)
    private static func unescapedCode(_ value: UnsafeBufferPointer<UInt8>, in column: inout ColumnBuffer) -> Int32 {
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(value.count)
        var index = 0
        while index < value.count {
            unescaped.append(value[index])
            index += value[index] == 0x22 && index + 1 < value.count && value[index + 1] == 0x22 ? 2 : 1
        }
        return unescaped.withUnsafeBufferPointer { column.interner.code(for: $0) }
    }

    /// Why a cell `store` refused is not of its column's type: (message, fix).
    @inline(never)
    func cellProblem(_ raw: UnsafeBufferPointer<UInt8>, slot: Int) -> (String, String) {
        let value = Self.trimmingSpaces(raw)
        switch requests[slot].type {
        case .number:
            return badValue(
                value, slot: slot, expected: "a number",
                fix: "write it as digits with an optional '.' (1250 or 12.5), or leave it empty")
        case .date:
            let formats = DateFormat.known.map(\.description).joined(separator: ", ")
            return badValue(
                value, slot: slot, expected: "a date in the format \(options.dateFormat)",
                fix: "set \(options.dateFormatSetting) to the export's format (\(formats))")
        default:
            return badValue(
                value, slot: slot, expected: "true or false", fix: "write true/false, yes/no or 1/0, or leave it empty")
        }
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
