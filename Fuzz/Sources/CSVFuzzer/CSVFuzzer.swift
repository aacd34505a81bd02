import LockstepCore

// libFuzzer entry point: random and mutated CSV exports go through the column loader, once by
// one worker and once split between four; nothing may crash, and both must agree on every
// row count and bad line. Built and run by Fuzz/run.sh.
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
    let whole = try? ColumnLoader.load(path: path, requests: requests, options: one)
    let split = try? ColumnLoader.load(path: path, requests: requests, options: four)
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
