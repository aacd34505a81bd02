import Dispatch
import LockstepCore

/// The workbook's lead definitions applied to a loaded export: which rows meet each stage's
/// criteria, where the CRM put them, and when they were handed over and first touched.
struct LeadMeasures {
    let leads: LeadsSection
    let dataset: LeadDataset
    /// Per lead stage, in order: whether each row meets its criteria.
    let meets: [[Bool]]

    /// `cores`: how many cores may evaluate the criteria; a streamed batch is measured on the
    /// worker that read it, while the other workers read on, so it takes one.
    init(
        leads: LeadsSection, dataset: LeadDataset, today: Day, cores: Int = ParallelParts.processorCount
    )
        throws(CommandError)
    {
        self.leads = leads
        self.dataset = dataset
        let checker = ExpressionChecker(schema: leads.expressionSchema)
        var meets: [[Bool]] = []
        // Each stage's answer joins the frame as a column, for later stages that name it.
        var frame = dataset.frame
        for stage in leads.stages {
            guard let criteria = stage.criteria else {
                meets.append(Array(repeating: true, count: dataset.rowCount))
                continue
            }
            let checked: CheckedExpression
            do throws(ExpressionError) {
                checked = try checker.checkCondition(criteria.value, named: stage.id)
            } catch {
                throw CommandError.input(
                    "the criteria of lead stage '\(stage.id)' do not check: \(error.message)",
                    fix: "'check' shows where; fix them with 'lead criteria \(stage.id) EXPRESSION'")
            }
            let absent = checked.types.keys.filter { dataset.frame.columns[$0] == nil }.sorted()
            if let field = absent.first {
                throw CommandError.input(
                    "the criteria of lead stage '\(stage.id)' use field '\(field)', which \(dataset.plan.path) has no column for",
                    fix: "map it: add `columns: { \(field): COLUMN }` under leads.data ('data' shows the mapping)")
            }
            let written = checked.keepingReferences
            let answered = written.root.names.allSatisfy { frame.columns[$0] != nil }
            let condition = CompiledCondition(answered ? written : checked, over: frame, today: today)
            let answers = Self.evaluate(condition, rows: dataset.rowCount, cores: cores)
            // A field of the same name keeps its column: the checker reads such a name as the field too.
            if dataset.frame.columns[stage.id] == nil { frame.columns[stage.id] = .bool(answers.map { $0 ? 1 : 0 }) }
            meets.append(answers)
        }
        self.meets = meets
    }

    /// The condition on every row, the rows split between `cores` cores.
    private static func evaluate(_ condition: CompiledCondition, rows: Int, cores: Int) -> [Bool] {
        let parts = rows < 100_000 ? 1 : max(1, cores)
        return [Bool](unsafeUninitializedCapacity: rows) { buffer, initialized in
            nonisolated(unsafe) let output = buffer
            // Each part writes its own rows of the buffer; the condition only reads the frame.
            nonisolated(unsafe) let condition = condition
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = (rows * part / parts)..<(rows * (part + 1) / parts)
                condition.answers(range, into: UnsafeMutableBufferPointer(rebasing: output[range]))
            }
            initialized = rows
        }
    }

    /// The lead stage index the CRM recorded for each row, -1 for a value no stage claims,
    /// -2 when the export has no stage column.
    var recordedStage: [Int] {
        guard case .string(let codes, let values)? = dataset.frame.columns[LeadDataPlan.stageField] else {
            return Array(repeating: -2, count: dataset.rowCount)
        }
        let stageOfValue = values.map { value in
            let normalized = LeadDataPlan.normalized(value)
            return leads.stages.firstIndex { dataset.plan.stageValues[$0.id] == normalized } ?? -1
        }
        return codes.map { $0 < 0 ? -1 : stageOfValue[Int($0)] }
    }

    /// The date column recording when a row entered `stage`, if the data settings name one.
    func enteredColumn(of stage: LeadStage) -> [Double]? {
        guard let field = leads.data?.entered.first(where: { $0.key.value == stage.id })?.value.value,
            case .date(let days)? = dataset.frame.columns[field]
        else { return nil }
        return days
    }

    var firstTouchColumn: [Double]? {
        guard let field = leads.data?.firstTouch?.value, case .date(let days)? = dataset.frame.columns[field] else {
            return nil
        }
        return days
    }

    /// Each row's owner, when the export has an owner column.
    var owners: (codes: [Int32], names: [String])? {
        guard case .string(let codes, let names)? = dataset.frame.columns[LeadDataPlan.ownerField] else { return nil }
        return (codes, names)
    }
}
