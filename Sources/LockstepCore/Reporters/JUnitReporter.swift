/// JUnit XML: one test case per finding (failing unless waived, which is skipped) and one
/// passing case per rule that found nothing, so a report never has zero test cases.
enum JUnitReporter {
    static func render(_ report: CheckReport) -> String {
        var cases: [String] = []
        var failures = 0, skipped = 0
        let rules = report.rules.sorted { $0.code < $1.code }
        for rule in rules where !report.disabled.contains(rule.code) {
            let findings = report.findings.filter { $0.rule == rule.code }
            if findings.isEmpty {
                cases.append("    <testcase classname=\(a("lockstep.\(rule.code)")) name=\(a("\(rule.code) \(rule.slug)"))/>")
                continue
            }
            for finding in findings {
                let location = report.location(of: finding)
                let name = a("\(rule.code) \(finding.target)")
                if finding.isNotice {
                    skipped += 1
                    cases.append("    <testcase classname=\(a("lockstep.\(rule.code)")) name=\(name)><skipped message=\(a(finding.message))/></testcase>")
                } else if let reason = finding.waivedBecause {
                    skipped += 1
                    cases.append("    <testcase classname=\(a("lockstep.\(rule.code)")) name=\(name)><skipped message=\(a("waived: \(reason)"))/></testcase>")
                } else if !report.fails(finding) {
                    // Below --fail-on: reported with the case, which passes, as the job does.
                    cases.append("    <testcase classname=\(a("lockstep.\(rule.code)")) name=\(name)><system-out>"
                                 + "\(e("\(location): \(finding.severity.rawValue): [\(finding.rule)] \(finding.message)"))</system-out></testcase>")
                } else {
                    failures += 1
                    cases.append("""
                            <testcase classname=\(a("lockstep.\(rule.code)")) name=\(name)><failure type=\(a(finding.severity.rawValue)) \
                        message=\(a(finding.message))>\(e("\(location): \(finding.severity.rawValue): [\(finding.rule)] \(finding.message)"))</failure></testcase>
                        """)
                }
            }
        }
        // A workbook that did not load is one errored case per load error: the suite is never empty.
        for error in report.errors {
            cases.append("    <testcase classname=\"lockstep.load\" name=\(a("load \(report.file)"))><error type=\(a(error.code ?? "load")) "
                         + "message=\(a(error.message))>\(e(error.rendered))</error></testcase>")
        }
        let errors = report.errors.count
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="lockstep" tests="\(cases.count)" failures="\(failures)" errors="\(errors)">
              <testsuite name=\(a("lockstep check \(report.file)")) tests="\(cases.count)" failures="\(failures)" errors="\(errors)" skipped="\(skipped)">
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>

            """
    }

    /// Text for XML content.
    static func e(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 forbids most control characters outright; they become spaces.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A quoted attribute value.
    static func a(_ text: String) -> String { "\"" + e(text).replacingAll("\n", with: "&#10;") + "\"" }
}
