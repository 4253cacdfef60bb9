import DossierCore
import Foundation

/// Decides whether a source file may be read, and reads it: only regular files whose real path
/// (all symbolic links resolved) lies inside their folder. A link to `/etc/passwd` or
/// `/proc/self/environ` in `Content/articles/` would otherwise be published in the page, the
/// feed and the search index; a FIFO would hang the build.
///
/// Made once per folder listing: the folders' real paths are resolved once, not per file.
struct FileGate {
    /// The folder files must really be in (its real path), or nil to read any regular file (a
    /// path named on the command line).
    private let realRoot: String?
    /// The folder's name for messages, `Content/`.
    private let folder: String
    /// When set, links that leave `root` but stay inside this folder are followed, and links
    /// that leave it are skipped with a warning instead of failing the build.
    private let realSite: String?
    private let allowsSiteLinks: Bool

    /// A folder that does not exist (yet) is its own real path: nothing inside it can be read anyway.
    init(root: String?, site: String?) {
        realRoot = root.map { Self.realPath($0) ?? $0 }
        folder = root.map { SourceFile.fileName(of: $0) + "/" } ?? ""
        realSite = site.map { Self.realPath($0) ?? $0 }
        allowsSiteLinks = site != nil
    }

    enum Outcome {
        case opened([UInt8])
        /// A content problem, reported at the file.
        case refused(Problem)
        /// An environment failure (permissions, I/O), with its errno.
        case failed(Int32)
    }

    struct Problem {
        var severity: Diagnostic.Severity
        var message: String
        var notes: [String]
    }

    func open(_ path: String) -> Outcome {
        guard let real = Self.realPath(path) else {
            if errno == ENOENT || errno == ELOOP {
                return .refused(Problem(severity: .error, message: "broken symbolic link: its target does not exist" + (errno == ELOOP ? " (it loops)" : ""),
                                        notes: ["point the link at a file inside the site, or replace it with the file"]))
            }
            return .failed(errno)
        }
        if let realRoot, !Self.isInside(real, realRoot) {
            if let realSite, Self.isInside(real, realSite) {
                // Allowed: a link to elsewhere in the site.
            } else if allowsSiteLinks {
                return .refused(Problem(severity: .warning, message: "skipped: it links to '\(real)', outside the site",
                                        notes: ["only links inside the site are followed; copy the file into \(folder)"]))
            } else {
                return .refused(Problem(severity: .error, message: "refusing to read a link to '\(real)', outside \(folder)",
                                        notes: ["copy the file into \(folder) instead of linking it, or pass --allow-site-links to follow links inside the site"]))
            }
        }
        let fd = Foundation.open(real, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .failed(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failed(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .refused(Problem(severity: .error, message: "not a regular file (\(Self.kind(info.st_mode)))",
                                    notes: ["only regular files are read; remove it from the folder"]))
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while true {
            if offset == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }  // the file grew
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failed(errno)
            }
            if n == 0 { break }
            offset += n
        }
        bytes.removeLast(bytes.count - offset)
        return .opened(bytes)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        default: "not a file"
        }
    }
}
