import DossierCore
import DossierIO
@testable import DossierServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RouterTests {
    static func store() -> SiteStore {
        let store = SiteStore()
        let files: [String: [UInt8]] = [
            "index.html": Array("<!DOCTYPE html><html><body><h1>Home</h1></body></html>".utf8),
            "briefings/x/index.html": Array("<!DOCTYPE html><html><body>X</body></html>".utf8),
            "briefings/x/index.json": Array("{\"title\": \"X\"}\n".utf8),
            "404.html": Array("<!DOCTYPE html><html><body>Not found here</body></html>".utf8),
            "assets/style.css": Array("body { color: red }\n".utf8),
            "feed.xml": Array("<feed/>\n".utf8),
        ]
        store.publish(files.mapValues(SiteStore.encoding.encode), changed: Array(files.keys), removed: [])
        return store
    }

    func app(basePath: String = "/") -> some ApplicationProtocol {
        Application(responder: PreviewResponder<BasicRequestContext>(store: Self.store(), basePath: basePath))
    }

    @Test func servesFilesWithTypesAndTheReloadScriptInHTMLOnly() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.contains("<h1>Home</h1>"))
                #expect(body.contains("/__dossier/events"))
                #expect(body.range(of: "/__dossier/events")!.lowerBound < body.range(of: "</body>")!.lowerBound)
            }
            try await client.execute(uri: "/assets/style.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(String(buffer: response.body) == "body { color: red }\n")
            }
            try await client.execute(uri: "/feed.xml", method: .get) { #expect($0.headers[.contentType] == "application/atom+xml; charset=utf-8") }
            try await client.execute(uri: "/briefings/x/index.json", method: .get) { #expect($0.headers[.contentType] == "application/json") }
        }
        // The stored bytes (what `build` would write) never contain the script.
        #expect(!String(decoding: Self.store().file(at: "index.html")!.contents, as: UTF8.self).contains("__dossier"))
    }

    @Test func prettyURLsAndRedirects() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/briefings/x/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("X"))
            }
            try await client.execute(uri: "/briefings/x", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/briefings/x/")
            }
            try await client.execute(uri: "/briefings/x?a=1", method: .get) { #expect($0.headers[.location] == "/briefings/x/?a=1") }
        }
    }

    @Test func headAndConditionalRequests() async throws {
        try await app().test(.router) { client in
            let etag = try await client.execute(uri: "/assets/style.css", method: .get) { $0.headers[.eTag] }
            #expect(etag != nil)
            try await client.execute(uri: "/assets/style.css", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLength] == "20")
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/assets/style.css", method: .get, headers: [.ifNoneMatch: etag!]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/assets/style.css", method: .get, headers: [.ifNoneMatch: "\"other\""]) { #expect($0.status == .ok) }
            try await client.execute(uri: "/", method: .post) { #expect($0.status == .methodNotAllowed) }
        }
    }

    @Test func missingPagesGetTheSites404Page() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/nothing/here/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Not found here"))
            }
        }
    }

    @Test(arguments: [
        "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/briefings/..%2f..%2fetc%2fpasswd",
        "/briefings/x/../../../etc/passwd", "/%2fetc%2fpasswd", "//etc/passwd", "/assets/..%5c..%5cetc%5cpasswd",
        "/briefings/x/%00", "/./index.html", "/briefings/%2e/x/", "/etc/passwd", "/proc/self/environ",
    ])
    func pathsOutsideTheSiteAreNotFound(path: String) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Not found here"))
            }
        }
    }

    @Test func servesUnderABasePathLikeAHost() async throws {
        try await app(basePath: "/sub/").test(.router) { client in
            try await client.execute(uri: "/sub/", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/sub", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/sub/")
            }
            try await client.execute(uri: "/sub/briefings/x", method: .get) { #expect($0.headers[.location] == "/sub/briefings/x/") }
            try await client.execute(uri: "/sub/assets/style.css", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/assets/style.css", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/sub/../sub/", method: .get) { #expect($0.status == .notFound) }
        }
    }
}

/// The compressed form the server keeps its files in.
@Suite struct KeptFileTests {
    @Test func compressionRoundTripsAnyBytesAndIsDeterministic() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let page = Array(String(repeating: "<li><a href=\"../entities/x/\">Ana Ruiz</a></li>\n", count: 2_000).utf8)
        for bytes in [[], Array("é\u{0}\n".utf8), random, page] {
            let frame = Zstd.compress(bytes)
            #expect(Zstd.decompress(frame) == bytes)
            #expect(Zstd.compress(bytes) == frame)
        }
        // A page of repeated markup shrinks to a small fraction (the reason the server compresses).
        #expect(Zstd.compress(page).count * 20 < page.count)
    }

    @Test func servedBytesAreTheBuildsAndValidatorsFollowTheContents() {
        let store = SiteStore()
        let one = Array("body { color: red }\n".utf8), two = Array("body { color: blue }\n".utf8)
        store.publish(["a.css": SiteStore.encoding.encode(one)], changed: ["a.css"], removed: [])
        let first = store.file(at: "a.css")!
        #expect(first.contents == one)
        store.publish(["a.css": SiteStore.encoding.encode(two)], changed: ["a.css"], removed: [])
        #expect(store.file(at: "a.css")!.contents == two)
        #expect(store.file(at: "a.css")!.etag != first.etag)
    }
}

