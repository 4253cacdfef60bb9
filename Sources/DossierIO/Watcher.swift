import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders recursively and reports batches of changed paths once changes settle, so an
/// editor's save (write to a temporary file, rename over the original) or a `git checkout` is one
/// batch. Uses inotify on Linux and polls modification times and sizes every 50 ms elsewhere.
public final class Watcher: Sendable {
    public let directories: [URL]
    /// Quiet time after the last event before a batch is reported.
    public let settle: Duration
    private let stopped = Locked(false)

    public init(directories: [URL], settle: Duration = .milliseconds(10)) {
        self.directories = directories.map(\.standardizedFileURL)
        self.settle = settle
    }

    /// Batches of changed absolute paths (files or folders, created, changed, deleted or renamed).
    public func changes() -> AsyncStream<Set<String>> {
        AsyncStream { continuation in
            let thread = Thread { [self] in
                #if os(Linux)
                if runInotify(continuation) { return }
                #endif
                runPolling(continuation)
            }
            thread.name = "dossier-watcher"
            thread.start()
            continuation.onTermination = { [stopped] _ in stopped.withLock { $0 = true } }
        }
    }

    public func stop() { stopped.withLock { $0 = true } }

    private var settleMilliseconds: Int32 {
        Int32(max(1, settle.components.seconds * 1000 + settle.components.attoseconds / 1_000_000_000_000_000))
    }

    #if os(Linux)
    /// Returns false when inotify is unavailable (then the caller polls).
    private func runInotify(_ continuation: AsyncStream<Set<String>>.Continuation) -> Bool {
        let fd = inotify_init1(Int32(O_CLOEXEC))
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let mask: UInt32 = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800  // modify, attrib, close_write, moved, create, delete(_self), move_self
        var folders: [Int32: String] = [:]
        /// Folders are entered once each, by device and inode, and symbolic links to folders never
        /// (IN_DONT_FOLLOW): two `-> .` links would otherwise be walked until paths grow too long.
        var entered: Set<[UInt64]> = []
        func watch(_ path: String) {
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
                  entered.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
            let wd = inotify_add_watch(fd, path, mask | 0x0200_0000 /* IN_DONT_FOLLOW */)
            if wd >= 0 { folders[wd] = path }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names { watch(path + "/" + name) }
        }
        for directory in directories { watch(directory.path) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: Set<String> = []
        var firstPending: ContinuousClock.Instant?
        while !stopped.current {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let timeout: Int32 = pending.isEmpty ? 100 : settleMilliseconds
            let ready = poll(&poller, 1, timeout)
            if ready < 0 { if errno == EINTR { continue }; break }
            if ready == 0 || (firstPending.map { ContinuousClock.now - $0 > .milliseconds(500) } ?? false) {
                // Settled (or changing without pause for half a second: report what we have).
                if !pending.isEmpty {
                    continuation.yield(pending)
                    pending = []
                    firstPending = nil
                }
                if ready == 0 { continue }
            }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            guard n > 0 else { continue }
            var offset = 0
            while offset + 16 <= n {
                let (wd, eventMask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                offset += 16 + length
                if eventMask & 0x4000 != 0 {  // queue overflow: say everything changed
                    for directory in directories { pending.insert(directory.path) }
                    continue
                }
                guard let folder = folders[wd] else { continue }
                let path = nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self)
                pending.insert(path)
                if firstPending == nil { firstPending = .now }
                if eventMask & 0x4000_0000 != 0, eventMask & (0x100 | 0x80) != 0 { watch(path) }  // new folder
                if eventMask & 0x8000 != 0 {  // watch removed: the folder may be made again later
                    folders[wd] = nil
                    entered = []
                    for path in folders.values {
                        var info = stat()
                        if lstat(path, &info) == 0 { entered.insert([UInt64(info.st_dev), UInt64(info.st_ino)]) }
                    }
                }
            }
        }
        continuation.finish()
        return true
    }
    #endif

    private func runPolling(_ continuation: AsyncStream<Set<String>>.Continuation) {
        func snapshot() -> [String: [Int]] {
            var result: [String: [Int]] = [:]
            for directory in directories {
                // lstat, and folders entered only when they are real folders: links are not followed.
                var pending = [directory.path]
                while let folder = pending.popLast() {
                    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
                    for name in names {
                        let path = folder + "/" + name
                        var info = stat()
                        guard lstat(path, &info) == 0 else { continue }
                        if info.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
                        result[path] = [Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec), Int(info.st_size)]
                    }
                }
            }
            return result
        }
        var last = snapshot()
        var pending: Set<String> = []
        while !stopped.current {
            Thread.sleep(forTimeInterval: 0.05)
            let now = snapshot()
            var changed: Set<String> = []
            for (path, stamp) in now where last[path] != stamp { changed.insert(path) }
            for path in last.keys where now[path] == nil { changed.insert(path) }
            last = now
            if changed.isEmpty, !pending.isEmpty {
                continuation.yield(pending)
                pending = []
            }
            pending.formUnion(changed)
        }
        continuation.finish()
    }
}

/// A source tree kept in memory between builds and refreshed from only the files that changed.
/// Unchanged files keep their strings, so the incremental builder compares them in constant time.
public struct LiveSourceTree: Sendable {
    public let loader: ContentLoader
    public private(set) var tree: SourceTree
    /// Load problems (non-UTF-8 files, ignored names), recomputed with each refresh.
    public var diagnostics: [Diagnostic] { fileDiagnostics.keys.sorted().flatMap { fileDiagnostics[$0]! } }
    /// By the file they are about.
    private var fileDiagnostics: [String: [Diagnostic]] = [:]

