import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Work over many items split into consecutive parts, one per core, when there is enough of it.
public enum ParallelParts {
    /// The cores this process may run on.
    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `body` on consecutive parts of `0..<count`, the parts run in parallel; their results in
    /// order. One part (run on the calling thread) when each part would hold fewer than
    /// `minimumPerPart` items: starting threads costs more than small work saves.
    public static func map<Result: Sendable>(_ count: Int, minimumPerPart: Int = 4_000,
                                             _ body: @Sendable (Range<Int>) -> Result) -> [Result] {
        let parts = min(processorCount, count / max(1, minimumPerPart))
        if parts <= 1 { return [body(0..<count)] }
        let results = Results<Result>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            results.set(part, body((count * part / parts)..<(count * (part + 1) / parts)))
        }
        return results.values.map { $0! }
    }

    /// `body` for each of `0..<count`, handed to the cores as they come free (for tasks of
    /// uneven size); the results in order.
    public static func each<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        if count <= 1 || processorCount == 1 { return (0..<count).map(body) }
        let results = Results<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, body(index)) }
        return results.values.map { $0! }
    }

    /// `first` and `second` at once, on two cores.
    public static func pair<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                               _ second: @Sendable () -> Second) -> (First, Second) {
        let results = Results<Either<First, Second>>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            results.set(part, part == 0 ? .first(first()) : .second(second()))
        }
        guard case .first(let one)? = results.values[0], case .second(let two)? = results.values[1] else {
            preconditionFailure("each of the two parts stores its own result")
        }
        return (one, two)
    }

    private enum Either<First: Sendable, Second: Sendable>: Sendable {
        case first(First)
        case second(Second)
    }

    /// Each part writes its own slot, under a lock.
    private final class Results<Value>: @unchecked Sendable {
        private let lock = NSLockLike()
        private(set) var values: [Value?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) { lock.locked { values[index] = value } }
    }
}
