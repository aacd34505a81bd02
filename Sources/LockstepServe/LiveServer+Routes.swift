import HTTPTypes
import Hummingbird
import LockstepCore
import NIOCore

extension LiveServer {
    /// Headers every answer carries: no other script, style from the page only, nothing framed,
    /// nothing cached, no referrer.
    static let guarded: HTTPFields = [
        .contentSecurityPolicy: "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
        .cacheControl: "no-store",
    ]

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { request, _ -> Response in
            if let refused = self.refusal(request) { return refused }
            return Self.answer(self.channel.snapshot.page, type: "text/html; charset=utf-8")
        }
        router.get("/live.js") { request, _ -> Response in
            if let refused = self.refusal(request) { return refused }
            return Self.answer(LivePage.script, type: "text/javascript; charset=utf-8")
        }
        router.get("/events") { request, _ -> Response in
            if let refused = self.refusal(request) { return refused }
            var headers = Self.guarded
            headers[.contentType] = "text/event-stream; charset=utf-8"
            let channel = self.channel
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    var shown = 0
                    // The page may be older than what is published now: the current state first.
                    let first = channel.snapshot
                    try await writer.write(ByteBuffer(string: LivePage.event(first)))
                    shown = first.version
                    while true {
                        let next = await Self.next(of: channel, after: shown)
                        switch next {
                        case .closed:
                            try await writer.finish(nil)
                            return
                        case .idle:
                            try await writer.write(ByteBuffer(string: LivePage.heartbeat))
                        case .page(let snapshot):
                            try await writer.write(ByteBuffer(string: LivePage.event(snapshot)))
                            shown = snapshot.version
                        }
                    }
                })
        }
        return router
    }

    enum Next {
        case page(LiveChannel.Snapshot)
        case idle
        case closed
    }

    /// The next version, or `idle` after 15 s without one (a heartbeat keeps the stream honest).
    static func next(of channel: LiveChannel, after version: Int) async -> Next {
        await withTaskGroup(of: Next.self) { group in
            group.addTask { await channel.next(after: version).map(Next.page) ?? .closed }
            group.addTask {
                try? await Task.sleep(nanoseconds: 15_000_000_000)
                return .idle
            }
            let first = await group.next() ?? .closed
            group.cancelAll()
            return first
        }
    }

    static func answer(_ text: String, type: String) -> Response {
        var headers = guarded
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Why a request is refused, if it is: a Host that is not the server's own (a page elsewhere
    /// reaching loopback by DNS rebinding), or a missing or wrong token beyond loopback.
    func refusal(_ request: Request) -> Response? {
        let authority = request.head.authority ?? ""
        let hostPart =
            authority.hasPrefix("[")
            ? String(authority.dropFirst().prefix { $0 != "]" })
            : String(authority.prefix { $0 != ":" })
        if token == nil, !Self.isLoopback(hostPart) {
            return Response(
                status: .forbidden, headers: Self.guarded,
                body: ResponseBody(byteBuffer: ByteBuffer(string: "forbidden\n")))
        }
        if let token {
            let given = request.uri.queryParameters.get("token") ?? ""
            guard Self.sameText(given, token) else {
                return Response(
                    status: .forbidden, headers: Self.guarded,
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "forbidden\n")))
            }
        }
        return nil
    }

    /// Compares in time independent of where the texts differ.
    static func sameText(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
