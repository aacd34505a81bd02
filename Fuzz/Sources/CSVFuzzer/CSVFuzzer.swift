import LockstepCore

// libFuzzer entry point: random and mutated CSV exports go through the column loader, once by
// one worker, once split between four, and once by one worker reading every record byte by
// byte; nothing may crash, and all must agree on every row count and bad line, and the fast
// path and the byte-by-byte reader on every value. Built and run by Fuzz/run.sh.
#if canImport(Glibc)
import Glibc
#endif

private let path = "/tmp/lockstep-fuzz-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    _ = write(fd, data, size)
    close(fd)
    let requests = [
        ColumnRequest(field: "n", column: 0, type: .number), ColumnRequest(field: "d", column: 1, type: .date),
        ColumnRequest(field: "s", column: 2, type: .string), ColumnRequest(field: "b", column: 3, type: .bool),
    ]
    var one = ColumnLoadOptions()
    one.threads = 1
    var four = ColumnLoadOptions()
    four.threads = 4
    four.minimumBytesPerWorker = 1
    var reference = one
    reference.byteByByte = true
    let whole = try? ColumnLoader.load(path: path, requests: requests, options: one)
    let split = try? ColumnLoader.load(path: path, requests: requests, options: four)
    let byteByByte = try? ColumnLoader.load(path: path, requests: requests, options: reference)
    if (whole == nil) != (byteByByte == nil) || whole?.badRows != byteByByte?.badRows
        || whole.map({ values($0.frame) }) != byteByByte.map({ values($0.frame) })
    {
        fatalError(
            "the fast path and the byte-by-byte reader disagree on \(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self).debugDescription)"
        )
    }
    if (whole == nil) != (split == nil) || whole?.frame.count != split?.frame.count
        || whole?.badRowCount != split?.badRowCount
        || whole?.badRows.map(\.line) != split?.badRows.map(\.line)
    {
        fatalError(
            "one worker and four disagree on \(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self).debugDescription)"
        )
    }
    return 0
}

/// Every loaded value as text, column by column, so that two loads compare (NaN included).
private func values(_ frame: Frame) -> [String] {
    frame.columns.keys.sorted().map { field in
        switch frame.columns[field] {
        case .number(let numbers)?, .date(let numbers)?: return numbers.map { "\($0)" }.joined(separator: ",")
        case .bool(let flags)?: return flags.map { "\($0)" }.joined(separator: ",")
        case .string(let codes, let strings)?:
            return codes.map { $0 < 0 ? "-" : strings[Int($0)] }.joined(separator: "\u{1}")
        default: return "?"
        }
    }
}
