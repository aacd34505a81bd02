import LockstepCore
import LockstepLeads
import LockstepMarketing
import LockstepShell
import LockstepStages

// Tab completion on a large workbook (its path the first argument; `benchmarks/completion.sh`
// gives it the 20,000-activity benchmark workbook): the median time of one Tab, over 30, for
// several kinds of argument. The script prints them beside bash's own `compgen -W` filtering the
// same activity ids. Target: <= 5 ms per Tab.
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

guard CommandLine.arguments.count > 1 else {
    print("usage: CompletionBenchmark WORKBOOK")
    exit(2)
}
let session = Session(
    registry: PluginRegistry([LeadsPlugin(), StagesPlugin(), MarketingPlugin()]), output: BufferedOutput())
do {
    try session.open(CommandLine.arguments[1])
} catch {
    print("cannot open the workbook: \(error)")
    exit(2)
}
let completer = Completer(session: session)
let lines = [
    "show activity-123", "activity map activity-1 --stage process-1/stage-1", "edit activity activity-99",
    "find activities where k", "explain MK00",
]
for line in lines {
    var times: [Double] = []
    var found = 0
    for _ in 0..<30 {
        let start = now()
        found = completer.complete(line).candidates.count
        times.append(now() - start)
    }
    let median = times.sorted()[times.count / 2] * 1000
    // "LINE<TAB>FOUND<TAB>MS" for the script to lay out.
    print("\(line)\t\(found)\t\((median * 100).rounded() / 100)")
}

// The first Tab after a change: whatever completion keeps must be made again for the new state.
var afterEdit: [Double] = []
for round in 0..<15 {
    try? session.edit("edit activity activity-1 name") { workbook in
        workbook.rewriteReferences { _, id in id }
        workbook.name = "Round \(round)"
    }
    let start = now()
    _ = completer.complete("show activity-123")
    afterEdit.append(now() - start)
}
print(
    "first Tab after an edit: show activity-123\t111\t\((afterEdit.sorted()[afterEdit.count / 2] * 100_000).rounded() / 100)"
)
