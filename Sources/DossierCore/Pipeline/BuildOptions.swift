/// Choices made on the command line that change what a build produces.
public struct BuildOptions: Sendable {
    public var includeDrafts: Bool
    /// Overrides `base_url` from site.yml (for feeds and sitemaps built for another host).
    public var baseURL: String?
    /// Treat warnings as errors.
    public var strict: Bool
    /// Off only in benchmarks, to measure what quote extraction costs.
    public var extractQuotes: Bool
    /// When set, quote extraction adds its CPU time here (`build --timings`).
    public var quoteClock: QuoteClock?
    /// Warn about each quotation whose speaker an editor has not confirmed (`dossier check`).
    public var reviewsQuotes: Bool

    public init(includeDrafts: Bool = false, baseURL: String? = nil, strict: Bool = false, extractQuotes: Bool = true,
                quoteClock: QuoteClock? = nil, reviewsQuotes: Bool = false) {
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.strict = strict
        self.extractQuotes = extractQuotes
        self.quoteClock = quoteClock
        self.reviewsQuotes = reviewsQuotes
    }
}