@Suite struct LiveReloadTests {
    /// Starts the real server on a free loopback port, opens the event stream over a socket, edits
    /// an annotation on disk and waits for the watcher, the rebuild and the `reload` event.
    @Test(.timeLimit(.minutes(1))) func editingAFileSendsAReloadEvent() async throws {
        let site = try ScratchSite()
        let session = try PreviewSession(loader: site.loader, options: BuildOptions())
        let ports = AsyncStream<Int>.makeStream()
        let app = session.application(host: "127.0.0.1", port: 0, basePath: "/") { port in ports.continuation.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            group.addTask { await session.watch() }
            var iterator = ports.stream.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let client = try EventStreamClient(port: port)
            defer { client.close() }
            #expect(try await client.read(until: ": connected", timeout: 5))
            try await Task.sleep(for: .milliseconds(100))  // let the watcher settle on its folders
            _ = try site.edit("Content/annotations/syria-withdrawal.md") { $0 + "\nOne more sentence.\n" }
            #expect(try await client.read(until: "event: reload", timeout: 10))
            session.stopWatching()
            group.cancelAll()
        }
    }
}

/// The preview server against the web: DNS rebinding, abandoned tabs, stopping with tabs open.
@Suite struct ServerHardeningTests {
    @Test(arguments: [("localhost:8000", "localhost"), ("LOCALHOST", "localhost"), ("127.0.0.1:80", "127.0.0.1"),
                      ("[::1]:8000", "[::1]"), ("::1", "[::1]"), ("evil.example:8000", "evil.example"), ("", "")])
    func hostNames(host: String, name: String) {
        #expect(PreviewResponder<BasicRequestContext>.hostName(host) == name)
    }

    /// Runs a real server on a free loopback port for `body`, then stops it as SIGINT would.
    func withServer(allowedHosts: [String] = [], limits: ServerLimits = ServerLimits(),
                    _ body: @escaping @Sendable (Int, PreviewSession) async throws -> Void) async throws {
        let site = try ScratchSite()
        let session = try PreviewSession(loader: site.loader, options: BuildOptions())
        let ports = AsyncStream<Int>.makeStream()
        let app = session.application(host: "127.0.0.1", port: 0, basePath: "/", allowedHosts: allowedHosts, limits: limits) {
            ports.continuation.yield($0)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.stream.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(port, session)
            session.stop()
            group.cancelAll()
        }
    }

    @Test(.timeLimit(.minutes(1))) func onlyTheBoundHostLoopbackAndAllowedNamesAreAnswered() async throws {
        try await withServer(allowedHosts: ["preview.test"]) { port, _ in
            for (host, status) in [("evil.example", "403"), ("evil.example:\(port)", "403"), ("127.0.0.1:\(port)", "200"),
                                   ("localhost:\(port)", "200"), ("preview.test:\(port)", "200"), ("127.0.0.1.evil.example", "403")] {
                let client = try EventStreamClient(port: port, request: "GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                defer { client.close() }
                #expect(try await client.read(until: "HTTP/1.1 \(status)", timeout: 5), "Host: \(host)")
                if status == "403" { #expect(!client.received.contains("<html"), "nothing of the site is sent") }
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func eventStreamsGetHeartbeatsAndEndWhenTheServerStops() async throws {
        try await withServer(limits: ServerLimits(heartbeat: .milliseconds(50))) { port, session in
            let client = try EventStreamClient(port: port)
            defer { client.close() }
            #expect(try await client.read(until: ": heartbeat", timeout: 5))
            #expect(session.store.listenerCount == 1)
            session.stop()
            // The chunked response's last chunk: the response is over, so shutdown need not wait for it.
            #expect(try await client.read(until: "\r\n0\r\n\r\n", timeout: 5))
            #expect(session.store.listenerCount == 0)
        }
    }

    @Test(.timeLimit(.minutes(1))) func aStreamWhoseTabWentAwayIsClosed() async throws {
        try await withServer(limits: ServerLimits(heartbeat: .milliseconds(50))) { port, session in
            for _ in 0..<20 {
                let client = try EventStreamClient(port: port)
                #expect(try await client.read(until: ": connected", timeout: 5))
                client.close()
            }
            let deadline = ContinuousClock.now + .seconds(5)
            while session.store.listenerCount > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(session.store.listenerCount == 0)
        }
    }
}

/// A minimal HTTP client for a Server-Sent Events stream. Its socket reads block, so they run on
/// a Dispatch thread: blocking the few threads of Swift's cooperative pool while tests run in
/// parallel would starve the server under test.
final class EventStreamClient: @unchecked Sendable {
    let fd: Int32
    var received = ""

    init(port: Int, request: String = "GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n") throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
    }

    func read(until marker: String, timeout seconds: Double) async throws -> Bool {
        await offPool { self.blockingRead(until: marker, timeout: seconds) }
    }

    private func offPool(_ work: @escaping @Sendable () -> Bool) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    private func blockingRead(until marker: String, timeout seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(marker), Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        return received.contains(marker)
    }

    func close() { _ = Glibc.close(fd) }
}
