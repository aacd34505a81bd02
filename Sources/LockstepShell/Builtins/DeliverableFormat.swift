import LockstepCore

/// What `export report FILE` writes, chosen by the file's extension.
enum DeliverableFormat: String, CaseIterable {
    case html, pdf, markdown

    static let extensions: [String: DeliverableFormat] = [
        "html": .html, "htm": .html, "pdf": .pdf, "md": .markdown, "markdown": .markdown,
    ]

    init(path: String) throws {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        guard let format = Self.extensions[ext] else {
            throw CommandError.usage(
                "export report: cannot tell the format of '\(Sanitized.excerpt(name, limit: 80))' from its extension",
                fix: "name it .html (the deliverable), .pdf (printed with Chromium) or .md (Markdown)")
        }
        self = format
    }

    static func audience(_ name: String?) throws -> ClientReport.Audience {
        guard let name else { return .client }
        guard let audience = ClientReport.Audience(rawValue: name) else {
            throw CommandError.unknown("audience", name, among: ClientReport.Audience.allCases.map(\.rawValue))
        }
        return audience
    }
}
