#!/usr/bin/env python3
"""Serves Output/ under /some/sub/path/ on loopback and follows every link and resource of every
page: each internal target must answer 200 and each #fragment must name an id on its page.
Internal links must stay under the sub-path (a root-relative link would escape it).

Usage: test_links.py [OUTPUT]   (default: Output). Exit status 1 on any broken link.
"""
import html.parser
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve import served  # noqa: E402


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get_content_type(), response.read()


def check(output):
    pages = sorted(
        os.path.relpath(os.path.join(d, f), output)
        for d, _, files in os.walk(output) for f in files if f.endswith(".html")
    )
    problems = []
    checked = 0
    with served(output) as base:
        parsed = {}

        def page(url):
            if url not in parsed:
                status, kind, body = fetch(url)
                p = Page()
                if kind == "text/html":
                    p.feed(body.decode("utf-8"))
                parsed[url] = (status, p)
            return parsed[url]

        targets = {}
        for path in pages:
            if path == "404.html":
                continue  # served at any depth, its links start from base_url's path (Dossier's own check covers it)
            url = urllib.parse.urljoin(base, path.replace(os.sep, "/"))
            for link in page(url)[1].links:
                absolute = urllib.parse.urljoin(url, link)
                split = urllib.parse.urlsplit(absolute)
                if split.scheme not in ("http", "https") or split.netloc != urllib.parse.urlsplit(base).netloc:
                    continue
                if not split.path.startswith(urllib.parse.urlsplit(base).path):
                    problems.append("%s: %r leaves the sub-path %s" % (path, link, urllib.parse.urlsplit(base).path))
                    continue
                targets.setdefault(urllib.parse.urlunsplit(split._replace(fragment="")), []).append((path, link, split.fragment))
        for target, uses in sorted(targets.items()):
            checked += 1
            try:
                status, p = page(target)
            except urllib.error.HTTPError as error:
                problems.append("%s: %r answers %d" % (uses[0][0], uses[0][1], error.code))
                continue
            for path, link, fragment in uses:
                if fragment and urllib.parse.unquote(fragment) not in p.ids and target.endswith(("/", ".html")):
                    problems.append("%s: %r has no id %r on its page" % (path, link, fragment))
    return pages, checked, problems


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else "Output"
    pages, checked, problems = check(output)
    for problem in problems:
        print("broken link: " + problem, file=sys.stderr)
    print("test_links: %d pages, %d distinct targets under a sub-path, %d broken" % (len(pages), checked, len(problems)))
    return 1 if problems or not pages else 0


if __name__ == "__main__":
    sys.exit(main())
