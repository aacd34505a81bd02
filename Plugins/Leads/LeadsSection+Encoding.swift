import LockstepCore

extension LeadsSection {
    public func encode() -> YAMLNode {
        var out = MappingBuilder()
        out.node("fields", .mapping(fields.map { ($0.name.value, .literal($0.type)) }))
        out.node("stages", .sequence(stages.map(Self.encode)))
        out.node(
            "recycle",
            .sequence(
                recycle.map { track in
                    var fields = MappingBuilder()
                    fields.string("id", track.id)
                    fields.string("name", track.name)
                    fields.literal("owner", track.owner)
                    fields.string("returns_to", track.returnsTo?.value)
                    return fields.build()
                }))
        out.node("paths", .sequence(paths.map(Self.encode)))
        if let data { out.node("data", Self.encode(data)) }
        return out.build()
    }

    private static func encode(_ stage: LeadStage) -> YAMLNode {
        var fields = MappingBuilder()
        fields.string("id", stage.id)
        fields.string("name", stage.name)
        fields.literal("owner", stage.owner)
        fields.string("criteria", stage.criteria?.value)
        if let handoff = stage.handoff {
            var handoffFields = MappingBuilder()
            handoffFields.literal("to", handoff.to)
            handoffFields.literal("accept_within", handoff.acceptWithin)
            handoffFields.literal("first_touch_within", handoff.firstTouchWithin)
            fields.node("handoff", handoffFields.build())
        }
        fields.string("rejects_to", stage.rejectsTo?.value)
        fields.string("enters", stage.enters?.value)
        return fields.build()
    }

    private static func encode(_ data: LeadData) -> YAMLNode {
        func pairs(_ list: [(key: Located<String>, value: Located<String>)]) -> YAMLNode {
            .mapping(list.map { ($0.key.value, .string($0.value.value)) }, style: .flow)
        }
        var fields = MappingBuilder()
        if !data.file.isEmpty || data.url == nil { fields.string("file", data.file) }
        fields.string("url", data.url?.value)
        fields.string("table", data.table)
        fields.literal("preset", data.preset)
        fields.node("columns", pairs(data.columns))
        fields.node("entered", pairs(data.entered))
        fields.string("first_touch", data.firstTouch?.value)
        fields.string("stage_column", data.stageColumn)
        fields.node("stage_values", pairs(data.stageValues))
        fields.string("date_format", data.dateFormat?.value)
        fields.string("encoding", data.encoding)
        fields.string("owner", data.owner?.value)
        if !data.emptyValues.isEmpty {
            fields.node("empty_values", .sequence(data.emptyValues.map { .string($0) }, style: .flow))
        }
        if let join = data.join {
            fields.node("join", .mapping([("file", .string(join.file)), ("on", .string(join.on.value))], style: .flow))
        }
        return fields.build()
    }

    public var items: [Item] {
        var items = fields.map { field in
            Item(
                kind: .leadField, id: field.name.value, name: field.name.value, location: field.name.location,
                fields: ["type": .string(field.type)])
        }
        for stage in stages {
            var references: [Reference] = []
            if let rejectsTo = stage.rejectsTo { references.append(Reference([.recycle, .leadStage], rejectsTo)) }
            if let enters = stage.enters { references.append(Reference(.salesStage, enters)) }
            items.append(
                Item(
                    kind: .leadStage, id: stage.id, name: stage.name, location: stage.location, references: references,
                    fields: stage.fields))
        }
        for track in recycle {
            let references = track.returnsTo.map { [Reference(.leadStage, $0)] } ?? []
            items.append(
                Item(
                    kind: .recycle, id: track.id, name: track.name, location: track.location, references: references,
                    fields: ["owner": .string(track.owner), "returns_to": .string(track.returnsTo?.value)]))
        }
        for path in paths {
            items.append(
                Item(
                    kind: .leadPath, id: path.id, name: path.name, location: path.location,
                    references: path.stages.map { Reference(.leadStage, $0) },
                    fields: ["source": .string(path.source), "stages": .list(path.stages.map(\.value))]))
        }
        return items
    }

    /// The data settings name lead stages and fields.
    public var looseReferences: [Reference] {
        guard let data else { return [] }
        var references = data.columns.map { Reference(.leadField, $0.key) }
        references += data.entered.flatMap { [Reference(.leadStage, $0.key), Reference(.leadField, $0.value)] }
        references += data.stageValues.map { Reference(.leadStage, $0.key) }
        if let firstTouch = data.firstTouch { references.append(Reference(.leadField, firstTouch)) }
        return references
    }
}

extension LeadsSection {
    public mutating func rewriteReferences(_ rewrite: (ItemKind, String) -> String?) {
        func apply(_ kind: ItemKind, _ reference: Located<String>?) -> Located<String>? {
            reference.flatMap { old in rewrite(kind, old.value).map { Located($0, at: old.location) } }
        }
        for index in stages.indices {
            stages[index].enters = apply(.salesStage, stages[index].enters)
            stages[index].rejectsTo = apply(.recycle, stages[index].rejectsTo).flatMap { apply(.leadStage, $0) }
        }
        for index in recycle.indices {
            recycle[index].returnsTo = apply(.leadStage, recycle[index].returnsTo)
        }
        for index in paths.indices {
            paths[index].stages = paths[index].stages.compactMap { apply(.leadStage, $0) }
        }
    }
}
