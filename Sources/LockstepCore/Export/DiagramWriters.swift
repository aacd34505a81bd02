/// Writes a diagram as Mermaid (for Markdown viewers) or Graphviz DOT (for `dot -Tsvg`).
extension Diagram {
    /// SVG is DOT laid out by Graphviz (`dot -Tsvg`), which the shell runs.
    public enum Format: String, CaseIterable, Sendable { case mermaid, dot, svg }

    public func written(as format: Format) -> String {
        switch format {
        case .mermaid: return mermaid
        case .dot, .svg: return dot
        }
    }

    /// Fill and stroke of each mark: red for a gap, amber for a partial one, grey for an accepted one.
    static let markColours = [("gap", "#fde2e1", "#c0392b"), ("partial", "#fff1d6", "#b35806"), ("accepted", "#eeeeee", "#7f7f7f")]

    func mark(of node: String) -> String? {
        if gaps.contains(node) { return "gap" }
        if accepted.contains(node) { return "accepted" }
        if partialGaps.contains(node) { return "partial" }
        return nil
    }

    public var mermaid: String {
        let names = nodeNames
        // The title sits in YAML front matter: a YAML string, whatever it holds.
        var out = ["---", "title: " + ScalarStyle.doubleQuoted(Sanitized.visible(title)), "---", inRows ? "flowchart TB" : "flowchart LR"]
        for (number, group) in groups.enumerated() {
            out.append("  subgraph g\(number)[\"\(mermaidText(group.label))\"]")
            if inRows { out.append("    direction LR") }
            for node in group.nodes {
                out.append("    \(names[node.id]!)[\"\(lines(of: node).map(mermaidText).joined(separator: "<br/>"))\"]")
            }
            out.append("  end")
        }
        for edge in drawableEdges {
            let arrow = edge.isSidePath ? "-.->" : "-->"
            let label = edge.label.map { "|\"\(mermaidText($0))\"|" } ?? ""
            out.append("  \(names[edge.from]!) \(arrow)\(label) \(names[edge.to]!)")
        }
        for (mark, fill, stroke) in Self.markColours {
            let marked = groups.flatMap(\.nodes).filter { self.mark(of: $0.id) == mark }.compactMap { names[$0.id] }
            guard !marked.isEmpty else { continue }
            let dash = mark == "accepted" ? ",stroke-dasharray:4 3" : ""
            out.append("  classDef \(mark) fill:\(fill),stroke:\(stroke),stroke-width:2px\(dash)")
            out.append("  class \(marked.joined(separator: ",")) \(mark)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    public var dot: String {
        let names = nodeNames
        var out = ["digraph lockstep {",
                   // In rows: groups stacked top to bottom, each group's stages side by side.
                  "  label=\(dotText(title)); labelloc=t; rankdir=\(inRows ? "TB" : "LR"); newrank=true;",
                   "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
                   "  edge [fontname=\"Helvetica\", fontsize=10];"]
        for (number, group) in groups.enumerated() {
            out.append("  subgraph cluster_\(number) {")
            out.append("    label=\(dotText(group.label));")
            for node in group.nodes {
                var attributes = "label=\(dotText(lines(of: node).joined(separator: "\n")))"
                if let mark = mark(of: node.id), let (_, fill, stroke) = Self.markColours.first(where: { $0.0 == mark }) {
                    let style = mark == "accepted" ? "rounded,filled,dashed" : "rounded,filled"
                    attributes += ", style=\"\(style)\", fillcolor=\"\(fill)\", color=\"\(stroke)\", penwidth=2"
                }
                out.append("    \(names[node.id]!) [\(attributes)];")
            }
            if inRows, group.nodes.count > 1 {
                out.append("    { rank=same; \(group.nodes.compactMap { names[$0.id] }.joined(separator: "; ")); }")
            }
            out.append("  }")
        }
        // In rows, each row starts at the left margin: an invisible, heavy edge stacks the rows'
        // first stages, and edges between rows pull on nothing.
        let groupOf = Dictionary(groups.flatMap { group in group.nodes.map { ($0.id, group.id) } }, uniquingKeysWith: { first, _ in first })
        if inRows {
            let firsts = groups.compactMap { $0.nodes.first.flatMap { names[$0.id] } }
            for (upper, lower) in zip(firsts, firsts.dropFirst()) { out.append("  \(upper) -> \(lower) [style=invis, weight=100];") }
        }
        for edge in drawableEdges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\(dotText(label))") }
            if edge.isSidePath { attributes.append("style=dashed") }
            if inRows, groupOf[edge.from] != groupOf[edge.to] { attributes.append("weight=0") }
            out.append("  \(names[edge.from]!) -> \(names[edge.to]!)\(attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]");")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// Mermaid labels are quoted; what could end the quote, open an entity, a Markdown string
    /// or HTML is written as an entity (`#` first, as entities start with it), so a label is text.
    private func mermaidText(_ text: String) -> String {
        var out = ""
        for character in Sanitized.visible(text) {
            switch character {
            case "#": out += "#35;"
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "`": out += "#96;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A DOT string: quotes and backslashes escaped (so `\N` and the like stay text), line
    /// breaks of the label's own lines as `\n`, control characters shown as escapes.
    private func dotText(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Sanitized.visible(line).replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
        }
        return "\"" + lines.joined(separator: "\\n") + "\""
    }
}

