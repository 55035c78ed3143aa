import ArgumentParser
import Foundation
import Hummingbird
import Logging
import QuizCore

/// `quizc serve`: build, serve the output on 127.0.0.1, rebuild when content or templates change and reload
/// open pages; diagnostics go to the terminal and to an overlay in the page.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve",
                                                    abstract: "Build, serve the site on 127.0.0.1 and rebuild on changes.")

    @OptionGroup var paths: SitePaths

    @Option(help: "The loopback port to listen on.")
    var port: UInt16 = 8000

    func run() async throws {
        let state = LiveState()
        let paths = self.paths
        await state.record(await rebuild(paths))
        // Hummingbird (SwiftNIO) serves; FlyingFox did, but it links FoundationNetworking and libcurl, which cost every
        // quizc command ~10 ms of start-up.
        let output = paths.outputURL
        let responder = CallbackResponder { (request: Request, _: BasicRequestContext) async -> Response in
            guard request.method == .get || request.method == .head else { return LiveReload.Reply.notAllowed.response }
            switch request.uri.path {
            case "/__quizc/status":
                let (version, messages) = await state.snapshot()
                return LiveReload.statusReply(version: version, diagnostics: messages).response
            case "/__quizc/reload.js":
                return LiveReload.Reply(status: 200, contentType: "text/javascript; charset=utf-8", body: Array(LiveReload.script.utf8))
                    .response
            case let path:
                return LiveReload.fileReply(for: path, in: output).response
            }
        }
        let app = Application(responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: Int(port))),
                              logger: Logger(label: "quizc-serve") { _ in SwiftLogNoOpLogHandler() })
        say("serving \(paths.output) at http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
        let watcher = Task {
            var last = ChangeWatcher.snapshot([paths.contentURL, paths.templatesURL].compactMap { $0 })
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                let now = ChangeWatcher.snapshot([paths.contentURL, paths.templatesURL].compactMap { $0 })
                if now != last {
                    last = now
                    say("change detected, rebuilding")
                    await state.record(await rebuild(paths))
                }
            }
        }
        defer { watcher.cancel() }
        try await app.run()
    }

    /// A full rebuild in which unchanged challenges come from the result cache instead of running again.
    private func rebuild(_ paths: SitePaths) async -> [Diagnostic] {
        let run = RunExecutor.standard(useCache: !paths.noCache)
        run.progress.start()
        let outcome = await SiteBuilder.current(run, incremental: !paths.noCache).build(paths)
        run.progress.finish()
        outcome.printDiagnostics()
        if case .written(let count) = outcome.status { say(outcome.summary + ", wrote \(count) files to \(paths.output)") }
        return outcome.diagnostics.filter { $0.severity == .error }
    }
}

/// Unbuffered, so progress shows at once when stdout is a pipe.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// The build counter and the errors of the latest build, read by the status endpoint.
actor LiveState {
    private var version = 0
    private var diagnostics: [String] = []

    func record(_ found: [Diagnostic]) {
        version += 1
        diagnostics = found.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
    }

    func snapshot() -> (Int, [String]) { (version, diagnostics) }
}

/// Modification times and sizes of every file under some folders; any difference means "rebuild".
enum ChangeWatcher {
    static func snapshot(_ folders: [URL]) -> [String: String] {
        var result: [String: String] = [:]
        let keys: Set<URLResourceKey> = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: Array(keys)) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: keys), values.isRegularFile == true else { continue }
                result[url.path] = "\(values.contentModificationDate?.timeIntervalSince1970 ?? 0)/\(values.fileSize ?? 0)"
            }
        }
        return result
    }
}

/// Serve-mode only: static files with a reload script injected into HTML pages, and the status endpoint it polls.
enum LiveReload {
    static let scriptTag = "<script src=\"/__quizc/reload.js\"></script>"

    /// Polls the status once a second: reloads when a new build is done, shows errors of a failed build on top.
    static let script = """
        (function () {
          var seen = null;
          function overlay(messages) {
            var box = document.getElementById('quizc-overlay');
            if (!messages.length) { if (box) box.remove(); return; }
            if (!box) {
              box = document.createElement('div');
              box.id = 'quizc-overlay';
              box.setAttribute('role', 'alert');
              box.style.cssText = 'position:fixed;inset:auto 12px 12px 12px;z-index:9999;max-height:50vh;overflow:auto;' +
                'background:#2b0d0d;color:#ffd7d3;border:2px solid #ff8a80;border-radius:12px;padding:14px 16px;' +
                'font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;box-shadow:0 8px 30px rgba(0,0,0,.4)';
              document.body.appendChild(box);
            }
            box.textContent = 'quizc: the last build failed, showing the previous site\\n\\n' + messages.join('\\n');
          }
          function poll() {
            fetch('/__quizc/status', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
              if (seen !== null && s.version !== seen && !s.diagnostics.length) { location.reload(); return; }
              seen = s.version;
              overlay(s.diagnostics);
            }).catch(function () {}).then(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        """

    /// A response before it is handed to the HTTP server.
    struct Reply: Equatable {
        var status: Int
        var contentType: String
        var cacheable = false
        var body: [UInt8]

        static let notAllowed = Reply(status: 405, contentType: "text/plain", body: Array("method not allowed\n".utf8))

        var response: Response {
            var headers: HTTPFields = [.contentType: contentType]
            if !cacheable { headers[.cacheControl] = "no-store" }
            return Response(status: HTTPResponse.Status(code: status), headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    static func statusReply(version: Int, diagnostics: [String]) -> Reply {
        let body = try? JSONSerialization.data(withJSONObject: ["version": version, "diagnostics": diagnostics], options: [.sortedKeys])
        return Reply(status: 200, contentType: "application/json", body: Array(body ?? Data()))
    }

    /// Maps a request path to a file in the output folder: `/` and folders to their `index.html`; no `..`.
    static func filePath(for requestPath: String) -> String? {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return nil }
        let joined = parts.joined(separator: "/")
        if joined.isEmpty || decoded.hasSuffix("/") { return joined.isEmpty ? "index.html" : joined + "/index.html" }
        return joined
    }

    static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }

    /// `html` with the reload script before `</body>` (or at the end when there is none).
    static func inject(into html: String) -> String {
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + scriptTag }
        return html.replacingCharacters(in: range, with: scriptTag + "</body>")
    }

    static func fileReply(for requestPath: String, in output: URL) -> Reply {
        guard let relative = filePath(for: requestPath) else {
            return Reply(status: 403, contentType: "text/plain", body: Array("forbidden\n".utf8))
        }
        var url = output.appendingPathComponent(relative)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            url = url.appendingPathComponent("index.html")
        }
        guard let data = try? Data(contentsOf: url) else {
            return Reply(status: 404, contentType: "text/plain", body: Array("not found\n".utf8))
        }
        let type = contentType(for: url.path)
        let body = type.hasPrefix("text/html") ? Array(inject(into: String(decoding: data, as: UTF8.self)).utf8) : Array(data)
        return Reply(status: 200, contentType: type, body: body)
    }
}
