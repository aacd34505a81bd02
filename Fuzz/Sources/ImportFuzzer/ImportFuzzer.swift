import LockstepCore
import LockstepLeads
import LockstepMarketing
import LockstepShell
import LockstepStages

// libFuzzer entry point: random and mutated content inventories go through `import activities
// --dry-run` on a small workbook. Nothing may crash or hang. Built and run by Fuzz/run.sh.
#if canImport(Glibc)
import Glibc
#endif

private let folder = "/tmp/lockstep-fuzz-import-\(getpid())"
private let registry = PluginRegistry([LeadsPlugin(), StagesPlugin(), MarketingPlugin()])
private let workbook = """
    lockstep: 1
    plugins: [stages, marketing]
    processes:
      - id: new-business
        stages:
          - { id: discovery, name: Discovery, phase: consideration }
          - { id: proposal, name: Needs Analysis, phase: decision }
    personas:
      - { id: cfo, name: Chief Financial Officer, role: economic-buyer }
    activities:
      - { id: guide, name: Guide, kind: content, stages: [discovery] }
    """

private let prepared: Bool = {
    mkdir(folder, 0o700)
    let fd = open(folder + "/wb.yaml", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    _ = Array(workbook.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    return true
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = prepared
    let fd = open(folder + "/inventory.csv", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    _ = write(fd, data, size)
    close(fd)
    let session = Session(registry: registry, output: BufferedOutput())
    let reader = ScriptedLineReader(["open \(folder)/wb.yaml", "import activities \(folder)/inventory.csv --dry-run"])
    _ = Shell(session: session, reader: reader, keepGoing: true).run()
    return 0
}
