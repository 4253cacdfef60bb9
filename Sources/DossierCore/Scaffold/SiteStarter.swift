/// The files `dossier init` writes: a small working site whose sample shows every kind of
/// annotation (anchored notes, a deletion and a repair, a quote with its speaker), over a real
/// Wikinews article (CC BY 2.5). A test builds it with no warnings.
public enum SiteStarter {
    public static let files: [(path: String, text: String)] = [
        (".gitignore", #"""
Output/

"""#),
        ("Content/site.yml", #"""
# Settings of this site. Every key is optional; commented lines show the default.

# The site's name, in the header, the feed and the browser tab.
title: My Briefings
# One sentence about the site, for search engines and link previews.
description: Annotated news briefings.
# Where the site will be published (feed, sitemap, canonical and share links).
# Under a sub-path, include it: https://example.org/briefings/
base_url: https://example.org/
# The language of the analysis: dates and interface words follow it (en, fr, de, es, ...).
language: en
# Who writes the briefings: the feed's and each briefing's author.
author: The Research Desk
# Which entity mentions link to the entity's page: the first in each block, or all.
# link_entities: first
# Briefings per page of the home page's list.
# paginate: 20
# A folder of templates replacing the built-in theme's, file by file, relative to this
# site's folder (the default, Templates/, is used when it exists; see 'dossier theme export').
# templates: Templates
# Any word of the interface, in any language; counted phrases have a singular and a plural.
# strings:
#   quotes: Citations
#   mentions: {one: "{n} mention", other: "{n} mentions"}

"""#),
        ("Content/articles/new-zealand-flag.txt", #"""
---
source: Wikinews
url: https://en.wikinews.org/wiki/New_Zealand_begins_process_to_consider_changing_national_flag_design
published: 2015-05-07
license: CC BY 2.5, Wikinews contributors (text as distributed in the GUM corpus)
---
New Zealand begins process to consider changing national flag design

Thursday, May 7, 2015 On Tuesday, the New Zealand government announced the start of a public process to suggest designs for a new national flag, and determine whether their citizens would prefer a different national flag over the current one.

The current flag of New Zealand. The current New Zealand flag is partially based on the United Kingdom's flag; the new one would be unique to New Zealand. The government's Flag Consideration Project has planned a number of conferences and roadshows as part of this process, with the first meeting set to take place in Christchurch on May 16. According to the New Zealand Herald, Emeritus Professor John Burrows, the chairman of the project's panel of twelve, said New Zealand's flag has never before been open to public choice. Professor Burrows also said resources and kits would be accessible for schools and communities," For example, schools can run their own flag discussions and referendums to mirror the formal process as part of their own learning exercise". People were encouraged to submit their designs online at www.flag.govt.nz and suggest what the flag should mean on www.standfor.co.nz. Names of participants would be engraved, at their option, on a flag pole monument to be built in the nation's capital, Wellington. New Zealand's Prime Minister John Key said he believes redesigning the flag now has a "strong rationale". Mr Key promoted the campaign for a unique New Zealand flag on Waitangi Day - February 6 - this year. Of the public process, he said, "In the end I'll have one vote in each referendum just like every other New Zealander on the electoral roll". The New Zealand government intends to hold two referendums to reach a verdict on the flag, at an estimated cost of NZ $ 26 million, although a recent poll found only a quarter of citizens favoured changing the flag. This is a decrease from the year before, when it was forty percent. The first referendum is to be held from November 20 to December 11, selecting a single new flag design out of about four finalists. Voters would then choose between the new flag and their current flag early in 2016.

"""#),
        ("Content/annotations/new-zealand-flag.md", #"""
---
title: "New Zealand opens its flag to a public vote"
summary: "The government asked citizens to design a new flag ahead of two referendums, although polls showed most did not want a change."
briefed: 2015-05-08
tags: [new-zealand, politics]
corrections:
  # A picture caption the scraper left in the text.
  - find: "The current flag of New Zealand. "
    replace: ""
  - find: "communities,\" For example"
    replace: "communities: \"For example"
quotes:
  - {quote: "strong rationale", speaker: john-key}
  - {quote: "In the end I'll have one vote", speaker: john-key, status: verified}
---
**Bottom line:** John Key's government opened the design of the flag to the public before two
referendums, while polls showed most New Zealanders wanted to keep the flag they had.

## Analysis

The process was built to give the public ownership: anyone could submit a design, and a panel
would pick four finalists for the first referendum. The risk was visible from the start: support
for change had fallen from forty percent to a quarter in a year, and the NZ$26 million cost
became the opposition's main argument.

In March 2016 voters kept the current flag, 56.6 percent to 43.2 percent.

### "strong rationale"
The Prime Minister's own case: a flag without the Union Jack, unique to New Zealand.

### "only a quarter of citizens"
The poll that framed the whole campaign: the government was asking a question most voters had
not asked.

"""#),
        ("Content/entities/john-key.md", #"""
---
name: John Key
kind: person
aliases: [Mr Key, Prime Minister John Key]
description: Prime Minister of New Zealand from 2008 to 2016, who campaigned for a new flag.
links:
  wikipedia: https://en.wikipedia.org/wiki/John_Key
---
Led the National Party government that put the flag to two referendums in 2015 and 2016.

"""#),
        ("Content/entities/new-zealand.md", #"""
---
name: New Zealand
kind: place
aliases: [NZ]
description: Island country in the south-western Pacific Ocean.
links:
  wikipedia: https://en.wikipedia.org/wiki/New_Zealand
---

"""#),
        ("static/.nojekyll", #"""

"""#),
    ]
}
