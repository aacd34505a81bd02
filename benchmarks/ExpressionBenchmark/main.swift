// Compiled conditions over a million lead rows, beside a hand-written Swift loop over the same
// columns (the cost of the ideal: no interpretation at all). Run by `make bench`.
#if canImport(Glibc)
import Glibc
#endif
import LockstepCore

let rowCount = 1_000_000
let countries = ["US", "CA", "DE", "FR", "GB", "BR", "IN", "JP"]

/// Deterministic synthetic leads.
func makeFrame() -> Frame {
    var state: UInt64 = 42
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
    var score = [Double](), employees = [Double](), mql = [Double](), touch = [Double]()
    var country = StringColumnBuilder(capacity: rowCount)
    for _ in 0..<rowCount {
        score.append(next() % 10 == 0 ? .nan : Double(next() % 100))
        employees.append(Double(next() % 5_000))
        country.append(next() % 20 == 0 ? nil : countries[Int(next() % UInt64(countries.count))])
        let mqlDay = Double(20_400 + Int(next() % 300))
        mql.append(mqlDay)
        touch.append(next() % 4 == 0 ? .nan : mqlDay + Double(next() % 6))
    }
    return Frame(count: rowCount, columns: ["score": .number(score), "employees": .number(employees),
                                            "country": country.column, "mql_at": .date(mql), "first_touch_at": .date(touch)])
}

func milliseconds(_ body: () -> Int) -> (Double, Int) {
    var best = Double.infinity
    var result = 0
    for _ in 0..<5 {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        result = body()
        clock_gettime(CLOCK_MONOTONIC, &end)
        best = min(best, Double(end.tv_sec - start.tv_sec) * 1_000 + Double(end.tv_nsec - start.tv_nsec) / 1_000_000)
    }
    return (best, result)
}

let frame = makeFrame()
let schema = ExpressionSchema(fields: ["score": .number, "employees": .number, "country": .string,
                                       "mql_at": .date, "first_touch_at": .date])
guard case .number(let score) = frame.columns["score"]!, case .number(let employees) = frame.columns["employees"]!,
      case .string(let codes, let values) = frame.columns["country"]!, case .date(let mql) = frame.columns["mql_at"]!,
      case .date(let touch) = frame.columns["first_touch_at"]! else { fatalError("columns") }
let us = Int32(values.firstIndex(of: "US")!), ca = Int32(values.firstIndex(of: "CA")!)

let cases: [(String, () -> Int)] = [
    ("score >= 50 and employees >= 100 and country in [\"US\", \"CA\"]", {
        var count = 0
        for row in 0..<rowCount where score[row] >= 50 && employees[row] >= 100 && (codes[row] == us || codes[row] == ca) { count += 1 }
        return count
    }),
    ("first_touch_at - mql_at > 48h", {
        var count = 0
        for row in 0..<rowCount where (touch[row] - mql[row]) * 86_400 > 172_800 { count += 1 }
        return count
    }),
]

print("condition over \(rowCount) rows (best of 5)".padding(72), "compiled ms", "  native ms", "  ratio", " Mrows/s")
for (source, native) in cases {
    let checked = try! ExpressionChecker(schema: schema).checkCondition(source)
    let compiled = CompiledCondition(checked, over: frame, today: Day(daysSinceEpoch: 20_800))
    let (compiledTime, compiledCount) = milliseconds {
        var count = 0
        for row in 0..<rowCount where compiled.evaluate(row) { count += 1 }
        return count
    }
    let (nativeTime, nativeCount) = milliseconds(native)
    precondition(compiledCount == nativeCount, "compiled \(compiledCount) rows, native \(nativeCount)")
    print(source.padding(72), fixed(compiledTime, 11), fixed(nativeTime, 11), fixed(compiledTime / nativeTime, 7),
          fixed(Double(rowCount) / compiledTime / 1_000, 8))
}

func fixed(_ value: Double, _ width: Int) -> String {
    let text = String(Double(Int(value * 100)) / 100)
    return String(repeating: " ", count: max(0, width - text.count)) + text
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
