/// One cell of a plugin's coverage matrix: how many items support a row (a stage) for a column
/// (a buyer role). `lockstep diff` reports the cells that became empty or filled.
public struct CoverageCell: Hashable, Sendable {
    public var row: String
    public var column: String
    public var count: Int

    public init(row: String, column: String, count: Int) {
        self.row = row
        self.column = column
        self.count = count
    }
}

/// A plugin's coverage matrix: what its rows and columns are, and its cells.
public struct CoverageMatrix: Sendable {
    /// What a row and a column are, as a reader names them (`stage`, `role`).
    public var rowTitle: String
    public var columnTitle: String
    public var cells: [CoverageCell]

    public init(rowTitle: String, columnTitle: String, cells: [CoverageCell]) {
        self.rowTitle = rowTitle
        self.columnTitle = columnTitle
        self.cells = cells
    }
}
