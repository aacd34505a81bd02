import Hummingbird
import LockstepCore
import Logging
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// The live view's web server: the page, its script and its event stream, nothing that writes.
///
/// Hummingbird runs it on its own threads; the shell keeps its own and only publishes to the
/// channel. Bound to loopback unless a host is given; then every request must carry the token.
public final class LiveServer: @unchecked Sendable {
    public struct Failure: Error {
        public let message: String
        public let fix: String
    }

    public let channel: LiveChannel
    /// The address the page is at, the token included when one is needed.
    public private(set) var url = ""
    public let host: String
    /// Required in every request when serving beyond loopback; nil on loopback.
    public let token: String?
    private var task: Task<Void, Error>?

    public init(channel: LiveChannel, host: String) {
        self.channel = channel
        self.host = host
        token = Self.isLoopback(host) ? nil : Self.randomToken()
    }

    /// The path the page loads its script from (with the token, where one is needed).
    public var scriptPath: String { "/live.js" + (token.map { "?token=\($0)" } ?? "") }

    static func isLoopback(_ host: String) -> Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }

    /// 128 random bits, in hex, from the system's secure generator.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Starts serving on `port` (0: any free one), returning once it listens, or throwing why not.
    public func start(port: Int) throws(Failure) {
        let started = StartSignal()
        let application = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil, reuseAddress: false),
            onServerRunning: { channel in started.finish(port: channel.localAddress?.port, error: nil) },
            logger: Self.quietLogger)
        task = Task.detached {
            do {
                try await application.run()
            } catch {
                started.finish(port: nil, error: error)
                throw error
            }
        }
        switch started.wait(seconds: 10) {
        case .listening(let bound):
            let shown = host.contains(":") ? "[\(host)]" : host
            url = "http://\(shown):\(bound)/" + (token.map { "?token=\($0)" } ?? "")
        case .failed(let error):
            task?.cancel()
            task = nil
            if "\(error)".contains("Address already in use") || "\(error)".contains("EADDRINUSE")
                || "\(error)".contains("errno: 98")
            {
                let free = Self.freePort(after: port, host: host)
                throw Failure(
                    message: "port \(port) is in use",
                    fix: free.map { "serve --port \($0) (free now)" } ?? "choose another port")
            }
            throw Failure(
                message: "cannot serve on \(host):\(port): \(Sanitized.excerpt("\(error)", limit: 160))",
                fix: "check --host names an address of this machine, and --port a free port")
        case .timedOut:
            task?.cancel()
            task = nil
            throw Failure(message: "the server did not start within 10 seconds", fix: "try again, or another --port")
        }
    }

    /// Stops serving: open pages see their stream end.
    public func stop() {
        channel.close()
        task?.cancel()
        task = nil
    }

    deinit { stop() }

    /// The first port after `port` nothing listens on, tried by binding it for a moment.
    static func freePort(after port: Int, host: String) -> Int? {
        for candidate in (port + 1)...(port + 50) where candidate < 65_536 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(candidate).bigEndian)
            address.sin_addr.s_addr = inet_addr(isLoopback(host) ? "127.0.0.1" : host)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if bound == 0 { return candidate }
        }
        return nil
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "lockstep-serve")
        logger.logLevel = .critical
        return logger
    }()
}

/// The server's start, told from its task to the shell's thread.
final class StartSignal: @unchecked Sendable {
    enum Outcome {
        case listening(Int)
        case failed(Error)
        case timedOut
    }

    private let lock = NSLockLike()
    private var outcome: Outcome?

    func finish(port: Int?, error: Error?) {
        lock.locked {
            guard outcome == nil else { return }
            if let error { outcome = .failed(error) } else { outcome = .listening(port ?? 0) }
        }
    }

    func wait(seconds: Int) -> Outcome {
        let deadline = ChildProcess.now() + Double(seconds)
        while true {
            if let outcome = lock.locked({ outcome }) { return outcome }
            if ChildProcess.now() > deadline { return .timedOut }
            usleep(5_000)
        }
    }
}
