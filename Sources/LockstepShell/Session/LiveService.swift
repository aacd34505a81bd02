import LockstepCore
import LockstepReport
import LockstepServe

/// The session's live view: after each command, a new state of the workbook (an edit, an undo,
/// another file, CRM data loaded) is rendered and published to every open page.
final class LiveService {
    let server: LiveServer
    /// What the last published page was rendered from; the same key means nothing to publish.
    private var publishedKey = ""

    private init(server: LiveServer) { self.server = server }

    /// Serves the session's report at `host:port` (0: any free port).
    static func start(_ session: Session, host: String, port: Int) throws(CommandError) -> LiveService {
        let service = LiveService(server: LiveServer(channel: LiveChannel(), host: host))
        service.refresh(session)
        do throws(LiveServer.Failure) {
            try service.server.start(port: port)
        } catch {
            throw CommandError.failed(error.message, fix: error.fix)
        }
        return service
    }

    /// Publishes the session's state when it changed since the last page.
    func refresh(_ session: Session) {
        let key = "\(session.stateID)|\(session.path ?? "")|\(session.attachments.generation)|\(session.today)"
        guard key != publishedKey else { return }
        publishedKey = key
        let report = Builtins.clientReport(session, audience: .client)
        server.channel.publish(
            page: HTMLReport.render(report, liveScript: server.scriptPath), title: "\(report.subject): \(report.title)")
    }

    /// Points every open page at an item, by the name the page shows; nil clears it.
    func focus(_ name: String?) { server.channel.publish(focus: .some(name)) }

    func stop() { server.stop() }
}
