/// The whole pure pipeline: parse → link → render. No file system, no clock.
public enum SiteBuilder {
    /// What a build produced, including its problems. `files` is empty when there were errors.
    public struct Result: Sendable {
        public var files: [OutputFile]
        public var diagnostics: [Diagnostic]
        public var site: Site?

        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Runs every stage. With `renderOutput: false` (for `dossier check`) stops after linking.
    public static func build(_ tree: SourceTree, options: BuildOptions = BuildOptions(), renderOutput: Bool = true) -> Result {
        var diagnostics: [Diagnostic] = []
        let site = SiteLinker.link(tree, options: options, diagnostics: &diagnostics)
        let templates = TemplateSet(tree.templates, diagnostics: &diagnostics)
        if options.strict {
            diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
        }
        guard renderOutput, !diagnostics.hasErrors else {
            return Result(files: [], diagnostics: diagnostics.sortedForDisplay(), site: site)
        }
        var files = SiteRenderer(site: site, templates: templates).render()
        for (path, bytes) in tree.assets.sorted(by: { $0.key < $1.key }) { files.append(OutputFile(path: path, bytes: bytes)) }
        return Result(files: files, diagnostics: diagnostics.sortedForDisplay(), site: site)
    }
}
