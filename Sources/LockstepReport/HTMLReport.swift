import LockstepCore
import Mustache

/// The client report as one self-contained HTML page: inline CSS and SVG, no script, nothing
/// fetched from the network, printable on A4 or Letter.
public enum HTMLReport {
    /// The templates, parsed once: they are constants, so a parse error is a bug caught by every test.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [
            ("page", ReportTemplates.page), ("main", ReportTemplates.main), ("section", ReportTemplates.section),
            ("subsection", ReportTemplates.subsection), ("block", ReportTemplates.block),
            ("rows", ReportTemplates.rows),
        ] {
            do {
                try library.register(text, named: name)
            } catch {
                fatalError("the \(name) template does not parse: \(error)")
            }
        }
        return library
    }()

    public static func render(_ report: ClientReport) -> String {
        library.render(ReportView(report), withTemplate: "page") ?? ""
    }

    /// The page as the live view serves it: the same report, with the script that follows the
    /// session (`script`, a path of the server's).
    public static func render(_ report: ClientReport, liveScript script: String) -> String {
        library.render(ReportView(report, liveScript: script), withTemplate: "page") ?? ""
    }
}
