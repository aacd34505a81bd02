extension Frame {
    /// The items as rows, one column per field of `schema` (plus `id` and `name`).
    public init(items: [Item], schema: [String: FieldType]) {
        var columns: [String: Column] = [:]
        for (field, type) in schema {
            switch type {
            case .string:
                var builder = StringColumnBuilder(capacity: items.count)
                for item in items {
                    switch field {
                    case "id": builder.append(item.id)
                    case "name": builder.append(item.name)
                    default:
                        if case .string(let value)? = item.fields[field] { builder.append(value) } else { builder.append(nil) }
                    }
                }
                columns[field] = builder.column
            case .number:
                columns[field] = .number(items.map { if case .number(let v)? = $0.fields[field] { return v ?? .nan } else { return .nan } })
            case .date:
                columns[field] = .date(items.map { item in
                    if case .date(let day)? = item.fields[field], let day { return Double(day.daysSinceEpoch) }
                    return .nan
                })
            case .duration:
                columns[field] = .duration(items.map { item in
                    if case .duration(let duration)? = item.fields[field], let duration { return Double(duration.seconds) }
                    return .nan
                })
            case .bool:
                columns[field] = .bool(items.map { item in
                    if case .bool(let flag)? = item.fields[field], let flag { return flag ? 1 : 0 }
                    return -1
                })
            case .list:
                columns[field] = .list(items.map { if case .list(let values)? = $0.fields[field] { return values } else { return [] } })
            }
        }
        self.init(count: items.count, columns: columns)
    }
}
