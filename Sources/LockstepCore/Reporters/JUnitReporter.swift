/// JUnit XML: one test case per finding (failing unless waived, which is skipped) and one
/// passing case per rule that found nothing, so a report never has zero test cases.
enum JUnitReporter {
    static func render(_ report: CheckReport) -> String {
        let suites = report.files.map { suite(for: $0, in: report) }
        let tests = suites.reduce(0) { $0 + $1.tests }, failures = suites.reduce(0) { $0 + $1.failures }
        let errors = suites.reduce(0) { $0 + $1.errors }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="lockstep" tests="\(tests)" failures="\(failures)" errors="\(errors)">
            \(suites.map(\.text).joined(separator: "\n"))
            </testsuites>

            """
    }

    /// One workbook's suite: its findings and load errors, and a passing case per rule that found nothing there.
    static func suite(for file: String, in report: CheckReport) -> (text: String, tests: Int, failures: Int, errors: Int) {
        var cases: [String] = []
        var failures = 0, skipped = 0
        let here = report.findings.filter { report.location(of: $0).file == file }
        let loadErrors = report.errors.filter { $0.location.file == file }
        let rules = loadErrors.isEmpty ? report.rules.sorted { $0.code < $1.code } : []
        for rule in rules where !report.disabled.contains(rule.code) {
            let findings = here.filter { $0.rule == rule.code }
            let opening = "    <testcase classname=\(a("lockstep.\(rule.code)"))"
            if findings.isEmpty {
                cases.append("\(opening) name=\(a("\(rule.code) \(rule.slug)"))/>")
                continue
            }
            for finding in findings {
                let location = report.location(of: finding)
                let name = a("\(rule.code) \(finding.target)")
                let line = e("\(location): \(finding.severity.rawValue): [\(finding.rule)] \(finding.message)")
                if finding.isNotice {
                    skipped += 1
                    cases.append("\(opening) name=\(name)><skipped message=\(a(finding.message))/></testcase>")
                } else if let reason = finding.waivedBecause {
                    skipped += 1
                    cases.append("\(opening) name=\(name)><skipped message=\(a("waived: \(reason)"))/></testcase>")
                } else if finding.inBaseline {
                    skipped += 1
                    cases.append("\(opening) name=\(name)><skipped message=\(a("in the baseline"))/></testcase>")
                } else if !report.fails(finding) {
                    // Below --fail-on: reported with the case, which passes, as the job does.
                    cases.append("\(opening) name=\(name)><system-out>\(line)</system-out></testcase>")
                } else {
                    failures += 1
                    cases.append("\(opening) name=\(name)><failure type=\(a(finding.severity.rawValue)) "
                                 + "message=\(a(finding.message))>\(line)</failure></testcase>")
                }
            }
        }
        // A workbook that did not load is one errored case per load error: the suite is never empty.
        for error in loadErrors {
            cases.append("    <testcase classname=\"lockstep.load\" name=\(a("load \(file)"))><error type=\(a(error.code ?? "load")) "
                         + "message=\(a(error.message))>\(e(error.rendered))</error></testcase>")
        }
        let errors = loadErrors.count
        let text = """
              <testsuite name=\(a("lockstep check \(file)")) tests="\(cases.count)" failures="\(failures)" errors="\(errors)" \
            skipped="\(skipped)">
            \(cases.joined(separator: "\n"))
              </testsuite>
            """
        return (text, cases.count, failures, errors)
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
