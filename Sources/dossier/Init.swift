import ArgumentParser
import DossierIO
import DossierCore
import DossierTheme
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a working site: settings, a sample briefing, two entities, static/.",
        discussion: "The folder must be empty (or not exist) unless --force is given; existing files are never overwritten.")

    @Argument(help: "Folder to create the site in.")
    var folder = "."

    @Flag(help: "Create the site in a folder that is not empty (keeping every file already there).")
    var force = false

    func run() throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        let fm = FileManager.default
        let existing = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
        if !existing.isEmpty, !force {
            printError("error: '\(displayed(root).isEmpty ? "." : displayed(root))' is not empty (\(count(existing.count, "entry", "entries")))")
            printError("note: choose an empty or new folder (dossier init my-site), or add --force to keep what is there and add the missing files")
            throw ExitCode.failure
        }
        var kept: [String] = []
        do {
            for (path, text) in SiteStarter.files {
                let url = root.appendingPathComponent(path)
                if fm.fileExists(atPath: url.path) { kept.append(path); continue }
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            printError("error: cannot write in \(root.path): \(String(cString: strerror(ContentLoader.errnoCode(of: error))))")
            throw ExitCode.failure
        }
        let shown = displayed(root)
        print("created a site in \(shown.isEmpty ? "the current folder" : shown + "/")" + (kept.isEmpty ? "" : " (kept existing \(kept.joined(separator: ", ")))"))
        let move = shown.isEmpty ? "" : "  cd \(shown.contains(" ") ? "'\(shown)'" : shown)\n"
        print("""

            next:
            \(move)  dossier serve           preview at http://127.0.0.1:8000/, rebuilt as you edit Content/
              dossier build           write the site to Output/ (set base_url in Content/site.yml first)
              dossier new SLUG        start the annotation of Content/articles/SLUG.txt
              dossier theme export    copy the built-in theme to Templates/, to change it
            """)
    }
}

struct Theme: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the built-in theme.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in templates and assets out for editing.",
            discussion: "Files in the site's Templates/ replace the built-in ones of the same path; delete the ones you do not change, so they follow Dossier's updates.")

        @Argument(help: "Folder to write to (default: SITE/Templates).")
        var folder: String?

        @Option(name: [.customShort("s"), .long], help: "The site's folder (default: the current folder, or the nearest one above it holding Content/site.yml).")
        var site: String?

        @Flag(help: "Overwrite files that exist.")
        var force = false

        func run() throws {
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let target: URL
            if let folder {
                target = URL(fileURLWithPath: folder, relativeTo: here).standardizedFileURL
            } else {
                do {
                    target = try SiteFolders.locate(site: site, content: nil, templates: nil, output: nil, workingDirectory: here).root
                        .appendingPathComponent("Templates")
                } catch {
                    printError("error: \(error)")
                    throw ExitCode.failure
                }
            }
            let fm = FileManager.default
            let clashes = BuiltinTheme.files.map(\.path).filter { fm.fileExists(atPath: target.appendingPathComponent($0).path) }
            if !clashes.isEmpty, !force {
                printError("error: \(displayed(target))/ already has \(clashes.prefix(3).joined(separator: ", "))\(clashes.count > 3 ? " and \(clashes.count - 3) more" : "")")
                printError("note: export to another folder, or add --force to overwrite them")
                throw ExitCode.failure
            }
            do {
                for (path, text) in BuiltinTheme.files {
                    let url = target.appendingPathComponent(path)
                    try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url)
                }
            } catch {
                printError("error: cannot write in \(displayed(target)): \(String(cString: strerror(ContentLoader.errnoCode(of: error))))")
                throw ExitCode.failure
            }
            print("wrote \(count(BuiltinTheme.files.count, "file")) of the built-in theme to \(displayed(target))/")
        }
    }
}
