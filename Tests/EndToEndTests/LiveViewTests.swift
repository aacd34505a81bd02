import Foundation
import TestSupport
import Testing

/// `serve`: the workbook live in a browser while the consultant works (Tests/Support/live_view.py
/// drives the real binary through a pipe).
@Suite("The live view")
struct LiveViewTests {
    static let brightlane = repositoryRoot.appendingPathComponent("examples/saas/brightlane.yaml").path
    static let script = repositoryRoot.appendingPathComponent("Tests/Support/live_view.py").path

    func facts(_ arguments: [String]) throws -> [String: Any] {
        let result = try runProgram("python3", [Self.script] + arguments)
        #expect(result.code == 0, "\(result.errors)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.errors)")
    }

    @Test("an edit reaches the open page within 200 ms without a reload, the changed cell flashes, focus points at the stage",
          .enabled(if: Browser.available, Browser.missingForBrowser))
    func browser() throws {
        let output = repositoryRoot.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let facts = try facts(["browser", lockstepBinary, Self.brightlane, output.appendingPathComponent("live-view.png").path])
        let latencies = facts["latenciesMs"] as? [Double] ?? []
        #expect(latencies.count == 10)
        let median = facts["medianMs"] as? Double ?? .infinity
        print("live view: command-to-repaint median \(Int(median)) ms over \(latencies.count) edits (\(latencies.map { Int($0) }))")
        #expect(median <= 200, "median \(median) ms")
        #expect(facts["flashed"] as? Bool == true)
        #expect((facts["focused"] as? [String] ?? []).contains("Negotiation"))
        #expect((facts["focusedFinding"] as? [String] ?? []).contains { $0.hasSuffix("content of their own for Negotiation.") || $0.contains("IT security lead") },
                "\(facts["focusedFinding"] ?? "")")
        #expect(facts["foreignRequests"] as? [String] == [], "\(facts["requests"] ?? "")")
        #expect(facts["consoleErrors"] as? [String] == [])
        #expect(facts["host"] as? String == "127.0.0.1")
        #expect(facts["exit"] as? Int == 0)
    }

    @Test("50 event clients, some stalled, some hanging up, through 200 edits: every reader ends on the same last page")
    func load() throws {
        let facts = try facts(["load", lockstepBinary, Self.brightlane, "50", "200"])
        let final = try #require(facts["finalVersion"] as? Int)
        #expect(final == 201, "one version per edit after the first page")
        #expect(facts["versions"] as? [Int] == [final])
        #expect(facts["digests"] as? Int == 1)
        #expect(facts["errors"] as? [String] == [])
        #expect(facts["exit"] as? Int == 0)
        print("live view: 200 edits with 58 clients connected in \(facts["editsSeconds"] ?? "?") s")
    }

    @Test("a port in use is a clear error that names a free one; beyond loopback the token is required")
    func portAndToken() throws {
        // Something else listens on a port: serve names the port and the next free one.
        let listener = try runProgram("python3", ["-c", """
            import socket, subprocess, sys
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(); port = s.getsockname()[1]
            r = subprocess.run([sys.argv[1], "-c", f"serve --port {port}", sys.argv[2]], capture_output=True, text=True, timeout=60)
            print(port); print(r.returncode); print(r.stderr)
            """, lockstepBinary, Self.brightlane])
        let lines = listener.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let port = try #require(Int(lines.first ?? ""))
        #expect(lines.dropFirst().first == "1", "\(listener.output)")
        #expect(listener.output.contains("error: port \(port) is in use"), "\(listener.output)")
        #expect(listener.output.range(of: #"fix: serve --port [0-9]+ \(free now\)"#, options: .regularExpression) != nil)

        // 127.0.0.2 is loopback to this machine but not the default address: the page asks for the token.
        let token = try runProgram("python3", ["-c", """
            import re, subprocess, sys, urllib.request, urllib.error
            p = subprocess.Popen([sys.argv[1], sys.argv[2]], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            p.stdin.write("serve --port 0 --host 127.0.0.2\\n"); p.stdin.flush()
            url = re.search(r"at (\\S+)", p.stdout.readline()).group(1)
            bare = url.split("?")[0]
            def status(u):
                try: return urllib.request.urlopen(u, timeout=10).status
                except urllib.error.HTTPError as e: return e.code
            print(status(bare), status(bare + "?token=wrong"), status(url), status(bare + "events?token=wrong"))
            p.stdin.write("quit --discard\\n"); p.stdin.close(); p.wait(timeout=30)
            try: urllib.request.urlopen(url, timeout=5); print("still serving")
            except Exception: print("stopped")
            """, lockstepBinary, Self.brightlane])
        #expect(token.output == "403 403 200 403\nstopped\n", "\(token.output)\(token.errors)")
    }

    @Test("lockstep serve WORKBOOK follows the file: a save elsewhere reaches the open page; Ctrl-C stops it")
    func followsTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("brightlane.yaml").path
        try FileManager.default.copyItem(atPath: Self.brightlane, toPath: copy)
        let result = try runProgram("python3", ["-c", """
            import http.client, json, re, signal, subprocess, sys, time, urllib.parse
            p = subprocess.Popen([sys.argv[1], "serve", sys.argv[2], "--port", "0"], stdout=subprocess.PIPE, text=True)
            url = urllib.parse.urlsplit(re.search(r"at (\\S+)", p.stdout.readline()).group(1))
            c = http.client.HTTPConnection(url.hostname, url.port, timeout=20); c.request("GET", "/events")
            r = c.getresponse()
            def title():
                while True:
                    line = r.fp.readline().decode()
                    if line.startswith("data: "): return json.loads(line[6:])["title"]
            print(title())
            text = open(sys.argv[2]).read().replace("name: Brightlane (B2B software)", "name: Brightlane Europe", 1)
            open(sys.argv[2], "w").write(text)
            print(title())
            p.send_signal(signal.SIGINT); print(p.wait(timeout=20))
            """, lockstepBinary, copy])
        #expect(result.output == "Sales and marketing alignment: Brightlane (B2B software)\nSales and marketing alignment: Brightlane Europe\n0\n",
                "\(result.output)\(result.errors)")
    }
}
