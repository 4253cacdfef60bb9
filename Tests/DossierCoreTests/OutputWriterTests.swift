@testable import DossierIO
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

    /// A build killed with SIGKILL leaves staging folders; in a container every build is PID 1,
    /// so a leftover named for this very PID must not stop the next build either.
    @Test func removesWhatKilledBuildsLeftAndRestoresARetiredSite() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(outputDirectory: output)
        try writer.write([OutputFile(path: "index.html", text: "first")])
        // A kill between the two renames of an older swap: only the retired site is left.
        let retired = root.appendingPathComponent(".Output.old-\(getpid())")
        try FileManager.default.moveItem(at: output, to: retired)
        let staging = root.appendingPathComponent(".Output.building-\(getpid())")
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("half"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".Output.building-1-abc"), withIntermediateDirectories: true)

        #expect(throws: WriteError.self) { try writer.write([OutputFile(path: "../x", text: "fails")]) }
        #expect(read("index.html") == "first", "the retired site is put back even when the new build fails")
        try writer.write([OutputFile(path: "index.html", text: "second")])
        #expect(read("index.html") == "second")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "Output" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func writesThroughAnOutputSymlink() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("www/site")
        try OutputWriter(outputDirectory: target).write([OutputFile(path: "index.html", text: "one")])
        try FileManager.default.createSymbolicLink(atPath: output.path, withDestinationPath: "www/site")
        try OutputWriter(outputDirectory: output).write([OutputFile(path: "index.html", text: "two")])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: output.path) == "www/site", "the link stays a link")
        #expect(read("index.html") == "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path).filter { $0 != "site" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func stagingNamesDifferForTheSamePID() {
        #expect(OutputWriter.stagingName("Output", "building") != OutputWriter.stagingName("Output", "building"))
        #expect(OutputWriter.stagingName("Output", "building").hasPrefix(".Output.building-\(getpid())-"))
    }

    @Test func aFileSystemFailureIsOneLineNamingThePathAndWhatToDo() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x".utf8).write(to: root.appendingPathComponent("file"))
        let error = #expect(throws: WriteError.self) {
            try OutputWriter(outputDirectory: root.appendingPathComponent("file/Output")).write([OutputFile(path: "index.html", text: "x")])
        }
        let text = try #require(error).description
        #expect(!text.contains("\n"))
        #expect(text == "output '\(root.path)/file' exists and is not a folder (remove it or choose another --output)")
        #expect(WriteError.system("cannot create the folder '/srv/x'", EROFS).description
            == "cannot create the folder '/srv/x': Read-only file system (the file system is read-only; choose another --output)")
    }
}
