import LockstepCore

/// Which columns of the export hold which lead fields, worked out from the workbook's data
/// settings, the preset and the file's header. Two equal plans load the same data.
struct LeadDataPlan: Equatable, Sendable {
    /// Fields the plan adds besides the workbook's: where the CRM's stage and the owner are.
    static let stageField = "#crm-stage", ownerField = "#owner", keyField = "#key"

    struct Load: Equatable, Sendable {
        var field: String
        var column: String
        var index: Int
        var type: FieldType
    }

    struct Join: Equatable, Sendable {
        var path: String
        /// Where it is read: the file itself, or its UTF-8 copy.
        var readPath: String
        var key: String
        var loads: [Load]
    }

    /// The export as named (for messages), and where it is read: itself, or its UTF-8 copy.
    var path: String
    var readPath: String
    var loads: [Load] = []
    var join: Join?
    /// Declared fields no column holds; criteria naming one cannot be measured.
    var missing: [String] = []
    /// A lead stage id → the CRM's value for it, compared ignoring case, spaces and punctuation.
    var stageValues: [String: String] = [:]
    var dateFormat = DateFormat.iso
    var emptyValues: [String] = []
    /// Size and modification time of the files, so a changed export is read again.
    var stamps: [String] = []

    var hasStage: Bool {
        loads.contains { $0.field == Self.stageField } || join?.loads.contains { $0.field == Self.stageField } == true
    }
    var hasOwner: Bool {
        loads.contains { $0.field == Self.ownerField } || join?.loads.contains { $0.field == Self.ownerField } == true
    }

    /// The CRM value a person reads, lower-case letters and digits only.
    static func normalized(_ text: String) -> String {
        String(
            text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(
                Character.init))
    }
}

extension LeadDataPlan {
    /// Resolves the plan for `leads`, reading the headers of its file (or of `file`, when given).
    init(
        leads: LeadsSection, workbookPath: String?, file: String? = nil, allowOutside: Bool = false
    ) throws(CommandError) {
        let settings = leads.data
        guard let name = file ?? settings?.file.nonEmpty else {
            throw CommandError.usage(
                "no CRM export to load: the workbook has no leads.data.file",
                fix: "data load FILE.csv, or add `data: { file: export.csv }` under leads")
        }
        // A file given in the shell is where the user is; the workbook's own is beside the workbook.
        let original = file ?? Self.resolve(name, besides: workbookPath)
        if file == nil, !allowOutside {
            try Self.requireInside(original, named: name, key: "leads.data.file", workbookPath: workbookPath)
        }
        let encoding = settings?.encoding.flatMap(TextEncoding.init(rawValue:)) ?? .utf8
        path = original
        readPath = try ConvertedExports.readable(original, encoding: encoding)
        let preset = CRMPreset.named(settings?.preset)
        dateFormat = settings?.dateFormat.flatMap { DateFormat($0.value) } ?? preset?.dateFormat ?? .iso
        emptyValues = settings?.emptyValues ?? []
        let header = try Self.header(readPath, named: path)
        stamps.append(FileSystem.stamp(original))
        var joinHeader: [String]?
        var joinFile: (path: String, readPath: String)?
        if let join = settings?.join {
            let joinOriginal = Self.resolve(join.file, besides: workbookPath)
            if !allowOutside {
                try Self.requireInside(
                    joinOriginal, named: join.file, key: "leads.data.join.file", workbookPath: workbookPath)
            }
            let joinPath = try ConvertedExports.readable(joinOriginal, encoding: encoding)
            joinHeader = try Self.header(joinPath, named: joinOriginal)
            stamps.append(FileSystem.stamp(joinOriginal))
            joinFile = (joinOriginal, joinPath)
        }
        try map(leads, header: header, named: name, join: joinFile.map { ($0.path, $0.readPath, joinHeader!) })
    }

    /// A plan over tables rather than files (a database's, for SQL): `columns` are the first
    /// table's, `joinColumns` the joined one's.
    init(
        leads: LeadsSection, table: String, columns: [String], joinTable: String?, joinColumns: [String]?
    ) throws(CommandError) {
        path = table
        readPath = table
        let preset = CRMPreset.named(leads.data?.preset)
        dateFormat = leads.data?.dateFormat.flatMap { DateFormat($0.value) } ?? preset?.dateFormat ?? .iso
        emptyValues = leads.data?.emptyValues ?? []
        var join: (path: String, readPath: String, header: [String])?
        if let joinTable, let joinColumns { join = (joinTable, joinTable, joinColumns) }
        try map(leads, header: columns, named: table, join: join)
    }

    /// The columns the lead data settings name, for a table made from the export: each field's
    /// mapped column (or its own name), the CRM stage, the owner and the join key.
    static func namedColumns(_ leads: LeadsSection) -> [String] {
        let settings = leads.data
        let preset = CRMPreset.named(settings?.preset)
        let explicit = Dictionary(
            settings?.columns.map { ($0.key.value, $0.value.value) } ?? [], uniquingKeysWith: { $1 })
        var names = leads.fields.map {
            explicit[$0.name.value] ?? preset?.columns[$0.name.value]?.first ?? $0.name.value
        }
        for column in [
            settings?.stageColumn ?? preset?.stageColumns.first, settings?.owner?.value, settings?.join?.on.value,
        ] {
            if let column, !names.contains(column) { names.append(explicit[column] ?? column) }
        }
        return names
    }

