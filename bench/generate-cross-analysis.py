#!/usr/bin/env python3
"""Writes a large, realistic cross-analysis spreadsheet (CSV) for the benchmark.

The file has the columns the workbench imports (Case, Subsample, Domain, Category, Subcategory, Core idea):
one row per placement of a core idea in a category. Everything comes from one seeded random generator, so
the same arguments always give the same file, byte for byte. Python standard library only.

Shape, chosen to look like a real CQR study rather than a uniform grid:
- every case is in 1 to 3 of the subsamples (events);
- domains differ in size (some are talked about much more), so one domain is clearly the largest;
- each domain has about 30 categories, a third of them with 2 to 4 subcategories, and a few categories
  hold most core ideas (a Zipf-like spread), so the tables show General, Typical, Variant and Rare rows;
- each core idea (8 to 20 words) sits in one category, about 10% also in a second one.

A summary (counts, and core ideas per subsample and domain) goes to --stats as JSON, for the bench script.
"""

import argparse
import csv
import json
import random
import sys
from collections import Counter

SUBSAMPLES = ["Event A", "Event B", "Event C"]

DOMAINS = [
    "Antecedents", "Internal experience", "Actions during the event", "Client reactions",
    "Therapist reactions", "Therapeutic relationship", "Consequences", "Supervision",
    "Meaning made of the event", "Cultural context",
    # Used only when asked for more than ten domains.
    "Training", "Personal history", "Ethics", "Later reflections",
]

# Words for category names and core ideas; the text has no meaning, only the length and variety of real text.
ADJECTIVES = [
    "unexpected", "shared", "painful", "quiet", "open", "mixed", "strong", "brief", "lasting", "hidden",
    "sudden", "gradual", "personal", "professional", "ambivalent", "positive", "negative", "tentative",
    "deeper", "renewed", "careful", "honest", "awkward", "warm", "distant", "safe", "uncertain", "clear",
]
NOUNS = [
    "sadness", "relief", "shame", "closeness", "trust", "boundaries", "empathy", "self-disclosure", "silence",
    "tears", "vulnerability", "control", "connection", "rupture", "repair", "guilt", "anxiety", "insight",
    "curiosity", "acceptance", "distance", "respect", "worry", "hope", "grief", "comfort", "surprise", "anger",
]
SUBJECTS = ["P", "The participant", "The client", "The therapist", "The supervisor", "Participant", "She", "He", "They"]
VERBS = [
    "felt", "noticed", "described", "remembered", "worried about", "talked about", "tried to hide",
    "was surprised by", "reflected on", "acknowledged", "struggled with", "welcomed", "avoided", "expressed",
    "questioned", "appreciated", "did not expect", "later understood", "spoke openly about", "kept thinking about",
]
FILLER = [
    "the", "a", "during", "after", "session", "moment", "client", "therapist", "own", "feelings", "and", "that",
    "it", "was", "in", "of", "their", "work", "time", "next", "week", "how", "much", "more", "less", "when",
    "crying", "room", "together", "alone", "again", "first", "never", "always", "because", "about", "this",
    "relationship", "supervision", "training", "family", "past", "future", "body", "voice", "words",
]


def category_names(rng, count, taken):
    """Distinct, readable names such as 'Unexpected closeness', unique within the domain."""
    names = []
    while len(names) < count:
        name = f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)}"
        if rng.random() < 0.3:
            name += f" with {rng.choice(NOUNS)}"
        if name.lower() not in taken:
            taken.add(name.lower())
            names.append(name)
    return names


def core_idea(rng):
    """8 to 20 words; now and then a comma or quoted words, so the CSV needs RFC 4180 quoting."""
    length = rng.randint(8, 20)
    words = [rng.choice(SUBJECTS), rng.choice(VERBS)]
    words += [rng.choice(FILLER + NOUNS + ADJECTIVES) for _ in range(length - len(" ".join(words).split()))]
    text = " ".join(words)
    roll = rng.random()
    if roll < 0.15:
        cut = text.split(" ")
        middle = len(cut) // 2
        text = " ".join(cut[:middle]) + ", " + " ".join(cut[middle:])
    elif roll < 0.20:
        text = text.rsplit(" ", 1)[0] + ' "' + rng.choice(NOUNS) + '"'  # a quoted word, same length
    return text + "."


def zipf_weights(count, rng, exponent=0.9):
    """A few popular categories and a long tail, shuffled so the popular ones are not always listed first."""
    weights = [1 / (rank ** exponent) for rank in range(1, count + 1)]
    rng.shuffle(weights)
    return weights


