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

    public func write(_ files: [OutputFile]) throws {
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
        do {
            try writeFiles(files, into: staging)
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
    }

    private func writeFiles(_ files: [OutputFile], into root: URL) throws {
        let fm = FileManager.default
        var folders = Set<String>()
        for file in files {
            guard Self.isSafeRelativePath(file.path) else { throw WriteError.unsafePath(file.path) }
            if let slash = file.path.lastIndex(of: "/") { folders.insert(String(file.path[..<slash])) }
        }
        for folder in folders.sorted() {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            do {
                try Data(file.bytes).write(to: root.appendingPathComponent(file.path))
            } catch {
                failure.record(error)
            }
        }
        if let error = failure.error { throw error }
    }

    /// No absolute paths, no `..`: output files stay inside the output folder.
    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}

private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: Error?

    func record(_ error: Error) {
        lock.lock()
        if self.error == nil { self.error = error }
        lock.unlock()
    }
}

public enum WriteError: Error, CustomStringConvertible {
    case notADirectory(String)
    case foreignDirectory(String)
    case unsafePath(String)

    public var description: String {
        switch self {
        case .notADirectory(let path): "output '\(path)' exists and is not a folder"
        case .foreignDirectory(let path):
            "output folder '\(path)' is not empty and was not written by Dossier; refusing to replace it (choose another --output, or empty it first)"
        case .unsafePath(let path): "refusing to write '\(path)' outside the output folder"
        }
    }
}
