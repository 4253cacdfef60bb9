#!/usr/bin/env python3
"""Prints an article's paragraphs numbered as Dossier counts them: front matter dropped, blank-line separated, 0 = headline."""
import re, sys
text = open(sys.argv[1], encoding="utf-8").read().replace("\r\n", "\n")
if text.startswith("---\n"):
    end = text.index("\n---\n", 4)
    text = text[end + 5:]
paras = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
for i, p in enumerate(paras):
    print(f"[{i}] {p}\n")