    /// Works out which column holds which field, from the header(s).
    private mutating func map(
        _ leads: LeadsSection, header: [String], named name: String,
        join joined: (path: String, readPath: String, header: [String])?
    ) throws(CommandError) {
        let settings = leads.data
        let preset = CRMPreset.named(settings?.preset)
        let joinHeader = joined?.header
        if let join = settings?.join, let joined {
            let names = joined.header
            for (label, names, file) in [("first", header, name), ("joined", names, join.file)]
            where !names.contains(join.on.value) {
                throw CommandError.input(
                    "leads.data.join.on: column '\(join.on.value)' is not in the \(label) export \(file)\(Suggestion.phrase(for: join.on.value, in: names))",
                    fix:
                        "name a column both files have; \(file)'s columns: \(names.prefix(12).map { Sanitized.excerpt($0, limit: 40) }.joined(separator: ", "))"
                )
            }
            self.join = Join(path: joined.path, readPath: joined.readPath, key: join.on.value, loads: [])
            loads.append(
                Load(
                    field: Self.keyField, column: join.on.value, index: header.firstIndex(of: join.on.value)!,
                    type: .string))
            self.join!.loads.append(
                Load(
                    field: Self.keyField, column: join.on.value, index: names.firstIndex(of: join.on.value)!,
                    type: .string))
        }
        let explicit = Dictionary(
            settings?.columns.map { ($0.key.value, $0.value.value) } ?? [], uniquingKeysWith: { $1 })
        for (field, typeName) in leads.fields {
            let type = FieldType(rawValue: typeName) ?? .string
            if let column = explicit[field.value] {
                guard add(field.value, column: column, type: type, header: header, joinHeader: joinHeader) else {
                    let all = header + (joinHeader ?? [])
                    throw CommandError.input(
                        "leads.data.columns: field '\(field.value)' names column '\(column)', which \(name) does not have\(Suggestion.phrase(for: column, in: all))",
                        fix: "write the column's name exactly as the header has it")
                }
                continue
            }
            let candidates = (preset?.columns[field.value] ?? []) + [field.value]
            if !candidates.contains(where: {
                add(field.value, column: $0, type: type, header: header, joinHeader: joinHeader)
            }) {
                missing.append(field.value)
            }
        }
        if let stageColumn = settings?.stageColumn
            ?? preset?.stageColumns.first(where: { Self.index(of: $0, in: header) != nil })
        {
            let column = explicit[stageColumn] ?? stageColumn
            guard add(Self.stageField, column: column, type: .string, header: header, joinHeader: joinHeader) else {
                throw CommandError.input(
                    "leads.data.stage_column: \(name) has no column '\(column)'\(Suggestion.phrase(for: column, in: header))",
                    fix: "name the column that records the lifecycle stage")
            }
            for stage in leads.stages {
                if let value = preset?.stageValues[stage.id] { stageValues[stage.id] = Self.normalized(value) }
            }
            for (stage, value) in settings?.stageValues ?? [] {
                stageValues[stage.value] = Self.normalized(value.value)
            }
        }
        if let owner = settings?.owner?.value
            ?? preset?.ownerColumns.first(where: { Self.index(of: $0, in: header) != nil })
        {
            let column = explicit[owner] ?? owner
            guard add(Self.ownerField, column: column, type: .string, header: header, joinHeader: joinHeader) else {
                throw CommandError.input(
                    "leads.data.owner: \(name) has no column '\(column)'\(Suggestion.phrase(for: column, in: header))",
                    fix: "name the column that holds each lead's owner")
            }
        }
    }

    /// Adds a load of `column` from the first export, or else the joined one; false when neither has it.
    private mutating func add(
        _ field: String, column: String, type: FieldType, header: [String], joinHeader: [String]?
    ) -> Bool {
        if let index = Self.index(of: column, in: header) {
            loads.append(Load(field: field, column: header[index], index: index, type: type))
            return true
        }
        if let joinHeader, let index = Self.index(of: column, in: joinHeader) {
            join!.loads.append(Load(field: field, column: joinHeader[index], index: index, type: type))
            return true
        }
        return false
    }

    /// The column called `name`: exactly, or else ignoring case, spaces and punctuation (`Lead Source` for lead_source).
    static func index(of name: String, in header: [String]) -> Int? {
        if let exact = header.firstIndex(of: name) { return exact }
        let wanted = normalized(name)
        return header.firstIndex { normalized($0) == wanted }
    }

    static func resolve(_ file: String, besides workbookPath: String?) -> String {
        DataFiles.resolve(file, besides: workbookPath)
    }

    static let outsideMarker = DataFiles.outsideMarker

    private static func requireInside(
        _ path: String, named name: String, key: String, workbookPath: String?
    ) throws(CommandError) {
        try DataFiles.requireInside(path, named: name, key: key, workbookPath: workbookPath)
    }

    private static func header(_ path: String, named name: String) throws(CommandError) -> [String] {
        do throws(ColumnLoadFailure) {
            return try ColumnLoader.header(path: path).names
        } catch {
            throw CommandError.input(
                "cannot read the CRM export \(name): \(error.reason)",
                fix: "check leads.data.file (relative to the workbook), or give the path: data load FILE.csv")
        }
    }
}

extension String {
    /// The text, or nil when it is empty (a data setting left out).
    var nonEmpty: String? { isEmpty ? nil : self }
}
