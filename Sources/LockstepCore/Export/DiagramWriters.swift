/// Writes a diagram as Mermaid (for Markdown viewers) or Graphviz DOT (for `dot -Tsvg`).
extension Diagram {
    public enum Format: String, CaseIterable, Sendable { case mermaid, dot }

    public func written(as format: Format) -> String {
        switch format {
        case .mermaid: return mermaid
        case .dot: return dot
        }
    }

    public var mermaid: String {
        let names = nodeNames
        // The title sits in YAML front matter: a YAML string, whatever it holds.
        var out = ["---", "title: " + ScalarStyle.doubleQuoted(Sanitized.visible(title)), "---", "flowchart LR"]
        for (number, group) in groups.enumerated() {
            out.append("  subgraph g\(number)[\"\(mermaidText(group.label))\"]")
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
        let gapNames = groups.flatMap(\.nodes).filter { gaps.contains($0.id) }.compactMap { names[$0.id] }
        if !gapNames.isEmpty {
            out.append("  classDef gap fill:#fde2e1,stroke:#c0392b,stroke-width:2px")
            out.append("  class \(gapNames.joined(separator: ",")) gap")
        }
        return out.joined(separator: "\n") + "\n"
    }

    public var dot: String {
        let names = nodeNames
        var out = ["digraph lockstep {",
                   "  label=\(dotText(title)); labelloc=t; rankdir=LR;",
                   "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
                   "  edge [fontname=\"Helvetica\", fontsize=10];"]
        for (number, group) in groups.enumerated() {
            out.append("  subgraph cluster_\(number) {")
            out.append("    label=\(dotText(group.label));")
            for node in group.nodes {
                var attributes = "label=\(dotText(lines(of: node).joined(separator: "\n")))"
                if gaps.contains(node.id) { attributes += ", style=\"rounded,filled\", fillcolor=\"#fde2e1\", color=\"#c0392b\", penwidth=2" }
                out.append("    \(names[node.id]!) [\(attributes)];")
            }
            out.append("  }")
        }
        for edge in drawableEdges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\(dotText(label))") }
            if edge.isSidePath { attributes.append("style=dashed") }
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

