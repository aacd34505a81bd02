// libFuzzer entry point: random and mutated expressions go through the parser and the checker.
// Nothing may crash, and every failure must be a positioned error inside the expression.
// Built and run by Fuzz/run.sh (Fuzz/Package.swift); not part of the product.
import LockstepCore

/// A schema with a field of every type and named references, some of them cyclic.
private let checker = ExpressionChecker(schema: ExpressionSchema(
    fields: ["score": .number, "country": .string, "title": .string, "budget_confirmed": .bool, "mql_at": .date,
             "first_touch_at": .date, "wait": .duration, "tags": .list, "Lead Source": .string],
    references: ["mql": "score >= 50 and country in [\"US\", \"CA\"]", "sql": "mql and budget_confirmed",
                 "a": "b", "b": "a", "broken": "score >="]))

private let frame: Frame = {
    var country = StringColumnBuilder()
    for value in ["US", nil, "DE"] { country.append(value) }
    return Frame(count: 3, columns: ["score": .number([1, .nan, 80]), "country": country.column,
                                     "budget_confirmed": .bool([1, -1, 0]), "mql_at": .date([20_000, .nan, 20_100]),
                                     "tags": .list([["x"], [], ["y", "x"]])])
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let checked = try checker.checkCondition(source)
        let condition = CompiledCondition(checked, over: frame, today: Day(daysSinceEpoch: 20_500))
        _ = condition.matchingRows(count: frame.count)
    } catch {
        let length = source.count
        if error.offset < 0 || error.offset > length || error.message.isEmpty || error.source != source {
            fatalError("unpositioned error \(error) for \(source.debugDescription)")
        }
    }
    return 0
}
