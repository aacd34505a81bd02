// libFuzzer entry point: random and mutated workbooks go through the reader of every plugin.
// Nothing may crash; a workbook that loads is checked, and saved with its layout kept, and the
// saved text must read back as the same workbook. Built and run by Fuzz/run.sh.
import LockstepCore
import LockstepLeads
import LockstepMarketing
import LockstepStages

private let registry = PluginRegistry([LeadsPlugin(), StagesPlugin(), MarketingPlugin()])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let loader = WorkbookLoader(registry: registry)
    guard let workbook = try? loader.decode(bytes, file: "fuzz.yaml") else { return 0 }
    let checks = workbook.runnableChecks(plugins: workbook.plugins.compactMap(registry.plugin(named:)))
    _ = CheckRunner(checks: checks).run(workbook, context: CheckContext(today: Day(daysSinceEpoch: 20_500)))
    let encoder = WorkbookEncoder(registry: registry, wholeCheckLimit: 0)
    let (saved, _, node) = encoder.encode(workbook, keeping: WorkbookText(bytes: bytes, workbook: workbook))
    guard let reread = try? loader.decode(saved, file: "fuzz.yaml"), encoder.node(reread) == node else {
        fatalError(
            "a save of a loaded workbook does not read back as it: \(String(decoding: bytes, as: UTF8.self).debugDescription)"
        )
    }
    return 0
}
