import LockstepCore

/// The `leads` section: field schema, lead stages, recycle tracks and CRM data.
public struct LeadsSection: TypedSection {
    public static let key = "leads"
    public static let writeOrder = 50
    public static let itemKinds: [ItemKind] = [.leadField, .leadStage, .recycle, .leadPath]
    public static let fieldTypes = ["string", "number", "bool", "date"]

    /// Field name → type, in the order written.
    public var fields: [(name: Located<String>, type: String)] = []
    public var stages: [LeadStage] = []
    public var recycle: [RecycleTrack] = []
    /// The ways leads come in, each through its own stages (empty: one path through every stage).
    public var paths: [LeadPath] = []
    public var data: LeadData?

    public init() {}

    public init(decoding node: SourceNode, context: DecodeContext) {
        guard let leads = context.mapping(node, what: "leads", keys: ["fields", "stages", "recycle", "paths", "data"])
        else { return }
        for (name, type) in leads.pairs("fields") {
            guard Self.fieldTypes.contains(type.value) else {
                context.report(
                    .notAllowed(
                        type.location!, what: "type of field '\(name.value)'", value: type.value,
                        allowed: Self.fieldTypes))
                continue
            }
            fields.append((name, type.value))
        }
        stages = leads.list("stages").enumerated().compactMap { index, stageNode in
            Self.decodeStage(stageNode, number: index + 1, context: context)
        }
        for (index, trackNode) in leads.list("recycle").enumerated() {
            let keys = ["id", "name", "owner", "returns_to"]
            guard let reader = context.item(trackNode, kind: "recycle track", number: index + 1, keys: keys),
                let id = reader.id()
            else { continue }
            recycle.append(
                RecycleTrack(
                    id: id, name: reader.string("name") ?? id, owner: reader.choice("owner", from: LeadStage.owners),
                    returnsTo: reader.located("returns_to"), location: reader.location))
        }
        for (index, pathNode) in leads.list("paths").enumerated() {
            guard
                let reader = context.item(
                    pathNode, kind: "lead path", number: index + 1, keys: ["id", "name", "source", "stages"]),
                let id = reader.id()
            else { continue }
            paths.append(Self.decodePath(reader, id: id))
        }
        if let data = leads.mapping("data", what: "leads data", keys: Self.dataKeys) {
            self.data = Self.decodeData(data)
        }
    }

    private static func decodeStage(_ node: SourceNode, number: Int, context: DecodeContext) -> LeadStage? {
        let keys = ["id", "name", "owner", "criteria", "handoff", "rejects_to", "enters"]
        guard let reader = context.item(node, kind: "lead stage", number: number, keys: keys), let id = reader.id()
        else { return nil }
        var stage = LeadStage(id: id, name: reader.string("name") ?? id)
        stage.location = reader.location
        stage.owner = reader.choice("owner", from: LeadStage.owners)
        stage.criteria = reader.expression("criteria")
        if let handoff = reader.mapping("handoff", keys: ["to", "accept_within", "first_touch_within"]) {
            stage.handoff = LeadStage.Handoff(
                to: handoff.choice("to", from: LeadStage.owners),
                acceptWithin: handoff.duration("accept_within"),
                firstTouchWithin: handoff.duration("first_touch_within"))
        }
        stage.rejectsTo = reader.located("rejects_to")
        stage.enters = reader.located("enters")
        return stage
    }

    static let dataKeys = [
        "file", "preset", "columns", "entered", "first_touch", "stage_column", "stage_values", "date_format",
        "owner", "empty_values", "join", "encoding", "url", "table",
    ]

    private static func decodeData(_ reader: MappingReader) -> LeadData? {
        let url = reader.located("url")
        guard let file = reader.string("file", required: url == nil) ?? (url == nil ? nil : "") else { return nil }
        var data = LeadData(file: file)
        if let url {
            if let problem = LeadData.urlProblem(url.value) {
                reader.context.report(
                    .wrongType(url.location!, what: "url of leads data", expected: problem, found: "a URL"))
            }
            data.url = url
        }
        data.table = reader.string("table")
        data.preset = reader.choice("preset", from: LeadData.presets)
        data.columns = reader.pairs("columns")
        data.entered = reader.pairs("entered")
        data.firstTouch = reader.located("first_touch")
        data.stageColumn = reader.string("stage_column")
        data.stageValues = reader.pairs("stage_values")
        data.dateFormat = reader.located("date_format")
        if let format = data.dateFormat, DateFormat(format.value) == nil {
            reader.context.report(
                .notAllowed(
                    format.location!, what: "date_format of leads data", value: format.value,
                    allowed: DateFormat.known.map(\.description)))
        }
        data.encoding = reader.choice("encoding", from: TextEncoding.names)
        data.owner = reader.located("owner")
        data.emptyValues = reader.strings("empty_values").map(\.value)
        if let join = reader.mapping("join", keys: ["file", "on"]), let file = join.string("file", required: true),
            let on = join.located("on", required: true)
        {
            data.join = LeadData.Join(file: file, on: on)
        }
        data.location = reader.location
        return data
    }
}
