import Foundation
import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// One external plugin's process: started on first use, asked one question at a time, each
/// answer awaited for at most `timeout` seconds and `maximumLine` bytes, and restarted on the next
/// call once it died. Nothing it does (crash, hang, garbage, megabytes) reaches the shell as more
/// than a `Failure` naming the call and the tail of what it wrote to standard error.
///
/// Why posix_spawn and poll rather than swift-subprocess: the calls are synchronous, each with a
/// deadline, and the process lives across calls; the package's API is async and one-shot.
final class PluginProcess: @unchecked Sendable {
    struct Failure: Error {
        let reason: String
        /// The end of what the plugin wrote to standard error, for the message.
        let stderrTail: String
    }

    let executable: String
    let folder: String
    /// The variables the plugin sees: a bare PATH and locale, and those the workbook allows.
    private(set) var environment: [String: String]
    private(set) var timeout: Double
    let maximumLine: Int

    private let lock = NSLockLike()
    private var child: pid_t = 0
    private var input: Int32 = -1
    private var output: Int32 = -1
    private var errors: Int32 = -1
    private var pending: [UInt8] = []
    private var stderrTail: [UInt8] = []
    private var nextID = 1
    /// Why the last call failed, until one succeeds.
    private var lastFailure: String?

    /// In words, for `plugins`: running, not started yet, or stopped after a failure.
    var state: String {
        lock.locked {
            if child != 0 { return "running" }
            return lastFailure.map { "stopped after a failure (\($0)); starts again on next use" } ?? "not started yet"
        }
    }

    init(
        executable: String, folder: String, environment: [String: String], timeout: Double, maximumLine: Int = 16 << 20
    ) {
        self.executable = executable
        self.folder = folder
        self.environment = environment
        self.timeout = timeout
        self.maximumLine = maximumLine
    }

    deinit { stop() }

    /// Sets what the workbook allows before a call; a running process that was started with
    /// other variables is stopped, so the next call starts it with these.
    func configure(environment: [String: String], timeout: Double) {
        lock.locked {
            self.timeout = timeout
            guard environment != self.environment else { return }
            self.environment = environment
            stop()
        }
    }

    /// Sends `method` with `params` and decodes the result.
    func call<Params: Encodable, Result: Decodable>(
        _ method: String, _ params: Params, as type: Result.Type
    ) throws(Failure) -> Result {
        let encoded: Data
        do {
            encoded = try JSONEncoder().encode(params)
        } catch {
            throw Failure(reason: "cannot encode the request: \(error)", stderrTail: "")
        }
        return try call(method, json: Array(encoded), as: type)
    }

    /// Sends `method` with its params already written as JSON (a large workbook's model is
    /// written by `ModelJSON`, faster than `JSONEncoder`).
    func call<Result: Decodable>(_ method: String, json params: [UInt8], as type: Result.Type) throws(Failure) -> Result
    {
        var outcome: Swift.Result<Result, Failure>?
        lock.locked {
            outcome = Swift.Result { () throws(Failure) -> Result in try exchange(method, params, as: type) }
        }
        return try outcome!.get()
    }

    /// One request and its answer; under the lock.
    private func exchange<Result: Decodable>(
        _ method: String, _ params: [UInt8], as: Result.Type
    ) throws(Failure) -> Result {
        do throws(Failure) {
            if child == 0 { try start() }
            let id = nextID
            nextID += 1
            var request = Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":"#.utf8)
            request += params
            request += Array("}\n".utf8)
            try write(request)
            let line = try readLine()
            let response: PluginProtocol.Response<Result>
            do {
                response = try JSONDecoder().decode(PluginProtocol.Response<Result>.self, from: Data(line))
            } catch {
                throw Failure(
                    reason:
                        "it answered with something that is not a protocol message (\(Sanitized.excerpt(String(decoding: line.prefix(80), as: UTF8.self), limit: 80)))",
                    stderrTail: tail)
            }
            if let error = response.error {
                throw Failure(
                    reason: "it reported an error: \(Sanitized.excerpt(error.message, limit: 200))", stderrTail: tail)
            }
            guard response.id == id, let result = response.result else {
                throw Failure(
                    reason: "its answer does not match the request (id \(response.id.map(String.init) ?? "none"))",
                    stderrTail: tail)
            }
            lastFailure = nil
            return result
        } catch {
            // Whatever went wrong, the next call starts a fresh process.
            stop()
            lastFailure = error.reason
            throw error
        }
    }

    /// The last lines the plugin wrote to standard error, as written (the message shows them safely).
    private var tail: String { String(decoding: stderrTail.suffix(600), as: UTF8.self) }

