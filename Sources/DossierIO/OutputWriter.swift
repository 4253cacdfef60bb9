import DossierCore
import Foundation

/// Writes a finished build to disk atomically: everything goes into a temporary sibling folder
/// that replaces the output folder only once complete, so a failed or interrupted build never
/// leaves a half-written site behind.
public struct OutputWriter {
    /// Marks a folder as Dossier's, so that `--output ~/Documents` cannot be wiped by mistake.
    public static let markerName = ".dossier-output"

    public var outputDirectory: URL

    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory.standardizedFileURL
    }

    /// Writes already-rendered files.
    public func write(_ files: [OutputFile]) throws {
        _ = try write(RenderPlan(jobs: [{ files }]))
    }

    /// Renders the plan's jobs in parallel and writes each file as soon as it exists, so the
    /// whole site never has to sit in memory at once. Returns the number of files written.
    /// - Parameter progress: called now and then with (jobs done, jobs in all), from any thread.
    /// - Parameter verify: runs once every file is written and before the swap (the link check); if
    ///   it returns errors the staging folder is discarded and `WriteError.verificationFailed` thrown.
    @discardableResult
    public func write(_ plan: RenderPlan, progress: (@Sendable (Int, Int) -> Void)? = nil, verify: () -> [Diagnostic] = { [] }) throws -> Int {
        let fm = FileManager.default
        let parent = outputDirectory.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: outputDirectory.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw WriteError.notADirectory(outputDirectory.path) }
            let contents = try fm.contentsOfDirectory(atPath: outputDirectory.path)
            guard contents.isEmpty || contents.contains(Self.markerName) else { throw WriteError.foreignDirectory(outputDirectory.path) }
        }

        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(outputDirectory.lastPathComponent).building-\(pid)")
        let retired = parent.appendingPathComponent(".\(outputDirectory.lastPathComponent).old-\(pid)")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        var count = 0
        do {
            count = try writeFiles(plan, into: staging, previous: exists ? outputDirectory : nil, progress: progress)
            let problems = verify()
            if problems.hasErrors { throw WriteError.verificationFailed(problems) }
            try Data().write(to: staging.appendingPathComponent(Self.markerName))
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        if exists { try fm.moveItem(at: outputDirectory, to: retired) }
        do {
            try fm.moveItem(at: staging, to: outputDirectory)
        } catch {
            if exists { try? fm.moveItem(at: retired, to: outputDirectory) }
            try? fm.removeItem(at: staging)
            throw error
        }
        if exists { try? fm.removeItem(at: retired) }
        return count
    }

    /// Writes `files` under `root`. A file whose bytes equal the previous build's is hard-linked
    /// from it instead of rewritten: it keeps its modification time (so rsync and bucket syncs
    /// upload only what changed) and costs no new inode.
    ///
    /// Plain POSIX calls: Foundation's per-call checks cost more than the writes on large sites.
    private func writeFiles(_ plan: RenderPlan, into root: URL, previous: URL?, progress: (@Sendable (Int, Int) -> Void)?) throws -> Int {
        let rootPath = root.path
        let failure = Locked<Error?>(nil)
        let written = Locked(0)
        let jobsDone = Locked(0)
        let total = plan.jobs.count
        DispatchQueue.concurrentPerform(iterations: total) { j in
            guard failure.current == nil else { return }
            defer {
                let done = jobsDone.withLock { $0 += 1; return $0 }
                if let progress, done % 250 == 0 { progress(done, total) }
            }
            for file in plan.jobs[j]() {
                do {
                    try writeFile(file, root: rootPath, previous: previous?.path)
                    written.withLock { $0 += 1 }
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
            }
        }
        if let error = failure.current { throw error }
        return written.current
    }

    private func writeFile(_ file: OutputFile, root: String, previous: String?) throws {
        guard Self.isSafeRelativePath(file.path) else { throw WriteError.unsafePath(file.path) }
        let path = root + "/" + file.path
        if let previous, Self.hasSameBytes(previous + "/" + file.path, file.bytes) {
            if link(previous + "/" + file.path, path) == 0 { return }
            if errno == ENOENT {
                try makeParents(of: file.path, root: root)
                if link(previous + "/" + file.path, path) == 0 { return }
            }
        }
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try makeParents(of: file.path, root: root)
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw WriteError.system("cannot create '\(path)'", errno) }
        defer { close(fd) }
        try file.bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteError.system("cannot write '\(path)'", errno)
                }
                offset += n
            }
        }
    }

    /// `mkdir -p` for a file's folders; safe when other threads create the same folders.
    private func makeParents(of relativePath: String, root: String) throws {
        var path = root
        for component in relativePath.split(separator: "/").dropLast() {
            path += "/" + component
            if mkdir(path, 0o755) != 0, errno != EEXIST { throw WriteError.system("cannot create folder '\(path)'", errno) }
        }
    }

    static func hasSameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let n = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return existing == bytes
    }

    /// No absolute paths, no `..`: output files stay inside the output folder.
    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}

public enum WriteError: Error, CustomStringConvertible {
    case notADirectory(String)
    case foreignDirectory(String)
    case unsafePath(String)
    case system(String, Int32)
    /// The written site failed a check (broken links); the diagnostics name pages and targets.
    case verificationFailed([Diagnostic])

    public var description: String {
        switch self {
        case .notADirectory(let path): "output '\(path)' exists and is not a folder"
        case .foreignDirectory(let path):
            "output folder '\(path)' is not empty and was not written by Dossier; refusing to replace it (choose another --output, or empty it first)"
        case .unsafePath(let path): "refusing to write '\(path)' outside the output folder"
        case let .system(what, code): "\(what): \(String(cString: strerror(code)))"
        case .verificationFailed(let diagnostics): "the built site has \(diagnostics.errorCount) error(s)"
        }
    }
}
