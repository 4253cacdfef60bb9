/// Machine-readable site files: Atom feed, sitemap, robots.txt. Absolute URLs come from
/// `base_url`; dates come from content, never from the build clock.
enum SiteFeeds {
    /// The site's feed carries this many of the newest briefings.
    static let siteFeedSize = 50

    /// The site's `feed.xml`.
    static func atom(config: SiteConfig, _ input: SiteFeedInput) -> OutputFile {
        OutputFile(path: "feed.xml", text: atom(config: config, title: config.title, subtitle: config.description, page: "", feed: "feed.xml",
                                                entries: input.entries.map(\.value)))
    }

    /// `sitemap.xml` and `robots.txt`, which names it.
    static func files(config: SiteConfig, _ input: SitemapInput) -> [OutputFile] {
        [OutputFile(path: "sitemap.xml", text: sitemap(base: config.baseURL, input)),
         OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)sitemap.xml\n")]
    }

    /// The newer of a briefing's date and briefing date: when its page last changed in substance.
    static func updated(_ entry: FeedEntry) -> ISODate? {
        [entry.date, entry.briefed].compactMap { $0 }.max()
    }

    /// An Atom feed of `entries` (newest first): the site's, or a story's, entity's or tag's
    /// (`page` and `feed` are their paths under the site, `entities/x/` and `entities/x/feed.xml`).
    /// Its `updated` is the newest date in the entries, so it is stable between builds.
    static func atom(config: SiteConfig, title: String, subtitle: String?, page: String, feed: String, entries: [FeedEntry]) -> String {
        let base = config.baseURL
        let latest = entries.compactMap(updated).max()
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(config.language))">
          <title>\(XML.escape(title))</title>

        """
        if let subtitle, !subtitle.isEmpty { xml += "  <subtitle>\(XML.escape(subtitle))</subtitle>\n" }
        xml += """
          <link rel="alternate" type="text/html" href="\(XML.escape(base + page))"/>
          <link rel="self" type="application/atom+xml" href="\(XML.escape(base + feed))"/>
          <id>\(XML.escape(base + page))</id>
          <updated>\((latest ?? ISODate(year: 1970, month: 1, day: 1)).rfc3339)</updated>
          <author><name>\(XML.escape(config.author ?? config.title))</name></author>
          <generator>Dossier</generator>

        """
        for briefing in entries {
            let link = base + SitePaths.briefing(briefing.slug).dropLast("index.html".count)
            let updated = updated(briefing) ?? ISODate(year: 1970, month: 1, day: 1)
            xml += "  <entry>\n"
            xml += "    <title>\(XML.escape(Typography.curlingQuotes(briefing.title)))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(link))\"/>\n"
            xml += "    <id>\(XML.escape(link))</id>\n"
            if let published = briefing.date { xml += "    <published>\(published.rfc3339)</published>\n" }
            xml += "    <updated>\(updated.rfc3339)</updated>\n"
            if let source = briefing.source { xml += "    <source><title>\(XML.escape(source))</title></source>\n" }
            if let summary = briefing.summary { xml += "    <summary>\(XML.escape(summary))</summary>\n" }
            for tag in briefing.tags { xml += "    <category term=\"\(XML.escape(tag.slug))\" label=\"\(XML.escape(tag.name))\"/>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    static func sitemap(base: String, _ input: SitemapInput) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        func entry(_ path: String, _ date: ISODate?) {
            let url = base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
            xml += "  <url><loc>\(XML.escape(url))</loc>"
            if let date { xml += "<lastmod>\(date.dateString)</lastmod>" }
            xml += "</url>\n"
        }
        entry("index.html", input.latest)
        for page in input.briefings { entry(SitePaths.briefing(page.slug), page.date) }
        entry("entities/index.html", nil)
        for page in input.entityPages { entry(SitePaths.entityPage(page.slug), page.date) }
        entry("tags/index.html", nil)
        for page in input.tagPages { entry(SitePaths.tagPage(page.slug), page.date) }
        entry("quotes/index.html", nil)
        if !input.storyPages.isEmpty { entry("stories/index.html", nil) }
        for page in input.storyPages { entry("stories/\(page.slug)/index.html", page.date) }
        return xml + "</urlset>\n"
    }
}

/// XML text and attribute escaping for the feed and sitemap.
enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters even when escaped.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