def build_domain(rng, name, categories):
    """Top-level categories, a third with 2-4 subcategories; returns the places a core idea can go."""
    taken = set()
    tops = category_names(rng, categories, taken)
    places = []  # (category, subcategory or "")
    for top in tops:
        if rng.random() < 1 / 3:
            subs = category_names(rng, rng.randint(2, 4), taken)
            places += [(top, sub) for sub in subs]
            places.append((top, ""))  # some core ideas stay in the parent category itself
        else:
            places.append((top, ""))
    return {"name": name, "places": places, "weights": zipf_weights(len(places), rng),
            "categories": len(taken)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=600)
    parser.add_argument("--domains", type=int, default=10)
    parser.add_argument("--categories", type=int, default=30, help="top-level categories per domain")
    parser.add_argument("--core-ideas", type=int, default=30_000)
    parser.add_argument("--second-category", type=float, default=0.10, help="share of core ideas in two categories")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--out", required=True, help="CSV file to write")
    parser.add_argument("--stats", help="JSON summary to write")
    args = parser.parse_args()
    if not 1 <= args.domains <= len(DOMAINS):
        parser.error(f"--domains must be 1 to {len(DOMAINS)}")

    rng = random.Random(args.seed)

    # Cases and their events: half are in one subsample, a third in two, the rest in all three.
    membership = {}
    for number in range(1, args.cases + 1):
        k = rng.choices([1, 2, 3], weights=[50, 35, 15])[0]
        membership[f"P{number:03d}"] = sorted(rng.sample(SUBSAMPLES, k), key=SUBSAMPLES.index)

    # Domains of uneven size: the first is talked about most, so "the largest domain" is a clear choice.
    domains = [build_domain(rng, DOMAINS[i], args.categories) for i in range(args.domains)]
    domain_weights = [2.5 if i == 0 else rng.uniform(0.6, 1.4) for i in range(args.domains)]

    # Each core idea goes to one (case, subsample, domain) cell; cells get uneven shares, some none at all,
    # as not every participant speaks to every domain for every event.
    cells = [(case, sub, d) for case, subs in membership.items() for sub in subs for d in range(args.domains)]
    cell_weights = [domain_weights[d] * rng.uniform(0.2, 1.8) for (_, _, d) in cells]
    chosen = rng.choices(range(len(cells)), weights=cell_weights, k=args.core_ideas)

    rows = []
    per_subsample_domain = Counter()
    seen = set()
    for index in chosen:
        case, sub, d = cells[index]
        domain = domains[d]
        text = core_idea(rng)
        while (case, sub, d, text) in seen:  # the importer treats equal text in one cell as one core idea
            text = core_idea(rng)
        seen.add((case, sub, d, text))
        per_subsample_domain[(sub, domain["name"])] += 1
        first = rng.choices(range(len(domain["places"])), weights=domain["weights"])[0]
        places = [first]
        if rng.random() < args.second_category:
            second = rng.choices(range(len(domain["places"])), weights=domain["weights"])[0]
            if second != first:
                places.append(second)
        for p in places:
            category, subcategory = domain["places"][p]
            rows.append((case, sub, domain["name"], category, subcategory, text))

    # A spreadsheet per event, as teams often keep them: by subsample, then case, domain and category.
    # The first row's subsample ("Event A") becomes the study's first subsample.
    order = {name: i for i, name in enumerate(SUBSAMPLES)}
    dorder = {d["name"]: i for i, d in enumerate(domains)}
    rows.sort(key=lambda r: (order[r[1]], r[0], dorder[r[2]], r[3], r[4]))

    with open(args.out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\r\n")  # RFC 4180: CRLF, quotes only where needed
        writer.writerow(["Case", "Subsample", "Domain", "Category", "Subcategory", "Core idea"])
        writer.writerows(rows)

    stats = {
        "cases": len(membership),
        "subsamples": {s: sum(s in subs for subs in membership.values()) for s in SUBSAMPLES},
        "domains": len(domains),
        "categories": len({(r[2], r[3]) for r in rows} | {(r[2], r[3], r[4]) for r in rows if r[4]}),  # in use
        "core_ideas": len(seen),
        "rows": len(rows),
        "core_ideas_by_subsample_and_domain": {
            s: {d["name"]: per_subsample_domain[(s, d["name"])] for d in domains} for s in SUBSAMPLES},
    }
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=1)
    print(f"{stats['cases']} cases, {stats['domains']} domains, {stats['categories']} categories, "
          f"{stats['core_ideas']} core ideas, {stats['rows']} rows -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
