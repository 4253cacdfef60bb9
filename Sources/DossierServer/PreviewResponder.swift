import DossierCore
import Foundation
import Hummingbird

/// Answers every request from a `SiteStore`, the way a static host serves `Output/`: pretty URLs
/// (`/x/` → `x/index.html`, `/x` → redirect to `/x/`), the site's own `404.html`, ETags and 304,
/// HEAD. Paths are resolved only against the store's keys, and any path with `..`, `.`, empty
/// segments, a backslash or NUL (also when percent-encoded) is refused first, so nothing outside
/// the site can be read. HTML gets the live-reload script; the stored bytes never do.
public struct PreviewResponder<Context: RequestContext>: HTTPResponder {
    public let store: SiteStore
    /// Where the site lives on the server, `/` or e.g. `/dossier/`.
    public let basePath: String
    /// The `Host` names answered (lowercased, without port); any other gets 403, so a page on
    /// another site that rebinds its DNS name to 127.0.0.1 cannot read the preview, drafts included.
    public let allowedHosts: Set<String>
    /// How often an open event stream gets a comment line: a stream whose tab went away fails on
    /// the write and is closed, instead of holding a descriptor until the next rebuild.
    public let heartbeat: Duration
    public static var eventsPath: String { LiveReload.eventsPath }

    /// - Parameter hosts: names besides `localhost`, `127.0.0.1` and `[::1]` that may appear in `Host`.
    public init(store: SiteStore, basePath: String = "/", hosts: [String] = [], heartbeat: Duration = .seconds(5)) {
        self.store = store
        self.basePath = SitePaths.normalizedBasePath(basePath)
        self.allowedHosts = Set((["localhost", "127.0.0.1", "[::1]"] + hosts).map { Self.hostName($0) })
        self.heartbeat = heartbeat
    }

    /// `example.org:8000` → `example.org`, `[::1]:80` → `[::1]`, lowercased.
    static func hostName(_ host: String) -> String {
        let lower = host.lowercased()
        if lower.hasPrefix("[") { return lower.firstIndex(of: "]").map { String(lower[...$0]) } ?? lower }
        if lower.filter({ $0 == ":" }).count > 1 { return "[\(lower)]" }  // a bare IPv6 address
        return lower.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? lower
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let host = request.head.authority ?? ""
        guard allowedHosts.contains(Self.hostName(host)) else {
            let text = "dossier serve: requests for host '\(host.prefix(100))' are refused; restart with --allow-host \(Self.hostName(host).prefix(100)) to allow them\n"
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let rawPath = request.uri.path
        if rawPath == Self.eventsPath { return events() }
        guard rawPath.hasPrefix(basePath) else {
            if rawPath + "/" == basePath { return redirect(to: basePath, query: request.uri.query) }
            return notFound(request)
        }
        guard let relative = Self.sitePath(String(rawPath.dropFirst(basePath.count))) else { return notFound(request) }
        let key = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        if let file = store.file(at: key) { return serve(file, path: key, status: .ok, request: request) }
        if store.file(at: relative + "/index.html") != nil { return redirect(to: rawPath + "/", query: request.uri.query) }
        return notFound(request)
    }

    /// The decoded path inside the site, or nil when it could name something outside it.
    static func sitePath(_ encoded: String) -> String? {
        guard let decoded = encoded.removingPercentEncoding, !decoded.hasPrefix("/"),
              !decoded.contains("\\"), !decoded.contains("\0") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        for (i, segment) in segments.enumerated() {
            if segment == ".." || segment == "." { return nil }
            if segment.isEmpty, i != segments.count - 1 { return nil }
        }
        return decoded
    }

    private func serve(_ file: SiteStore.File, path: String, status: HTTPResponse.Status, request: Request) -> Response {
        let type = Self.contentType(of: path)
        let isHTML = type.hasPrefix("text/html")
        let etag = isHTML ? String(file.etag.dropLast()) + "-live\"" : file.etag
        var headers: HTTPFields = [.contentType: type, .eTag: etag, .cacheControl: "no-cache"]
        if status == .ok, let match = request.headers[.ifNoneMatch],
           match == "*" || match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
            return Response(status: .notModified, headers: headers)
        }
        let bytes = isHTML ? LiveReload.injecting(into: file.contents) : file.contents
        headers[.contentLength] = String(bytes.count)
        if request.method == .head { return Response(status: status, headers: headers, body: ResponseBody()) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func notFound(_ request: Request) -> Response {
        if let page = store.file(at: "404.html") { return serve(page, path: "404.html", status: .notFound, request: request) }
        return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: "not found\n")))
    }

    private func redirect(to path: String, query: String?) -> Response {
        let location = query.map { path + "?" + $0 } ?? path
        return Response(status: .movedPermanently, headers: [.location: location, .contentLength: "0"])
    }

    private func events() -> Response {
        let stream = store.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        let heartbeat = heartbeat
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            // The store's events and heartbeats (nil) in one stream; it ends when the store closes.
            let (merged, continuation) = AsyncStream<SiteStore.Event?>.makeStream()
            let forward = Task {
                for await event in stream { continuation.yield(event) }
                continuation.finish()
            }
            let beat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: heartbeat)
                    continuation.yield(nil)
                }
            }
            defer { forward.cancel(); beat.cancel() }
            for await event in merged {
                switch event {
                case nil:
                    try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                case .reload:
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: reload\n\n"))
                case .failure(let text):
                    let data = text.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
                    try await writer.write(ByteBuffer(string: "event: failure\n\(data)\n\n"))
                }
            }
            try await writer.finish(nil)
        })
    }

    static func contentType(of path: String) -> String {
        let ext = path.split(separator: "/").last.flatMap { name in name.contains(".") ? name.split(separator: ".").last : nil }.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return path.hasSuffix("feed.xml") ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}

/// The live-reload client and how it goes into served pages. Outside the generic responder so its
/// bytes are built once, not on every HTML request.
enum LiveReload {
    static let eventsPath = "/__dossier/events"

    /// Reloads on `reload`, shows a failed rebuild's diagnostics over the page.
    static let script = """
    <script>(function(){var s=new EventSource("\(eventsPath)"),o;\
    s.addEventListener("reload",function(){location.reload()});\
    s.addEventListener("failure",function(e){if(!o){o=document.createElement("pre");o.id="dossier-error-overlay";\
    o.style.cssText="position:fixed;inset:0;margin:0;padding:2em;overflow:auto;z-index:2147483647;background:rgba(20,0,0,.93);color:#fdd;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";\
    document.body.appendChild(o)}o.textContent="dossier: rebuild failed; showing the last good build\\n\\n"+e.data})})();</script>

    """

    private static let scriptBytes = Array(script.utf8)
    private static let bodyEnd = Array("</body>".utf8)

    /// `html` with the script before its last `</body>`, or at the end when there is none.
    static func injecting(into html: [UInt8]) -> [UInt8] {
        var i = html.count - bodyEnd.count
        while i >= 0 {
            if html[i] == bodyEnd[0], html[i..<(i + bodyEnd.count)].elementsEqual(bodyEnd) {
                var result = [UInt8]()
                result.reserveCapacity(html.count + scriptBytes.count)
                result += html[..<i]
                result += scriptBytes
                result += html[i...]
                return result
            }
            i -= 1
        }
        return html + scriptBytes
    }
}
