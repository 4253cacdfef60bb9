import Foundation
import PackagePlugin

/// Compiles the files under a target's `Theme/` folder into its Swift source, so the installed
/// binary carries its theme: no resource bundle to install beside it, nothing to drift from the
/// files a developer edits (every build regenerates the source from them).
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = target.directoryURL.appending(path: "Theme")
        let files = try Self.files(under: theme)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
        return [.buildCommand(
            displayName: "Embedding the built-in theme (\(files.count) files)",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [output.path, theme.path] + files,
            inputFiles: files.map { theme.appending(path: $0) },
            outputFiles: [output])]
    }

    /// Relative paths of the theme's files, sorted so the generated source is deterministic.
    static func files(under root: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let name = (path as NSString).lastPathComponent
            if !name.hasPrefix("."), FileManager.default.fileExists(atPath: root.appending(path: path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }
}
