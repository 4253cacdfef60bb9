import Dispatch

/// The whole pure pipeline: parse → link → render. No file system, no clock.
public enum SiteBuilder {
    /// What a build produced, including its problems. `plan` is empty when there were errors.
    public struct Result: Sendable {
        public var plan: RenderPlan
        public var diagnostics: [Diagnostic]
        public var site: Site?
        /// Output path → `static/` file, so a clash with a generated page names the file.
        public var staticSources: [String: String] = [:]

        public var succeeded: Bool { !diagnostics.hasErrors }

        /// Every output file, rendered now (tests and the preview server; the CLI streams instead).
        public func files() -> [OutputFile] { plan.renderAll() }
    }

    /// Runs parse and link, and prepares rendering. With `renderOutput: false` (diagnostics only)
    /// stops after linking.
    public static func build(_ tree: SourceTree, options: BuildOptions = BuildOptions(), renderOutput: Bool = true) -> Result {
        var diagnostics: [Diagnostic] = []
        let site = SiteLinker.link(tree, options: options, diagnostics: &diagnostics)
        let templates = TemplateSet(tree.templates, diagnostics: &diagnostics)
        diagnostics = diagnostics.finished(strict: options.strict)
        guard renderOutput, !diagnostics.hasErrors, let pages = templates.pages else {
            return Result(plan: RenderPlan(jobs: []), diagnostics: diagnostics, site: site)
        }
        var jobs = SiteRenderer(site: site, pages: pages).jobs()
        let copied = tree.copiedFiles
        jobs.append { copied }
        return Result(plan: RenderPlan(jobs: jobs), diagnostics: diagnostics, site: site, staticSources: tree.staticSources)
    }
}

/// The pages of a site as independent, pure render jobs.
public struct RenderPlan: Sendable {
    public let jobs: [@Sendable () -> [OutputFile]]

    public init(jobs: [@Sendable () -> [OutputFile]]) {
        self.jobs = jobs
    }

    /// Renders every job in parallel; files come back in a stable order.
    public func renderAll() -> [OutputFile] {
        concurrentMap(jobs) { $0() }.flatMap { $0 }
    }

    /// Renders every job in parallel and keeps nothing: for what the jobs record as they run
    /// (`dossier check`'s link check).
    public func renderDiscarding() {
        DispatchQueue.concurrentPerform(iterations: jobs.count) { _ = jobs[$0]() }
    }
}