    private func start() throws(Failure) {
        // `env -C` starts the plugin in the workbook's folder (posix_spawn's chdir action is a
        // GNU extension Swift's Glibc module does not show).
        let started: ChildProcess.Spawned
        do throws(ChildProcess.Failure) {
            started = try ChildProcess.spawn(["/usr/bin/env", "-C", folder, executable], environment: environment)
        } catch {
            guard case .cannotStart(let reason) = error else {
                throw Failure(reason: "cannot start it", stderrTail: "")
            }
            throw Failure(reason: "cannot start it: \(reason)", stderrTail: "")
        }
        let pid = started.pid
        child = pid
        input = started.input
        output = started.output
        errors = started.errors
        for fd in [output, errors] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        pending = []
        stderrTail = []
    }

    /// Closes the plugin's input and waits for it to end; false when it was still running after
    /// `seconds`, nil when no process runs (it was stopped after a failed call).
    func closeAndWait(seconds: Double) -> Bool? {
        lock.locked {
            guard child != 0 else { return nil }
            close(input)
            input = -1
            let deadline = ChildProcess.now() + seconds
            var status: Int32 = 0
            while ChildProcess.now() < deadline {
                if waitpid(child, &status, WNOHANG) == child {
                    child = 0
                    for fd in [output, errors] where fd >= 0 { close(fd) }
                    output = -1
                    errors = -1
                    return true
                }
                usleep(10_000)
            }
            return false
        }
    }

    /// Ends the process (it is asked nothing more) and forgets it.
    func stop() {
        guard child != 0 else { return }
        for fd in [input, output, errors] where fd >= 0 { close(fd) }
        kill(child, SIGKILL)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        child = 0
        input = -1
        output = -1
        errors = -1
    }

    private func write(_ bytes: [UInt8]) throws(Failure) {
        let deadline = ChildProcess.now() + timeout
        var written = 0
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
            if count > 0 {
                written += count
                continue
            }
            if count < 0, errno != EAGAIN, errno != EINTR {
                throw Failure(reason: "it stopped reading (\(FileSystem.lastError()))", stderrTail: tail)
            }
            try wait(for: input, events: Int16(POLLOUT), until: deadline, doing: "reading its request")
        }
    }

    /// The next line the plugin writes, its standard error drained meanwhile.
    private func readLine() throws(Failure) -> [UInt8] {
        let deadline = ChildProcess.now() + timeout
        var buffer = [UInt8](repeating: 0, count: 65_536)
        // Only the bytes not looked at yet are searched for the line's end: a plugin writing
        // megabytes without one must meet the size limit, not a quadratic search.
        var searched = 0
        while true {
            if let newline = pending[searched...].firstIndex(of: 0x0A) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                return line
            }
            searched = pending.count
            if pending.count > maximumLine {
                throw Failure(
                    reason: "it wrote more than \(maximumLine / 1_048_576) MB without ending a message",
                    stderrTail: tail)
            }
            try wait(for: output, events: Int16(POLLIN), until: deadline, doing: "answering")
            let count = read(output, &buffer, buffer.count)
            if count > 0 {
                pending += buffer[..<count]
            } else if count == 0 {
                // A program closes its output as it exits: give it a moment to be gone, so its
                // status and its last words on standard error are known.
                var status: Int32 = 0
                var exited = false
                let grace = ChildProcess.now() + 2
                while !exited, ChildProcess.now() < grace {
                    exited = waitpid(child, &status, WNOHANG) == child
                    if !exited { usleep(5_000) }
                }
                drainErrors()
                let how =
                    !exited
                    ? "is still running"
                    : status & 0x7f == 0
                        ? "exited with status \((status >> 8) & 0xff)" : "was killed by signal \(status & 0x7f)"
                if exited {
                    // Reaped here: forget it, so a later stop() never signals a reused process id.
                    for fd in [input, output, errors] where fd >= 0 { close(fd) }
                    (input, output, errors, child) = (-1, -1, -1, 0)
                }
                throw Failure(reason: "it closed its output (it \(how))", stderrTail: tail)
            }
        }
    }

    /// Waits until `fd` is ready, reading standard error as it comes; a timeout past `deadline`.
    private func wait(for fd: Int32, events: Int16, until deadline: Double, doing what: String) throws(Failure) {
        while true {
            let left = deadline - ChildProcess.now()
            guard left > 0 else {
                throw Failure(
                    reason: "it did not finish \(what) within \(Self.seconds(timeout)) (the plugin's timeout)",
                    stderrTail: tail)
            }
            var fds = [
                pollfd(fd: fd, events: events, revents: 0), pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, Int32(min(left * 1000, 1000)))
            if ready < 0, errno == EINTR { continue }
            if fds[1].revents != 0 { drainErrors() }
            if fds[0].revents != 0 { return }
        }
    }

    private func drainErrors() {
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = read(errors, &buffer, buffer.count)
            guard count > 0 else { return }
            stderrTail += buffer[..<count]
            if stderrTail.count > 8192 { stderrTail.removeFirst(stderrTail.count - 4096) }
        }
    }

    static func seconds(_ value: Double) -> String { value == value.rounded() ? "\(Int(value)) s" : "\(value) s" }
}
