import DossierIO
import Foundation
import Testing
@testable import DossierCore

/// The writer is the one place that touches Output/: these tests use a temporary folder.
@Suite struct OutputWriterTests {
    let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-writer-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    var output: URL { root.appendingPathComponent("Output") }

    func read(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func inode(_ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    @Test func replacesTheWholeFolderAndKeepsUnchangedFiles() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(outputDirectory: output)
        try writer.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "a/b/c.html", text: "same"), OutputFile(path: "old.html", text: "x")])
        let before = try inode("a/b/c.html")
        try writer.write([OutputFile(path: "index.html", text: "two"), OutputFile(path: "a/b/c.html", text: "same")])
        #expect(read("index.html") == "two")
        #expect(read("old.html") == nil, "files the new build no longer makes are gone")
        #expect(try inode("a/b/c.html") == before, "an unchanged file is hard-linked, keeping its inode and mtime")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "Output" }
        #expect(leftovers.isEmpty, "no staging folders left behind: \(leftovers)")
    }

    @Test func aFailedWriteLeavesThePreviousOutputUntouched() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(outputDirectory: output)
        try writer.write([OutputFile(path: "index.html", text: "good")])
        #expect(throws: WriteError.self) {
            try writer.write([OutputFile(path: "index.html", text: "bad"), OutputFile(path: "../escape.html", text: "x")])
        }
        #expect(read("index.html") == "good")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "Output" }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: output.appendingPathComponent("thesis.tex"))
        #expect(throws: WriteError.self) { try OutputWriter(outputDirectory: output).write([OutputFile(path: "index.html", text: "x")]) }
        #expect(read("thesis.tex") == "precious")
    }
}
