import CDossierSystem
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
        try write { staging throws(WriteError) in
            try staging.write(files)
            return true
        }
    }

    /// Makes a staging folder beside the output, lets `produce` write the site into it (from any
    /// thread, each file as soon as it exists, so the whole site never sits in memory), then
    /// replaces the output folder with it if `produce` returns true; otherwise, or on any error,
    /// the staging folder is discarded and the output left as it was. Returns what `produce` did.
    @discardableResult
    public func write(_ produce: (StagingFolder) throws -> Bool) throws -> Bool {
        let output = try resolvedOutput()
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        try Self.makeFolders(parent)
        // One build at a time per parent folder; while we hold the lock, every staging folder
        // there belongs to a build that is gone (killed, crashed), whatever its PID.
        let (lock, locked) = try Self.lock(parent)
        defer { close(lock) }
        try recover(name, in: parent, removingLeftovers: locked)

        var info = stat()
        let exists = lstat(output, &info) == 0
        if exists {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw WriteError.notADirectory(output) }
            let contents: [String]
            do {
                contents = try FileManager.default.contentsOfDirectory(atPath: output)
            } catch {
                throw WriteError.system("cannot list the output folder '\(output)'", ContentLoader.errnoCode(of: error))
            }
            guard contents.isEmpty || contents.contains(Self.markerName) else { throw WriteError.foreignDirectory(output) }
        }

        let staging = parent + "/" + Self.stagingName(name, "building")
        guard mkdir(staging, 0o755) == 0 else { throw WriteError.system("cannot create the staging folder '\(staging)'", errno) }
        StagingFolders.shared.register(staging)
        defer { StagingFolders.shared.unregister(staging) }
        let folder = StagingFolder(root: staging, previous: exists ? output : nil)
        do {
            guard try produce(folder) else {
                Self.remove(staging)
                return false
            }
            try folder.write([OutputFile(path: Self.markerName, bytes: [])])
            try Self.swap(staging, into: output, exists: exists, parent: parent, name: name)
        } catch {
            Self.remove(staging)
            throw error
        }
        Self.remove(staging)  // after the exchange it holds the previous output
        return true
    }

    /// The real folder to write: an `Output` that is a symbolic link is written through, so the
    /// link stays and its target is replaced.
    func resolvedOutput() throws -> String {
        let path = outputDirectory.path
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let real = realpath(path, nil) else {
            throw WriteError.system("output '\(path)' is a symbolic link whose target cannot be reached (create the folder it points to, or remove the link)", errno)
        }
        defer { free(real) }
        return String(cString: real)
    }

    /// Hidden sibling names, unique per build (PID plus random bits: a PID is reused, and in a
    /// container every build is PID 1).
    static func stagingName(_ name: String, _ kind: String) -> String {
        ".\(name).\(kind)-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
    }

    /// Puts `staging` in place of `output` so that a complete site is there at every moment:
    /// an atomic exchange where the file system has one (the staging folder then holds the
    /// previous site), else two renames with the previous site kept aside until the second is done.
    static func swap(_ staging: String, into output: String, exists: Bool, parent: String, name: String) throws {
        guard exists else {
            guard rename(staging, output) == 0 else { throw WriteError.system("cannot move the new site to '\(output)'", errno) }
            return
        }
        if dossier_exchange_paths(staging, output) == 0 { return }
        guard errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP else {
            throw WriteError.system("cannot swap the new site into '\(output)'", errno)
        }
        let retired = parent + "/" + stagingName(name, "old")
        guard rename(output, retired) == 0 else { throw WriteError.system("cannot move the previous site out of '\(output)'", errno) }
        guard rename(staging, output) == 0 else {
            let code = errno
            _ = rename(retired, output)
            throw WriteError.system("cannot move the new site to '\(output)'", code)
        }
        remove(retired)
    }

    /// Cleans up after builds that were killed: restores a retired site when `Output/` is
    /// missing (a kill between two renames), then removes every staging and retired folder
    /// (only with the lock held: without it they may be another build's).
    func recover(_ name: String, in parent: String, removingLeftovers: Bool) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        let leftovers = names.filter { $0.hasPrefix(".\(name).building-") || $0.hasPrefix(".\(name).old-") }.sorted()
        guard !leftovers.isEmpty else { return }
        let output = parent + "/" + name
        var info = stat()
        if lstat(output, &info) != 0 {
            // The newest complete retired site (it has the marker the writer adds last).
            let complete = leftovers.filter { $0.contains(".old-") && FileManager.default.fileExists(atPath: parent + "/" + $0 + "/" + Self.markerName) }
            let newest = complete.max { Self.modified(parent + "/" + $0) < Self.modified(parent + "/" + $1) }
            if let newest, rename(parent + "/" + newest, output) != 0 {
                throw WriteError.system("cannot restore the previous site from '\(parent)/\(newest)' to '\(output)'", errno)
            }
        }
        for leftover in leftovers where removingLeftovers && FileManager.default.fileExists(atPath: parent + "/" + leftover) {
            Self.remove(parent + "/" + leftover)
        }
    }

    static func modified(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec) : 0
    }

    /// An exclusive lock on `folder`, held until the descriptor is closed (also when the process
    /// is killed). `locked` is false on file systems without locks (some network mounts).
    static func lock(_ folder: String) throws -> (fd: Int32, locked: Bool) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError.system("cannot open the folder '\(folder)'", errno) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            if errno == ENOLCK || errno == EOPNOTSUPP || errno == EINVAL { return (fd, false) }
            let code = errno
            close(fd)
            throw WriteError.system("cannot lock the folder '\(folder)'", code)
        }
        return (fd, true)
    }

    /// `mkdir -p` with errors that name the folder.
    static func makeFolders(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw WriteError.notADirectory(path) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeFolders(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw WriteError.system("cannot create the folder '\(path)'", errno) }
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
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

/// A staging folder being filled, from any thread. A file whose bytes equal the previous build's
/// is hard-linked from it instead of rewritten: it keeps its modification time (so rsync and
/// bucket syncs upload only what changed) and costs no new inode.
///
/// Plain POSIX calls: Foundation's per-call checks cost more than the writes on large sites.
public struct StagingFolder: OutputSink {
    let root: String
    /// The output folder of the previous build, if any.
    let previous: String?

    public func write(_ files: [OutputFile]) throws(WriteError) {
        for file in files { try write(file) }
    }

    private func write(_ file: OutputFile) throws(WriteError) {
        guard !StagingFolders.shared.isInterrupted else { throw WriteError.interrupted }
        guard OutputWriter.isSafeRelativePath(file.path) else { throw WriteError.unsafePath(file.path) }
        let path = root + "/" + file.path
        if let previous, OutputWriter.hasSameBytes(previous + "/" + file.path, file.bytes) {
            if link(previous + "/" + file.path, path) == 0 { return }
            if errno == ENOENT {
                try makeParents(of: file.path)
                if link(previous + "/" + file.path, path) == 0 { return }
            }
        }
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try makeParents(of: file.path)
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw WriteError.system("cannot create the file '\(path)'", errno) }
        defer { close(fd) }
        let failure: Int32? = file.bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failure { throw WriteError.system("cannot write the file '\(path)'", failure) }
    }

    /// `mkdir -p` for a file's folders; safe when other threads create the same folders.
    private func makeParents(of relativePath: String) throws(WriteError) {
        var path = root
        for component in relativePath.split(separator: "/").dropLast() {
            path += "/" + component
            if mkdir(path, 0o755) != 0, errno != EEXIST { throw WriteError.system("cannot create the folder '\(path)'", errno) }
        }
    }
}

public enum WriteError: Error, CustomStringConvertible {
    case notADirectory(String)
    case foreignDirectory(String)
    case unsafePath(String)
    case system(String, Int32)
    /// SIGINT or SIGTERM arrived while writing.
    case interrupted

    /// One line: what failed, on which path, and what to do about it.
    public var description: String {
        let text = switch self {
        case .notADirectory(let path): "output '\(path)' exists and is not a folder (remove it or choose another --output)"
        case .foreignDirectory(let path):
            "output folder '\(path)' is not empty and was not written by Dossier; refusing to replace it (choose another --output, or empty it first)"
        case .unsafePath(let path): "refusing to write '\(path)' outside the output folder"
        case let .system(what, code): "\(what): \(String(cString: strerror(code)))\(Self.advice(code))"
        case .interrupted: "interrupted; the previous output is untouched"
        }
        return SourceText.escapingControlCharacters(text)
    }

    static func advice(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: " (give the user running dossier write permission there, or choose another --output)"
        case EROFS: " (the file system is read-only; choose another --output)"
        case ENOSPC, EDQUOT: " (the disk is full; free some space and build again)"
        case ENAMETOOLONG: " (a name is too long for the file system; shorten the slug or tag)"
        default: ""
        }
    }
}
