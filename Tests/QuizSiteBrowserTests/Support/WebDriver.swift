import Foundation
import Testing

/// A minimal W3C WebDriver client for Debian's chromedriver + headless Chromium, spoken over HTTP JSON
/// (see `LoopbackHTTP`).
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    static var chromedriverPath: String? {
        ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var chromiumPath: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private var process = Process()
    private var port = 0
    private var session = ""

    /// Starts chromedriver on a free loopback port and opens a headless Chromium session.
    init(width: Int = 1280, height: Int = 900, javascript: Bool = true) async throws {
        guard let driver = Self.chromedriverPath, let chromium = Self.chromiumPath else {
            throw Failure(description: "chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver), "
                          + "or set QUIZC_SKIP_BROWSER_TESTS=1")
        }
        // A random port can be taken (chromedriver then exits at once): up to three ports are tried.
        var ready = false
        for _ in 0..<3 where !ready {
            port = Int.random(in: 20_000..<40_000)
            process = Process()
            process.executableURL = URL(fileURLWithPath: driver)
            process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<100 where !ready && process.isRunning {
                try await Task.sleep(for: .milliseconds(100))
                ready = (try? await request("GET", "/status")) != nil
            }
            if !ready { stop() }
        }
        guard ready else { throw Failure(description: "chromedriver did not start (last port tried: \(port))") }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:loggingPrefs": ["browser": "ALL"],
            "goog:chromeOptions": [
                "binary": chromium,
                "prefs": ["profile.managed_default_content_settings.javascript": javascript ? 1 : 2],
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=\(width),\(height)", "--hide-scrollbars", "--force-color-profile=srgb",
                         "--font-render-hinting=none"],
            ],
        ]]]
        let response = try await request("POST", "/session", capabilities)
        guard let value = response as? [String: Any], let id = value["sessionId"] as? String else {
            stop()
            throw Failure(description: "no session: \(String(describing: response))")
        }
        session = id
    }

    func quit() async {
        if !session.isEmpty { _ = try? await request("DELETE", "/session/\(session)") }
        stop()
    }

    /// chromedriver ignores SIGTERM while it has children, so it is killed.
    private func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @discardableResult
    func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? (method == "POST" ? Data("{}".utf8) : nil)
        let port = self.port
        // Blocking socket I/O stays off Swift's small cooperative thread pool.
        let data: Data = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try LoopbackHTTP.send(port: port, method: method, path: path, body: payload).body })
            }
        }
        let json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        let value = json?["value"]
        if let error = value as? [String: Any], let kind = error["error"] as? String {
            throw Failure(description: "\(kind): \(error["message"] as? String ?? "")")
        }
        return value ?? NSNull()
    }

    private var sessionPath: String { "/session/\(session)" }

    func open(_ url: URL) async throws {
        try await request("POST", "\(sessionPath)/url", ["url": url.absoluteString])
    }

    func reload() async throws {
        try await request("POST", "\(sessionPath)/refresh")
    }

    /// Runs `script` as a function body in the page and returns its result.
    @discardableResult
    func execute(_ script: String, _ args: [Any] = []) async throws -> Any? {
        try await request("POST", "\(sessionPath)/execute/sync", ["script": script, "args": args])
    }

    func string(_ script: String) async throws -> String {
        try await execute(script) as? String ?? ""
    }

    func find(_ selector: String) async throws -> String {
        let value = try await request("POST", "\(sessionPath)/element", ["using": "css selector", "value": selector])
        guard let element = value as? [String: Any], let id = element[Self.elementKey] as? String else {
            throw Failure(description: "no element \(selector)")
        }
        return id
    }

    func click(_ selector: String) async throws {
        try await request("POST", "\(sessionPath)/element/\(try await find(selector))/click")
    }

    func type(_ selector: String, _ text: String) async throws {
        try await request("POST", "\(sessionPath)/element/\(try await find(selector))/value", ["text": text])
    }

    func text(_ selector: String) async throws -> String {
        try await execute("var e = document.querySelector(arguments[0]); return e ? e.innerText : null;", [selector]) as? String ?? ""
    }

    func isVisible(_ selector: String) async throws -> Bool {
        try await execute("""
            var e = document.querySelector(arguments[0]);
            if (!e) return false;
            if (e.checkVisibility && !e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) return false;
            var r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
            """, [selector]) as? Bool ?? false
    }

    /// Presses keys through the WebDriver actions API, as a keyboard-only user would.
    func press(_ keys: [String]) async throws {
        var actions: [[String: Any]] = []
        for key in keys {
            actions.append(["type": "keyDown", "value": key])
            actions.append(["type": "keyUp", "value": key])
        }
        try await request("POST", "\(sessionPath)/actions", ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
    }

    /// Chrome DevTools protocol command (media emulation, device metrics).
    func cdp(_ command: String, _ params: [String: Any]) async throws {
        try await request("POST", "\(sessionPath)/goog/cdp/execute", ["cmd": command, "params": params])
    }

    func screenshot() async throws -> Data {
        guard let base64 = try await request("GET", "\(sessionPath)/screenshot") as? String,
              let data = Data(base64Encoded: base64) else { throw Failure(description: "no screenshot") }
        return data
    }

    /// Browser console entries at level SEVERE since the last call.
    func severeLogs() async throws -> [String] {
        let entries = try await request("POST", "\(sessionPath)/se/log", ["type": "browser"]) as? [[String: Any]] ?? []
        return entries.filter { $0["level"] as? String == "SEVERE" }.map { $0["message"] as? String ?? "" }
    }

    /// Polls `condition` until it is true or `seconds` pass.
    func waitUntil(_ seconds: Double = 10, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }
}

enum Key {
    static let tab = "\u{E004}"
    static let enter = "\u{E007}"
    static let space = "\u{E00D}"
    static let shift = "\u{E008}"
    static let down = "\u{E015}"
}
