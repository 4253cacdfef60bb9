import Foundation
import Testing

/// Compares `actual` with the golden file `Snapshots/<name>`; with `DOSSIER_RECORD=1` in the
/// environment it (re)writes the golden file instead. Golden files are reviewed by eye when recorded.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1" {
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(actual.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden file Snapshots/\(name); run the tests with DOSSIER_RECORD=1 and review it", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
    Issue.record("""
        output differs from Snapshots/\(name) at line \(line + 1):
          expected: \(line < e.count ? String(e[line]) : "<end of file>")
          actual:   \(line < a.count ? String(a[line]) : "<end of file>")
        (re-record with DOSSIER_RECORD=1 if the change is intended, and review the diff)
        """, sourceLocation: sourceLocation)
}
