/// Choices made on the command line that change what a build produces.
public struct BuildOptions: Sendable {
    public var includeDrafts: Bool
    /// The build's date: briefings published or briefed after it are held back unless
    /// `includeFuture`. The CLI sets today's date; nil (tests) holds nothing back.
    public var today: ISODate?
    public var includeFuture: Bool
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
    /// Bytes of a search term shard above which it is split (tests lower it to split a small site).
    public var searchShardLimit = SearchIndex.shardLimit

    public init(includeDrafts: Bool = false, today: ISODate? = nil, includeFuture: Bool = false, baseURL: String? = nil, strict: Bool = false, extractQuotes: Bool = true,
                quoteClock: QuoteClock? = nil, reviewsQuotes: Bool = false) {
        self.includeDrafts = includeDrafts
        self.today = today
        self.includeFuture = includeFuture
        self.baseURL = baseURL
        self.strict = strict
        self.extractQuotes = extractQuotes
        self.quoteClock = quoteClock
        self.reviewsQuotes = reviewsQuotes
    }
}

extension BuildOptions {
    /// Whether a briefing waits for its date: published or briefed after `today`, without `--future`.
    func isScheduled(_ article: Article?, _ annotation: Annotation?) -> Bool {
        guard let today, !includeFuture else { return false }
        let dates = [annotation?.provenance.published ?? article?.provenance.published, annotation?.briefed]
        return dates.contains { date in date.map { ($0.year, $0.month, $0.day) > (today.year, today.month, today.day) } ?? false }
    }

    /// Whether a briefing stays out of the site: a draft without `--drafts`, or scheduled.
    func leavesOut(_ article: Article?, _ annotation: Annotation?) -> Bool {
        (annotation?.draft == true && !includeDrafts) || isScheduled(article, annotation)
    }
}
