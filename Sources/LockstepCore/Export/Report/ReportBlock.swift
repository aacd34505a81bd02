/// One piece of a report section, as data: each writer (Markdown, HTML) renders it its own way,
/// and every string in it is client text that a writer escapes, never markup.
public enum ReportBlock: Sendable {
    case paragraph(String)
    /// A heading inside a section (a process's name above its stage map).
    case heading(String)
    case table(Table)
    case heatMap(HeatMap)
    case stageMap(StageMap)
    case bars(BarChart)
    /// Terms and what they mean ("Basis of innovation: client business impact").
    case facts([Fact])
    case bullets([String])
}

public struct Fact: Sendable, Equatable {
    public var term: String
    public var detail: String

    public init(_ term: String, _ detail: String) {
        self.term = term
        self.detail = detail
    }
}

/// Rows × columns of counts, coloured by how well each cell is covered: a gap (0) stands out,
/// and cells that are not applicable or accepted as they are say so instead of counting as gaps.
public struct HeatMap: Sendable {
    public enum Cell: Sendable, Equatable {
        case count(Int)
        /// The column takes no part in the row (a buying role at a stage it does not attend).
        case notApplicable
        /// A decision on record accepts the cell as it is (a waiver), with its count.
        case waived(Int)
    }

    public struct Row: Sendable {
        public var label: String
        /// The group the row belongs to (a stage's process), shown once above its rows.
        public var group: String?
        public var cells: [Cell]

        public init(label: String, group: String? = nil, cells: [Cell]) {
            self.label = label
            self.group = group
            self.cells = cells
        }
    }

    /// What the map shows, e.g. "Buying roles at each stage".
    public var title: String
    /// What a row is ("stage") and what a count counts ("activities").
    public var rowTitle: String
    public var unit: String
    public var columns: [String]
    public var rows: [Row]
    /// Whether a 0 is a gap (a buying role with nothing) or only none (no webinar at this stage).
    public var zeroIsGap: Bool

    public init(title: String, rowTitle: String, unit: String, columns: [String], rows: [Row], zeroIsGap: Bool = true) {
        self.title = title
        self.zeroIsGap = zeroIsGap
        self.rowTitle = rowTitle
        self.unit = unit
        self.columns = columns
        self.rows = rows
    }

    /// Every cell that counts toward coverage, and those that are gaps.
    public var gapCount: Int { zeroIsGap ? rows.reduce(0) { $0 + $1.cells.filter { $0 == .count(0) }.count } : 0 }
}

/// Processes as rows of stages in order, each with its phase and the chance of winning from it.
public struct StageMap: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var phase: String?
        /// Win probability in percent.
        public var probability: Int?
        public var owner: String?

        public init(name: String, phase: String?, probability: Int?, owner: String?) {
            self.name = name
            self.phase = phase
            self.probability = probability
            self.owner = owner
        }
    }

    public struct Lane: Sendable {
        public var name: String
        /// What kind of process it is, in words ("new business", "customer").
        public var kind: String?
        /// What enters it ("MQL → SQL hand-off"), when known.
        public var enteredFrom: String?
        public var stages: [Stage]

        public init(name: String, kind: String?, enteredFrom: String? = nil, stages: [Stage]) {
            self.name = name
            self.kind = kind
            self.enteredFrom = enteredFrom
            self.stages = stages
        }
    }

    public var lanes: [Lane]

    public init(lanes: [Lane]) { self.lanes = lanes }
}

/// Labelled values drawn as horizontal bars (a funnel), each with its value in words.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// The value as printed beside the bar ("1,234 (37.5%)").
        public var shown: String

        public init(label: String, value: Double, shown: String) {
            self.label = label
            self.value = value
            self.shown = shown
        }
    }

    public var title: String
    public var bars: [Bar]

    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }
}