    public init(loader: ContentLoader) throws {
        self.loader = loader
        var diagnostics: [Diagnostic] = []
        tree = try loader.load(diagnostics: &diagnostics)
        fileDiagnostics = Dictionary(grouping: diagnostics, by: { $0.location?.file ?? "" })
    }

    /// Re-reads what `changed` (absolute paths from `Watcher`) touched: the content folders that
    /// hold a changed path, `site.yml`, and all templates and assets when any template changed.
    /// On a read error nothing changes, so the same paths can be applied again.
    public mutating func refresh(changed: Set<String>) throws {
        var next = self
        try next.apply(changed)
        self = next
    }

    private mutating func apply(_ changed: Set<String>) throws {
        let content = loader.contentDirectory.path
        let templates = loader.templatesDirectory.path
        let statics = loader.staticDirectory.path
        let folders = ContentLoader.contentFolders.map(\.name)
        var pathsIn: [String: [String]] = [:]
        var siteChanged = false
        var templatesChanged = false
        var staticChanged = false
        var everything = false
        for path in changed {
            if path == statics || path.hasPrefix(statics + "/") {
                staticChanged = true
            } else if path == templates || path.hasPrefix(templates + "/") {
                templatesChanged = true
            } else if path.hasPrefix(content + "/") {
                let relative = path.dropFirst(content.count + 1).split(separator: "/")
                if relative.count == 1, relative[0] == "site.yml" { siteChanged = true }
                else if let folder = relative.first, folders.contains(String(folder)) { pathsIn[String(folder), default: []].append(path) }
                else if relative.count == 1 { continue }  // other files at the top of Content/ are not read
                else { everything = true }
            } else if path == content {
                everything = true
            }
        }
        if everything {
            self = try LiveSourceTree(loader: loader)
            return
        }
        if siteChanged {
            var diagnostics: [Diagnostic] = []
            tree.siteConfig = try loader.siteConfig(diagnostics: &diagnostics)
            let forgotten: Set<String> = [loader.display(loader.contentDirectory.appendingPathComponent("site.yml")), loader.display(loader.contentDirectory)]
            forget { forgotten.contains($0) }
            remember(diagnostics)
        }
        for folder in ContentLoader.contentFolders {
            guard let paths = pathsIn[folder.name] else { continue }
            if !reread(folder.name, folder.ext, folder.files, paths) { try relist(folder.name, folder.ext, folder.files, changed) }
        }
        if staticChanged {
            var diagnostics: [Diagnostic] = []
            tree.staticFiles = try loader.staticFiles(diagnostics: &diagnostics)
            let prefix = loader.display(loader.staticDirectory) + "/"
            forget { $0.hasPrefix(prefix) }
            remember(diagnostics)
        }
        if templatesChanged {
            var diagnostics: [Diagnostic] = []
            tree.templates = try loader.templateFiles(diagnostics: &diagnostics)
            tree.assets = try loader.assets(diagnostics: &diagnostics)
            let prefix = loader.display(loader.templatesDirectory) + "/"
            forget { $0.hasPrefix(prefix) }
            remember(diagnostics)
        }
    }

    private mutating func forget(_ matches: (String) -> Bool) {
        for key in fileDiagnostics.keys where matches(key) { fileDiagnostics[key] = nil }
    }

    private mutating func remember(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { fileDiagnostics[d.location?.file ?? "", default: []].append(d) }
    }

    /// Re-reads edited files in place, the common case, without listing a folder of thousands.
    /// Paths that never mattered are skipped: hidden files, and files that came and went without
    /// being part of the tree (an editor's temporary file, renamed over the original). Returns
    /// false, having changed nothing, when a file of the folder was created, deleted or cannot be
    /// read as text: then the folder is listed again.
    private mutating func reread(_ folder: String, _ ext: String, _ files: WritableKeyPath<SourceTree, [SourceFile]>, _ paths: [String]) -> Bool {
        let directory = loader.contentDirectory.appendingPathComponent(folder).path + "/"
        var updates: [(index: Int, file: SourceFile, diagnostics: [Diagnostic])] = []
        for path in paths {
            let name = path.dropFirst(directory.count)
            guard path.hasPrefix(directory), !name.contains("/") else { return false }
            if name.hasPrefix(".") { continue }
            let url = URL(fileURLWithPath: path)
            let display = loader.display(url)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let index = tree[keyPath: files].firstIndex(where: { $0.path == display })
            if !exists, index == nil, fileDiagnostics[display] == nil { continue }
            guard exists, !isDirectory.boolValue, name.hasSuffix("." + ext), let index else { return false }
            var local: [Diagnostic] = []
            guard let file = try? loader.read(url, inside: loader.contentDirectory, diagnostics: &local) else { return false }
            updates.append((index, file, local))
        }
        for update in updates {
            tree[keyPath: files][update.index] = update.file
            fileDiagnostics[update.file.path] = update.diagnostics.isEmpty ? nil : update.diagnostics
        }
        return true
    }

    /// Lists a folder again, reading only files that are new or among the changed paths.
    private mutating func relist(_ folder: String, _ ext: String, _ files: WritableKeyPath<SourceTree, [SourceFile]>, _ changed: Set<String>) throws {
        let known = Dictionary(tree[keyPath: files].map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        let listed = try loader.files(in: folder, extension: ext, diagnostics: &diagnostics) { display, absolute in
            changed.contains(absolute) ? nil : known[display]
        }
        let prefix = loader.display(loader.contentDirectory.appendingPathComponent(folder)) + "/"
        forget { $0.hasPrefix(prefix) }
        remember(diagnostics)
        tree[keyPath: files] = listed
    }
}
