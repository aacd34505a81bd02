/// GitHub Actions workflow commands: one `::error file=…,line=…::message` line per open
/// finding, which the runner turns into an annotation on the pull request's diff, then the
/// counts as a plain line.
///
/// Data is escaped as the runner unescapes it (`%`, CR, LF; in properties also `:` and `,`),
/// so a message can never end its line and start a command of its own.
enum GitHubReporter {
    static func render(_ report: CheckReport, paths: ReportPath = ReportPath()) -> String {
        var text = ""
        for error in report.errors {
            let location = error.location
            text += command(
                "error", file: paths.tracked(location.file), line: location.line, column: location.column,
                title: "Lockstep" + (error.code.map { " \($0)" } ?? "") + ": the workbook cannot be read",
                message: error.message + "\nfix: " + error.fix)
        }
        for notice in report.notices {
            let location = report.location(of: notice)
            text += command(
                "notice", file: paths.tracked(location.file), line: location.line, column: location.column,
                title: "Lockstep \(notice.rule): not checked", message: notice.message)
        }
        for finding in report.results where finding.isOpen {
            let location = report.location(of: finding)
            let kind = report.fails(finding) ? "error" : finding.severity == .info ? "notice" : "warning"
            text += command(
                kind, file: paths.tracked(location.file), line: location.line, column: location.column,
                title: "Lockstep \(finding.rule) (\(finding.severity.rawValue))", message: finding.message)
        }
        return text + "lockstep: "
            + (report.errors.isEmpty
                ? report.summary : "\(report.errors.count) workbook error(s), nothing checked there") + "\n"
    }

    static func command(_ kind: String, file: String, line: Int, column: Int, title: String, message: String) -> String
    {
        let properties = [
            "file=\(property(file))", "line=\(max(1, line))", "col=\(max(1, column))", "title=\(property(title))",
        ]
        return "::\(kind) \(properties.joined(separator: ","))::\(data(message))\n"
    }

    /// A message as the runner reads it back; terminal escapes in data shown, never sent to the log.
    static func data(_ text: String) -> String {
        var out = ""
        for character in Sanitized.visible(text, keepingLayout: true).unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A property value: a message's escapes, and the separators of the property list.
    static func property(_ text: String) -> String {
        data(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
