/// A listing every output format can render: a table on a terminal, csv, json or markdown.
public struct Table: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// One value; numbers stay numbers in json, `highlighted` marks a gap on a colour terminal.
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// Text that is a name to type (a command's option): set as code where the format has it.
        case code(String)
        case integer(Int)
        case number(Double)
        case empty

        public var text: String {
            switch self {
            case .text(let text), .code(let text): return text
            case .integer(let value): return String(value)
            case .number(let value):
                return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
            case .empty: return ""
            }
        }
    }

    public var columns: [Column]
    public var rows: [[Cell]]
    /// Cells to draw attention to (row, column), e.g. empty cells of a coverage matrix.
    public var highlighted: Set<[Int]>

    public init(columns: [Column], rows: [[Cell]] = [], highlighted: Set<[Int]> = []) {
        self.columns = columns
        self.rows = rows
        self.highlighted = highlighted
    }

    /// Columns whose cells are all numbers (or empty) are right-aligned.
    public init(_ titles: [String], rows: [[Cell]]) {
        let columns = titles.enumerated().map { index, title in
            let cells = rows.compactMap { index < $0.count ? $0[index] : nil }.filter { $0 != .empty }
            let numeric = !cells.isEmpty && cells.allSatisfy { switch $0 { case .text, .code: return false; default: return true } }
            return Column(title, alignment: numeric ? .right : .left)
        }
        self.init(columns: columns, rows: rows)
    }
}

extension Table.Cell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
}
