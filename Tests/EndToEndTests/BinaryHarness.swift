import Foundation
import TestSupport

let repositoryRoot = TestSupport.repositoryRoot
let exampleWorkbook = repositoryRoot.appendingPathComponent("examples/acme.yaml").path

/// The `lockstep` executable built beside the test bundle.
let lockstepBinary: String = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lockstep").path
    if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
    return repositoryRoot.appendingPathComponent(".build/debug/lockstep").path
}()

/// A state folder for the binaries the tests run, never the user's own.
let testStateFolder: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-state-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
}()

/// Runs the real binary with `arguments`, optional standard input, in `folder`.
func runLockstep(_ arguments: [String], input: String? = nil, in folder: String? = nil,
                 environment: [String: String] = [:]) throws -> ProcessResult {
    // Every run takes the tests' day as today and keeps its history and journals in the tests'
    // own state folder, unless a test says otherwise.
    try runProgram(lockstepBinary, arguments, input: input, in: folder,
                   environment: ["SOURCE_DATE_EPOCH": TestSupport.sourceDateEpoch, "XDG_STATE_HOME": testStateFolder]
                    .merging(environment) { $1 })
}

/// Runs a program (tmux) to its end and returns what it printed.
///
/// Spawned directly, with output to a file rather than a pipe: a tmux client that starts
/// the server hands it its descriptors, so reading a pipe to its end would wait for the server.
@discardableResult
func run(_ program: String, _ arguments: [String]) throws -> String {
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-run-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    // The test runner's threads block most signals, and a child inherits that mask: without a
    // clean one, tmux and the shell under it would never see SIGHUP or SIGTERM and outlive the test.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
}

/// A workbook naming the faulty test plugin (Tests/Support/faulty_plugin.py) under `mode`'s name,
/// with `settings` for it, in a fresh folder: how the plugin tests make a plugin fail on purpose.
func faulty(_ mode: String, settings: String = "") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-faulty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
        atPath: folder.appendingPathComponent("\(mode).py").path,
        withDestinationPath: repositoryRoot.appendingPathComponent("Tests/Support/faulty_plugin.py").path)
    let workbook = folder.appendingPathComponent("workbook.yaml")
    try "lockstep: 1\nplugins: [stages, ./\(mode).py]\n\(settings)processes:\n  - id: nb\n    stages: [{ id: discovery }]\n"
        .write(to: workbook, atomically: true, encoding: .utf8)
    return workbook.path
}
