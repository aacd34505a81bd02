import LockstepCore

/// A plugin about nothing in particular, proving the core loads any plugin's section generically.
struct ShelvesPlugin: Plugin {
    let name = "shelves"
    let summary = "shelves and the books on them"
    var sections: [SectionSpec] { [SectionSpec(ShelvesSection.self)] }
    var itemKinds: [ItemKind] { [.shelf, .book] }
}

struct LabelsPlugin: Plugin {
    let name = "labels"
    let summary = "labels stuck on books"
    let dependencies = ["shelves"]
    var sections: [SectionSpec] { [SectionSpec(LabelsSection.self)] }
}

extension ItemKind {
    static let shelf = ItemKind("shelf", plural: "shelves")
    static let book = ItemKind("book", plural: "books")
    static let label = ItemKind("label", plural: "labels")
}

struct ShelvesSection: TypedSection {
    static let key = "shelves"
    static let writeOrder = 10
    static let itemKinds: [ItemKind] = [.shelf, .book]
    struct Shelf {
        var id: String
        var name: String
        var books: [String]
        var location: SourceLocation?
    }

    var shelves: [Shelf] = []

    init() {}

    init(decoding node: SourceNode, context: DecodeContext) {
        for (index, shelfNode) in context.sequence(node, what: "shelves").enumerated() {
            guard
                let reader = context.item(
                    shelfNode, kind: "shelf", number: index + 1, keys: ["id", "name", "books", "height"]),
                let id = reader.id()
            else { continue }
            _ = reader.int("height", in: 1...300)
            shelves.append(
                Shelf(
                    id: id, name: reader.string("name") ?? id, books: reader.strings("books").map(\.value),
                    location: reader.location))
        }
    }

    func encode() -> YAMLNode {
        .sequence(
            shelves.map { shelf in
                var out = MappingBuilder()
                out.string("id", shelf.id)
                out.string("name", shelf.name)
                out.list("books", shelf.books)
                return out.build()
            })
    }

    var items: [Item] {
        shelves.flatMap { shelf in
            [Item(kind: .shelf, id: shelf.id, name: shelf.name, location: shelf.location)]
                + shelf.books.map {
                    Item(kind: .book, id: "\(shelf.id)/\($0)", alias: $0, name: $0, location: shelf.location)
                }
        }
    }
}

struct LabelsSection: TypedSection {
    static let key = "labels"
    static let writeOrder = 20
    static let itemKinds: [ItemKind] = [.label]
    var labels: [(id: String, book: Located<String>, location: SourceLocation?)] = []

    init() {}

    init(decoding node: SourceNode, context: DecodeContext) {
        for (index, labelNode) in context.sequence(node, what: "labels").enumerated() {
            guard let reader = context.item(labelNode, kind: "label", number: index + 1, keys: ["id", "book"]),
                let id = reader.id(), let book = reader.located("book", required: true)
            else { continue }
            labels.append((id, book, reader.location))
        }
    }

    func encode() -> YAMLNode {
        .sequence(labels.map { .mapping([("id", .string($0.id)), ("book", .string($0.book.value))]) })
    }

    var items: [Item] {
        labels.map {
            Item(kind: .label, id: $0.id, name: $0.id, location: $0.location, references: [Reference(.book, $0.book)])
        }
    }
}

let testRegistry = PluginRegistry([ShelvesPlugin(), LabelsPlugin()])

/// Loads `text` as a workbook named `test.yaml`, returning the rendered errors ("" when it loads).
func loadErrors(_ text: String) -> String {
    do {
        _ = try WorkbookLoader(registry: testRegistry).decode(Array(text.utf8), file: "test.yaml")
        return ""
    } catch {
        return error.description
    }
}
