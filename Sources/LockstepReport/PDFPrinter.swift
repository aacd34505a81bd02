import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// The HTML report printed to PDF by headless Chromium, where it is installed: the browser's own
/// print engine, so the PDF is what the client would get printing the page.
public enum PDFPrinter {
    public struct Failure: Error {
        public let reason: String
        public let fix: String
    }

    /// The browsers tried, in order; `LOCKSTEP_CHROMIUM` names another.
    static let browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The PDF of `html`, as Chromium prints it.
    public static func pdf(of html: String, timeout: Int = 120) throws(Failure) -> [UInt8] {
        guard
            let browser = FileSystem.environment("LOCKSTEP_CHROMIUM").flatMap({ $0.isEmpty ? nil : $0 })
                ?? ChildProcess.find(browsers)
        else {
            throw Failure(
                reason: "a PDF is printed by Chromium, which is not installed",
                fix:
                    "install it (Debian and Ubuntu: apt install chromium), or export FILE.html and print it from a browser"
            )
        }
        var template = Array("/tmp/lockstep-pdf-XXXXXX".utf8CString)
        guard
            let folder = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({
                String(cString: $0)
            })
        else {
            throw Failure(
                reason: "cannot make a temporary folder: \(FileSystem.lastError())", fix: "check that /tmp is writable")
        }
        defer { removeTree(folder) }
        let page = folder + "/report.html", pdf = folder + "/report.pdf"
        do {
            _ = try SafeWrite.write(Array(html.utf8), to: page)
        } catch {
            throw Failure(reason: "cannot write the page to print: \(error)", fix: "check that /tmp is writable")
        }
        var arguments = [
            browser, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--user-data-dir=\(folder)/profile",
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(page)",
        ]
        // Chromium refuses to run as root inside its sandbox (a container's usual user).
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        let result: ChildProcess.Result
        do throws(ChildProcess.Failure) {
            result = try ChildProcess.run(arguments, outputLimit: 1 << 20, timeout: timeout)
        } catch {
            if case .timedOut(let seconds) = error {
                throw Failure(
                    reason: "Chromium did not finish printing within \(seconds) seconds",
                    fix: "export FILE.html and print it from a browser")
            }
            throw Failure(
                reason: "cannot run \(browser): \(error)", fix: "check the Chromium installation, or export FILE.html")
        }
        guard result.status == 0, FileSystem.exists(pdf) else {
            let said =
                result.errors.split(separator: "\n").last.map { Sanitized.excerpt(String($0), limit: 160) }
                ?? "no message"
            throw Failure(
                reason: "Chromium could not print the report (exit \(result.status): \(said))",
                fix: "export FILE.html and print it from a browser")
        }
        do throws(FileSystem.Failure) {
            return try FileSystem.readBytes(pdf, limit: 512 << 20)
        } catch {
            throw Failure(
                reason: "cannot read what Chromium printed: \(error.reason)",
                fix: "export FILE.html and print it from a browser")
        }
    }

    /// Removes the temporary folder Chromium worked in, its profile included.
    static func removeTree(_ folder: String) {
        _ = try? ChildProcess.run(["rm", "-rf", "--", folder], outputLimit: 4096, timeout: 30)
    }
}
