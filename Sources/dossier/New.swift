import ArgumentParser
import DossierCore
import DossierIO
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scaffold an annotation for an article, with its detected quotes and candidate entities.")

    @Argument(help: "The article: a path, a file name in Content/articles/, or its slug.")
    var article: String

    @Option(name: [.customShort("s"), .long], help: "The site's folder (default: the current folder, or the nearest one above it holding Content/site.yml).")
    var site: String?

    @Option(help: "Folder with articles/, annotations/ and entities/ (default: SITE/Content).")
    var content: String?

    @Flag(help: "Print the annotation instead of writing it.")
    var stdout = false

    func validate() throws {
        guard !article.isEmpty else { throw ValidationError("name an article, e.g. 'dossier new syria-withdrawal'") }
    }

    func run() throws {
        let fm = FileManager.default
        let folders: SiteFolders
        do {
            folders = try SiteFolders.locate(site: site, content: content, templates: nil, output: nil,
                                             workingDirectory: URL(fileURLWithPath: fm.currentDirectoryPath))
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        let content = folders.content
        let articles = content.appendingPathComponent("articles")
        let candidates = [article, articles.appendingPathComponent(article).path, articles.appendingPathComponent(article + ".txt").path]
        guard let path = candidates.first(where: { fm.fileExists(atPath: $0) && $0.hasSuffix(".txt") }) else {
            printError("error: no article '\(article)' in \(articles.path)/")
            throw ExitCode.failure
        }
        var diagnostics: [Diagnostic] = []
        let loader = ContentLoader(contentDirectory: content)
        let articleFile = try loader.read(URL(fileURLWithPath: path), inside: nil, diagnostics: &diagnostics)
        let entities = try loader.files(in: "entities", extension: "md", diagnostics: &diagnostics)
        guard let articleFile, let text = AnnotationScaffold.make(article: articleFile, entities: entities, diagnostics: &diagnostics) else {
            DiagnosticPrinter().print(diagnostics)
            throw ExitCode.failure
        }
        DiagnosticPrinter().print(diagnostics.filter { $0.severity == .error })
        if stdout {
            print(text, terminator: "")
            return
        }
        let target = content.appendingPathComponent("annotations").appendingPathComponent(articleFile.stem + ".md")
        guard !fm.fileExists(atPath: target.path) else {
            printError("error: \(loader.display(target)) already exists; edit it, or delete it to start again (or use --stdout)")
            throw ExitCode.failure
        }
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target, options: .withoutOverwriting)
        } catch {
            let code = ContentLoader.errnoCode(of: error)
            printError("error: cannot write \(loader.display(target)): \(String(cString: strerror(code))) (check the folder's permissions, or use --stdout)")
            throw ExitCode.failure
        }
        print("wrote \(loader.display(target))")
    }
}
