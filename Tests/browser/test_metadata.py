#!/usr/bin/env python3
"""Reads every page of a built site with extruct, a real metadata extractor (as search engines
and link-preview bots read them), and checks what sharing and discovery need:
  - every page: a canonical link, Open Graph og:title, og:type, og:url, og:description,
    og:site_name, and twitter:card;
  - every briefing page: one schema.org AnalysisNewsArticle in JSON-LD with headline, url,
    datePublished (ISO 8601), author and publisher (typed), isBasedOn a NewsArticle, and
    about/mentions typed entities each with a name and url; its url equals the canonical link.
Usage: test_metadata.py OUTPUT_DIR"""
import os
import re
import sys

import extruct

ENTITY_TYPES = {"Person", "Organization", "Place", "Event", "Thing"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$")


def check_page(path, html, errors):
    data = extruct.extract(html, base_url="https://example.org/", syntaxes=["json-ld", "opengraph"])
    og = {}
    for item in data["opengraph"]:
        for key, value in item["properties"]:
            og.setdefault(key, value)
    for key in ("og:title", "og:type", "og:url", "og:description", "og:site_name"):
        if not og.get(key):
            errors.append(f"{path}: no {key}")
    if 'name="twitter:card"' not in html:
        errors.append(f"{path}: no twitter:card")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    if not canonical:
        errors.append(f"{path}: no canonical link")
    elif og.get("og:url") != canonical.group(1):
        errors.append(f"{path}: og:url {og.get('og:url')!r} is not the canonical link {canonical.group(1)!r}")

    is_briefing = path.startswith("briefings/") and path.endswith("/index.html") and path.count("/") == 2
    articles = [d for d in data["json-ld"] if d.get("@type") == "AnalysisNewsArticle"]
    if not is_briefing:
        return 0
    if og.get("og:type") != "article":
        errors.append(f"{path}: og:type is {og.get('og:type')!r}, not 'article'")
    if len(articles) != 1:
        errors.append(f"{path}: {len(articles)} AnalysisNewsArticle items in JSON-LD, expected 1")
        return 0
    a = articles[0]
    if a.get("@context") not in ("https://schema.org", "http://schema.org"):
        errors.append(f"{path}: @context is {a.get('@context')!r}")
    for key in ("headline", "url", "datePublished", "author", "publisher", "isBasedOn"):
        if not a.get(key):
            errors.append(f"{path}: AnalysisNewsArticle has no {key}")
    if canonical and a.get("url") != canonical.group(1):
        errors.append(f"{path}: JSON-LD url {a.get('url')!r} is not the canonical link")
    if a.get("datePublished") and not DATE.match(a["datePublished"]):
        errors.append(f"{path}: datePublished {a['datePublished']!r} is not ISO 8601")
    for key in ("author", "publisher"):
        if a.get(key) and (a[key].get("@type") not in ("Person", "Organization") or not a[key].get("name")):
            errors.append(f"{path}: {key} is not a named Person or Organization: {a[key]!r}")
    source = a.get("isBasedOn") or {}
    if source.get("@type") != "NewsArticle" or not source.get("headline"):
        errors.append(f"{path}: isBasedOn is not a NewsArticle with a headline: {source!r}")
    things = (a.get("about") or []) + (a.get("mentions") or [])
    for thing in things:
        if thing.get("@type") not in ENTITY_TYPES or not thing.get("name") or not thing.get("url"):
            errors.append(f"{path}: an entity without type, name or url: {thing!r}")
    return 1


def main():
    root = sys.argv[1]
    errors, pages, briefings = [], 0, 0
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".html"):
                continue
            full = os.path.join(folder, name)
            path = os.path.relpath(full, root)
            with open(full, encoding="utf-8") as f:
                html = f.read()
            pages += 1
            briefings += check_page(path, html, errors)
    if briefings == 0:
        errors.append("no briefing pages found")
    for e in errors:
        print("error:", e)
    print(f"{pages} pages, {briefings} briefing pages: {len(errors)} problems")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
