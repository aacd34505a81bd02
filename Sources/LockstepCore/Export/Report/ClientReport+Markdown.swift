/// The report as Markdown: the same content and order as the HTML report, every piece of client
/// text escaped (`MarkdownText`), so a name can never become a heading, link or element.
extension ClientReport {
    public var markdown: String {
        var out =
            "# \(MarkdownText.inline(subject)): \(MarkdownText.inline(title))\n\nPrepared on \(today).\n\n## Summary\n\n"
        out += overview + "\n"
        if !keyPoints.isEmpty { out += "\n" }
        for (number, point) in keyPoints.enumerated() {
            out += "\(number + 1). \(MarkdownText.inline(Self.sentence(point)))\n"
        }
        if !accepted.isEmpty {
            out +=
                "\n\(accepted.count) known gap\(accepted.count == 1 ? " was" : "s were") accepted on purpose; the appendix lists "
                + "\(accepted.count == 1 ? "it" : "them") with the reasons.\n"
        }
        for section in sections(in: .body) { out += Self.markdown(section, level: 2) }
        out += "\n## Recommendations\n"
        if recommendations.isEmpty { out += "\nNone: every check passed.\n" }
        for (number, item) in recommendations.enumerated() {
            out += "\n### \(number + 1). \(MarkdownText.inline(item.action))\n\n"
            out += "*\(Self.urgency(item.severity)).* \(MarkdownText.inline(item.problem))"
            for figure in item.figures {
                out += " " + MarkdownText.inline(figure.prefix(1).uppercased() + figure.dropFirst()) + "."
            }
            out += "\n"
            if !item.stake.isEmpty { out += "\n**Why it matters.** \(MarkdownText.inline(item.stake))\n" }
        }
        out += "\n## Appendix\n"
        for section in sections(in: .appendix) { out += Self.markdown(section, level: 3) }
        out += Self.markdown(ReportSection(title: "Findings by rule", blocks: findingBlocks, order: 0), level: 3)
        out += Self.markdown(ReportSection(title: "Accepted gaps", blocks: acceptedBlocks, order: 0), level: 3)
        if audience == .team {
            out +=
                "\n## Technical appendix\n\nFrom \(MarkdownText.code(source)), checked with Lockstep \(toolVersion).\n"
            for section in sections(in: .technical) { out += Self.markdown(section, level: 3) }
            out += Self.markdown(ReportSection(title: "Findings by rule", blocks: technicalBlocks, order: 0), level: 3)
        }
        return out
    }

    static func markdown(_ section: ReportSection, level: Int) -> String {
        var out = "\n\(String(repeating: "#", count: level)) \(MarkdownText.inline(section.title))\n"
        for block in section.blocks { out += "\n" + markdown(block, level: level + 1) }
        return out
    }

    static func markdown(_ block: ReportBlock, level: Int) -> String {
        switch block {
        case .paragraph(let text):
            return MarkdownText.inline(text) + "\n"
        case .heading(let text):
            return "\(String(repeating: "#", count: level)) \(MarkdownText.inline(text))\n"
        case .table(let table):
            return table.rendered(as: .markdown)
        case .bullets(let items):
            return items.map { "- \(MarkdownText.inline($0))\n" }.joined()
        case .facts(let facts):
            return facts.map { "- **\(MarkdownText.inline($0.term)):** \(MarkdownText.inline($0.detail))\n" }.joined()
        case .heatMap(let map):
            let rows = map.rows.map { row in
                [Table.Cell.text(row.group.map { "\($0): \(row.label)" } ?? row.label)]
                    + row.cells.map { cell -> Table.Cell in
                        switch cell {
                        case .count(let count): return .integer(count)
                        case .notApplicable: return .text("n/a")
                        case .waived(let count): return .text("\(count) (accepted)")
                        }
                    }
            }
            return Table([map.rowTitle] + map.columns, rows: rows).rendered(as: .markdown)
        case .stageMap(let map):
            return map.lanes.map { lane in
                var text = "**\(MarkdownText.inline(lane.name))**"
                if let kind = lane.kind { text += " (\(MarkdownText.inline(kind)))" }
                if let entered = lane.enteredFrom { text += ", entered from \(MarkdownText.inline(entered))" }
                let table = Table(
                    ["stage", "phase", "chance of winning", "owner"],
                    rows: lane.stages.map { stage in
                        [
                            .text(stage.name), .text(stage.phase ?? ""),
                            stage.probability.map { .text("\($0)%") } ?? .empty, .text(stage.owner ?? ""),
                        ]
                    })
                return text + "\n\n" + table.rendered(as: .markdown)
            }.joined(separator: "\n")
        case .bars(let chart):
            return Table([chart.title, ""], rows: chart.bars.map { [.text($0.label), .text($0.shown)] }).rendered(
                as: .markdown)
        }
    }

    /// Each rule that found something, what it checks, and where, by name: the reference a client's
    /// team looks a recommendation up by.
    public var findingBlocks: [ReportBlock] {
        let open = findings.filter(\.isOpen)
        guard !open.isEmpty else { return [.paragraph("None.")] }
        return [
            .table(
                Table(
                    ["rule", "what it checks", "where"],
                    rows: open.map(\.rule).uniqued.map { code in
                        let places = open.filter { $0.rule == code }.map { $0.terms.place ?? names.name(of: $0.target) }
                            .uniqued
                        return [
                            .text(code), .text(rules.first { $0.code == code }?.summary ?? code),
                            .text(ClientText.list(places, limit: 8)),
                        ]
                    }))
        ]
    }

    /// The waived findings with the reason on record and until when.
    public var acceptedBlocks: [ReportBlock] {
        guard !accepted.isEmpty else { return [.paragraph("None.")] }
        return [
            .table(
                Table(
                    ["what", "where", "why it was accepted"],
                    rows: accepted.map { finding in
                        [
                            .text(rules.first { $0.code == finding.rule }?.summary ?? finding.rule),
                            .text(finding.terms.place ?? names.name(of: finding.target)),
                            .text(finding.waivedBecause ?? ""),
                        ]
                    }))
        ]
    }

    /// Every finding with its rule, target and line, then what each rule checks and where it comes from.
    public var technicalBlocks: [ReportBlock] {
        let table = Table(
            ["rule", "severity", "target", "line", "finding"],
            rows: findings.map { finding in
                [
                    .code(finding.rule), .text(finding.severity.rawValue + (finding.isOpen ? "" : " (not counted)")),
                    .code(finding.target),
                    finding.location.map { .integer($0.line) } ?? .empty, .text(finding.message),
                ]
            })
        var blocks: [ReportBlock] = [.table(table)]
        for code in findings.map(\.rule).uniqued {
            guard let rule = rules.first(where: { $0.code == code }) else { continue }
            blocks.append(.heading("\(code) — \(rule.summary)"))
            blocks.append(
                .facts([
                    Fact("What it checks", rule.explanation.what), Fact("Why", rule.explanation.why),
                    Fact("Fix", rule.explanation.fix),
                ]))
        }
        return blocks
    }
}
