import Dispatch
import LockstepCore

/// One block as the templates read it: exactly one of the optionals is set.
struct BlockView {
    var paragraph: String?
    var heading: String?
    var table: TableView?
    var heatMap: HeatMapView?
    var stageMap: StageMapView?
    var chart: BarsView?
    var facts: FactsView?
    var bullets: BulletsView?

    init(_ block: ReportBlock) {
        switch block {
        case .paragraph(let text): paragraph = text
        case .heading(let text): heading = text
        case .table(let table): self.table = TableView(table)
        case .heatMap(let map): heatMap = HeatMapView(map)
        case .stageMap(let map): stageMap = StageMapView(map)
        case .bars(let chart): self.chart = BarsView(chart)
        case .facts(let facts): self.facts = FactsView(items: facts)
        case .bullets(let items): bullets = BulletsView(items: items)
        }
    }
}

struct FactsView {
    let items: [Fact]
}

struct BulletsView {
    let items: [String]
}

struct TableView {
    struct Header {
        let title: String
        let numeric: Bool
    }

    /// A cell's text and its class: `num` (right-aligned), `code` (a name to type) or none. One
    /// value rather than sections per cell keeps a large inventory quick to render.
    struct Cell {
        let text: String
        let style: String
    }

    struct Row {
        let cells: [Cell]
    }

    /// Rows rendered by the `rows` template (so escaped like every value), in parts rendered on
    /// every core: a 20,000-row inventory is most of a large report's rendering time.
    struct Rendered {
        let html: String
    }

    let headers: [Header]
    let rendered: [Rendered]

    init(_ table: Table) {
        headers = table.columns.map { Header(title: $0.title, numeric: $0.alignment == .right) }
        let rows = table.rows.map { row in
            Row(
                cells: row.enumerated().map { index, cell in
                    if case .code = cell { return Cell(text: cell.text, style: "code") }
                    return Cell(
                        text: cell.text,
                        style: index < table.columns.count && table.columns[index].alignment == .right ? "num" : "")
                })
        }
        rendered = ParallelParts.map(rows.count, minimumPerPart: 2_000) { part in
            Rendered(html: HTMLReport.library.render(RowsView(rows: Array(rows[part])), withTemplate: "rows") ?? "")
        }
    }

    struct RowsView {
        let rows: [Row]
    }
}

/// Each cell with its class (`gap`, `c1`…`c4`, `na`, `accepted`) and its text: colour never
/// carries meaning alone, every cell says its number or what it is.
struct HeatMapView {
    struct Cell {
        let text: String
        let level: String
    }

    struct Row {
        let group: String?
        let label: String
        let cells: [Cell]
    }

    let title: String
    let rowTitle: String
    let unit: String
    let columns: [String]
    let rows: [Row]
    /// Columns a group's heading row spans.
    let span: Int

    init(_ map: HeatMap) {
        span = map.columns.count + 1
        title = map.title
        rowTitle = map.rowTitle
        unit = map.unit
        columns = map.columns
        var previous: String?
        rows = map.rows.map { row in
            // The group (a process) is named on its first row only.
            let group = row.group == previous ? nil : row.group
            previous = row.group
            return Row(group: group, label: row.label, cells: row.cells.map { Self.cell($0, zeroIsGap: map.zeroIsGap) })
        }
        zeroIsGap = map.zeroIsGap
    }

    let zeroIsGap: Bool

    static func cell(_ cell: HeatMap.Cell, zeroIsGap: Bool) -> Cell {
        switch cell {
        case .count(0): return Cell(text: "0", level: zeroIsGap ? "gap" : "none")
        case .count(let count): return Cell(text: "\(count)", level: "c\(min(count, 4))")
        case .notApplicable: return Cell(text: "n/a", level: "na")
        case .waived(let count): return Cell(text: "\(count) accepted", level: "accepted")
        }
    }
}

struct StageMapView {
    struct Stage {
        let name: String
        let phase: String?
        let probability: String?
        let owner: String?
    }

    struct Lane {
        let name: String
        let kind: String?
        let enteredFrom: String?
        let stages: [Stage]
    }

    let lanes: [Lane]

    init(_ map: StageMap) {
        lanes = map.lanes.map { lane in
            Lane(
                name: lane.name, kind: lane.kind, enteredFrom: lane.enteredFrom,
                stages: lane.stages.map { stage in
                    Stage(
                        name: stage.name, phase: stage.phase, probability: stage.probability.map { "\($0)% to win" },
                        owner: stage.owner)
                })
        }
    }
}

/// Bars as SVG geometry: the longest bar spans the chart, labels on the left, values on the right.
struct BarsView {
    struct Bar {
        let label: String
        let shown: String
        let y: Int
        let textY: Int
        let width: Int
        let valueX: Int
    }

    static let labelWidth = 180, barArea = 360, rowHeight = 28

    let title: String
    let bars: [Bar]
    let height: Int
    let width = BarsView.labelWidth + BarsView.barArea + 120
    let barX = BarsView.labelWidth
    let labelX = BarsView.labelWidth - 8

    init(_ chart: BarChart) {
        title = chart.title
        let largest = chart.bars.map(\.value).max() ?? 0
        bars = chart.bars.enumerated().map { index, bar in
            let width = largest > 0 ? Int((bar.value / largest * Double(Self.barArea)).rounded()) : 0
            let drawn = max(width, bar.value > 0 ? 2 : 0)
            return Bar(
                label: bar.label, shown: bar.shown, y: index * Self.rowHeight + 4, textY: index * Self.rowHeight + 19,
                width: drawn, valueX: Self.labelWidth + drawn + 6)
        }
        height = chart.bars.count * Self.rowHeight + 8
    }
}
