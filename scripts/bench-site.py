#!/usr/bin/env python3
"""Generates a large Dossier site for benchmarks by cycling the real demo articles.

usage: bench-site.py SOURCE_CONTENT OUT_DIR BRIEFINGS [ENTITIES]

Each generated briefing is a real article (with its annotation: corrections, anchored notes,
tags; each cycle through the demo joins its own copy of the demo's stories) plus one extra paragraph naming three synthetic entities, so entity linking works over
a registry of at least ENTITIES entries. Output is deterministic.
"""
import os, random, re, shutil, sys

src, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
entity_target = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
rng = random.Random(42)

if os.path.exists(out):
    shutil.rmtree(out)
for d in ("articles", "annotations", "entities", "stories"):
    os.makedirs(os.path.join(out, d))
shutil.copy(os.path.join(src, "site.yml"), os.path.join(out, "site.yml"))

entities = sorted(os.listdir(os.path.join(src, "entities")))
for name in entities:
    shutil.copy(os.path.join(src, "entities", name), os.path.join(out, "entities", name))

syllables = ["ka", "lo", "mer", "din", "sa", "vor", "tel", "bru", "an", "qui", "zo", "res", "mal", "fen", "gor", "li"]
def word():
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()
synthetic = []
seen = set()
while len(synthetic) < max(0, entity_target - len(entities)):
    first, last = word(), word()
    full = f"{first} {last}"
    if first in seen or last in seen:
        continue
    seen.add(first)
    seen.add(last)
    slug = f"{first}-{last}".lower()
    synthetic.append((slug, full))
    with open(os.path.join(out, "entities", f"bench-{slug}.md"), "w") as f:
        f.write(f"---\nname: {full}\nkind: person\naliases: [\"Mx {last}\"]\ndescription: Synthetic person number {len(synthetic)}.\n---\nGenerated for benchmarks.\n")

articles = sorted(n[:-4] for n in os.listdir(os.path.join(src, "articles")) if n.endswith(".txt"))
texts = {a: open(os.path.join(src, "articles", a + ".txt"), encoding="utf-8").read() for a in articles}
notes = {}
for a in articles:
    p = os.path.join(src, "annotations", a + ".md")
    notes[a] = open(p, encoding="utf-8").read() if os.path.exists(p) else None

for i in range(count):
    a = articles[i % len(articles)]
    slug = f"b{i:05d}-{a}"
    text = texts[a]
    named = rng.sample(synthetic, 3) if len(synthetic) >= 3 else []
    extra = ""
    if named:
        extra = f"\n\nAlso present were {named[0][1]}, {named[1][1]} and Mx {named[2][1].split()[1]}, who said: \"We will follow this closely.\"\n"
    day = 1 + (i % 28)
    month = 1 + (i // 28) % 12
    year = 2000 + (i // 336) % 25
    date = f"{year:04d}-{month:02d}-{day:02d}"
    body = re.sub(r"^published: .*$", f"published: {date}", text, count=1, flags=re.M)
    with open(os.path.join(out, "articles", slug + ".txt"), "w", encoding="utf-8") as f:
        f.write(body.rstrip("\n") + extra)
    if notes[a] is not None:
        ann = re.sub(r"^published: .*$", f"published: {date}", notes[a], count=1, flags=re.M)
        ann = re.sub(r"^tags: \[", f"tags: [batch-{i % 40}, ", ann, count=1, flags=re.M)
        # Each cycle through the demo makes its own copy of the demo's stories: many small stories.
        story = re.search(r"^story: (.*)$", ann, flags=re.M)
        if story:
            name = f"{story.group(1).strip()}-{i // len(articles)}"
            ann = ann[:story.start()] + f"story: {name}" + ann[story.end():]
            path = os.path.join(out, "stories", name + ".md")
            if not os.path.exists(path):
                source = open(os.path.join(src, "stories", story.group(1).strip() + ".md"), encoding="utf-8").read()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} ({i // len(articles)})", source, count=1, flags=re.M))
        with open(os.path.join(out, "annotations", slug + ".md"), "w", encoding="utf-8") as f:
            f.write(ann)

print(f"generated {count} briefings, {len(entities) + len(synthetic)} entities in {out}", file=sys.stderr)
