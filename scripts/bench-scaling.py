#!/usr/bin/env python3
"""Scaling check: for each input dimension, builds a generated site at size n and at 4n with
the release binary and reports the time ratio, which must stay at or under 6 (linear or
n log n, with room for noise). Also reports the peak memory of the alias dimensions, which must
grow with the alias bytes, not faster.

usage: bench-scaling.py DOSSIER [--quick] [DIMENSION ...]

Not a timed test: run it by hand or from scripts/bench (`scripts/bench scaling`).
"""
import os, random, resource, shutil, subprocess, sys, tempfile, time

binary = sys.argv[1]
args = [a for a in sys.argv[2:] if not a.startswith("--")]
quick = "--quick" in sys.argv
rng = random.Random(7)

WORDS = ("the minister said on tuesday that talks with the northern alliance would resume after "
         "a pause of several weeks while officials reviewed the draft agreement and its annexes").split()


def sentence(i):
    w = [rng.choice(WORDS) for _ in range(12)]
    return " ".join(w).capitalize() + f" number {i}."


def site(root, articles, annotations=None, entities=None, site_yml="title: Scale\nbase_url: https://example.org/\n"):
    content = os.path.join(root, "Content")
    for d in ("articles", "annotations", "entities"):
        os.makedirs(os.path.join(content, d), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w") as f:
        f.write(site_yml)
    for name, text in articles.items():
        with open(os.path.join(content, "articles", name + ".txt"), "w") as f:
            f.write(text)
    for name, text in (annotations or {}).items():
        with open(os.path.join(content, "annotations", name + ".md"), "w") as f:
            f.write(text)
    for name, text in (entities or {}).items():
        with open(os.path.join(content, "entities", name + ".md"), "w") as f:
            f.write(text)
    return content


def article(paragraphs, headline="A generated headline"):
    return "---\nsource: Wire\npublished: 2020-01-02\n---\n" + headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


# Each dimension: size n -> (articles, annotations, entities).
def paragraph_bytes(n):  # one paragraph of n sentences
    return {"a": article([" ".join(sentence(i) for i in range(n))])}, None, None


def damage_sentences(n):  # one paragraph of n sentences, each with scraping damage warned about
    return {"a": article([" ".join(sentence(i)[:-1] + " () ." for i in range(n))])}, None, None


def article_paragraphs(n):
    return {"a": article([sentence(i) + " " + sentence(i + 1) for i in range(n)])}, None, None


def quoted_paragraphs(n):
    paras = [f"\"We will resume the talks number {i},\" Mr. Doe said. \"It is {i} weeks.\"" for i in range(n)]
    return {"a": article(paras)}, None, None


def corrections(n):
    paras = [f"Paragraph {i} says the envoy deployed to in k{i}z with the unit." for i in range(n)]
    items = "".join(f"  - {{find: \"deployed to in k{i}z\", replace: \"deployed to [Syria] in k{i}z\"}}\n" for i in range(n))
    ann = f"---\ntitle: T\ncorrections:\n{items}---\nProse.\n"
    return {"a": article(paras)}, {"a": ann}, None


def anchored_notes(n):
    paras = [f"Paragraph {i} mentions the phrase marker{i}x in passing." for i in range(n)]
    notes = "".join(f"### \"marker{i}x\"\nA note on {i}.\n\n" for i in range(n))
    return {"a": article(paras)}, {"a": f"---\ntitle: T\n---\nProse.\n\n## Notes\n\n{notes}"}, None


def name(i, alphabet):
    digits = []
    while True:
        digits.append(alphabet[i % len(alphabet)])
        i //= len(alphabet)
        if i == 0:
            break
    return "".join(digits)


def aliases(n, alphabet="bcdfghjklmnpqrstvwxz", script="latin"):
    entities = {}
    for i in range(n):
        first, last = name(i, alphabet), name(i * 7 + 3, alphabet)
        if script == "latin":
            first, last = "Q" + first, "Z" + last
        entities[f"e{i}"] = f"---\nname: \"{first} {last}\"\nkind: person\naliases: [\"{last} {first}\"]\n---\n"
    mentioned = [entities[f"e{i}"].split("\"")[1] for i in range(0, n, max(1, n // 50))]
    return {"a": article([f"{m} said nothing." for m in mentioned])}, None, entities


def cjk_aliases(n):
    return aliases(n, alphabet="".join(chr(0x4E00 + k) for k in range(200)), script="cjk")


def entity_mentions(n):  # n entities, all named in the article
    ents, names = {}, []
    for i in range(n):
        nm = "Q" + name(i, "bcdfghjklmnpqrstvwxz") + " Zed"
        ents[f"e{i}"] = f"---\nname: \"{nm}\"\nkind: person\n---\n"
        names.append(nm)
    paras = [f"{names[i]} met {names[(i + 1) % n]} today." for i in range(n)]
    return {"a": article(paras)}, None, ents


def tags(n):  # n briefings sharing 40 tags, one tag each of its own
    arts, anns = {}, {}
    for i in range(n):
        arts[f"a{i}"] = article([sentence(i)], headline=f"Headline {i}")
        anns[f"a{i}"] = f"---\ntitle: Briefing {i}\ntags: [shared-{i % 40}, own-{i}]\n---\nProse {i}.\n"
    return arts, anns, None


DIMENSIONS = {
    "paragraph-bytes": (paragraph_bytes, 4000),
    "damage-sentences": (damage_sentences, 2000),
    "article-paragraphs": (article_paragraphs, 2000),
    "quoted-paragraphs": (quoted_paragraphs, 1500),
    "corrections": (corrections, 500),
    "anchored-notes": (anchored_notes, 1000),
    "aliases": (aliases, 2000),
    "cjk-aliases": (cjk_aliases, 2000),
    "entity-mentions": (entity_mentions, 500),
    "tags": (tags, 300),
}


def run(content, output):
    """Wall seconds and peak resident KiB of one build."""
    start = time.perf_counter()
    err = tempfile.TemporaryFile()
    proc = subprocess.Popen([binary, "build", "--content", content, "--output", output],
                            stdout=subprocess.DEVNULL, stderr=err)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        err.seek(0)
        sys.exit(f"bench-scaling: build failed for {content}:\n{err.read()[-2000:].decode()}")
    return wall, usage.ru_maxrss


def best_of(content, output, runs=2):
    run(content, output)  # warms the page cache
    results = [run(content, output) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


failed = []
# Start-up, templates and the fixed pages cost the same at every size: measured once, subtracted.
with tempfile.TemporaryDirectory() as tmp:
    fixed, _ = best_of(site(tmp, {"a": article(["One sentence."])}), os.path.join(tmp, "Output"), runs=3)
print(f"fixed cost of a one-article build: {fixed:.3f}s (subtracted)")
print(f"{'dimension':<20} {'n':>7} {'time n':>9} {'time 4n':>9} {'ratio':>6} {'MiB n':>7} {'MiB 4n':>7}  verdict")
for key, (make, base) in DIMENSIONS.items():
    if args and key not in args:
        continue
    if quick:
        base = max(1, base // 4)
    times, memory = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (base, 4 * base):
            root = os.path.join(tmp, str(size))
            arts, anns, ents = make(size)
            content = site(root, arts, anns, ents)
            wall, rss = best_of(content, os.path.join(root, "Output"))
            times.append(max(0.001, wall - fixed))
            memory.append(rss / 1024)
    ratio = times[1] / times[0]
    verdict = "ok" if ratio <= 6 else "SUPERLINEAR"
    if ratio > 6:
        failed.append(key)
    print(f"{key:<20} {base:>7} {times[0]:>8.3f}s {times[1]:>8.3f}s {ratio:>6.2f} {memory[0]:>7.0f} {memory[1]:>7.0f}  {verdict}", flush=True)

if failed:
    sys.exit(f"bench-scaling: superlinear in {', '.join(failed)}")
