#if canImport(Glibc)
import Glibc
#endif

/// Runs another program to completion: its input written, its output read up to a limit, and
/// killed when it overruns its time. For the few peers Lockstep hands work to (git for an old
/// revision, Graphviz for SVG, Chromium for PDF).
///
/// Why posix_spawn and poll rather than swift-subprocess: one synchronous, bounded call on a
/// command line that is otherwise synchronous; the package's API is async and would bring its
/// dependencies into the build for these calls.
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var output: [UInt8]
        /// The start of what the program wrote to standard error.
        public var errors: String
    }

    public enum Failure: Error, Equatable {
        case cannotStart(String)
        case outputTooLarge(limit: Int)
        case timedOut(seconds: Int)
    }

    /// The first of `names` found on `PATH`, as a path.
    public static func find(_ names: [String]) -> String? {
        let folders = (FileSystem.environment("PATH") ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders where access("\(folder)/\(name)", X_OK) == 0 { return "\(folder)/\(name)" }
        }
        return nil
    }

    public static func run(
        _ arguments: [String], input: [UInt8] = [], outputLimit: Int, timeout: Int
    ) throws(Failure) -> Result {
        let started = try spawn(arguments)
        let child = started.pid
        var outputFD = started.output, errorsFD = started.errors
        var inputFD: Int32 = started.input
        defer {
            if inputFD >= 0 { close(inputFD) }
            close(outputFD)
            close(errorsFD)
        }
        // A program that exits without reading all its input must not kill us with SIGPIPE; the
        // shell's own disposition comes back afterwards (a closed standard output still ends it).
        let previousPipeHandler = input.isEmpty ? nil : signal(SIGPIPE, SIG_IGN)
        defer { if let previousPipeHandler { signal(SIGPIPE, previousPipeHandler) } }
        if input.isEmpty {
            close(inputFD)
            inputFD = -1
        }
        var output: [UInt8] = [], errors: [UInt8] = [], written = 0
        var failure: Failure?
        var openOutputs = 2
        let deadline = Self.now() + Double(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while openOutputs > 0 || inputFD >= 0 {
            let left = deadline - Self.now()
            guard left > 0 else {
                failure = .timedOut(seconds: timeout)
                break
            }
            var fds = [
                pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errorsFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0),
            ]
            let ready = poll(&fds, 3, Int32(min(left * 1000, 1000)))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            if inputFD >= 0, fds[2].revents != 0 {
                let count = input[written...].withUnsafeBytes { write(inputFD, $0.baseAddress, min($0.count, 65_536)) }
                if count > 0 { written += count }
                if count < 0 && errno != EINTR && errno != EAGAIN || written == input.count {
                    close(inputFD)
                    inputFD = -1
                }
            }
            for (index, fd) in [outputFD, errorsFD].enumerated()
            where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = read(fd, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 {
                    openOutputs -= 1
                    if index == 0 { outputFD = -1 } else { errorsFD = -1 }
                    close(fd)
                    continue
                }
                if index == 0 {
                    output += buffer[..<count]
                    if output.count > outputLimit { failure = .outputTooLarge(limit: outputLimit) }
                } else if errors.count < 4096 {
                    errors += buffer[..<min(count, 4096 - errors.count)]
                }
            }
            if failure != nil { break }
        }
        if failure != nil { kill(child, SIGKILL) }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        if let failure { throw failure }
        let exited = status & 0x7f == 0
        return Result(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output: output,
            errors: String(decoding: errors, as: UTF8.self))
    }

    /// A started program and our ends of its standard input, output and error.
    public struct Spawned: Sendable {
        public let pid: pid_t
        public let input: Int32
        public let output: Int32
        public let errors: Int32
    }

    /// Starts `arguments` (looked for on PATH) with three pipes; `environment` replaces ours when given.
    public static func spawn(_ arguments: [String], environment: [String: String]? = nil) throws(Failure) -> Spawned {
        var stdinPipe: [Int32] = [0, 0], stdoutPipe: [Int32] = [0, 0], stderrPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            throw .cannotStart(FileSystem.lastError())
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        for fd in stdinPipe + stdoutPipe + stderrPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned: Int32
        if envp != nil {
            spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, &envp!)
        } else {
            spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        }
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard spawned == 0 else {
            [stdinPipe[1], stdoutPipe[0], stderrPipe[0]].forEach { close($0) }
            throw .cannotStart(String(cString: strerror(spawned)))
        }
        return Spawned(pid: pid, input: stdinPipe[1], output: stdoutPipe[0], errors: stderrPipe[0])
    }

    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
