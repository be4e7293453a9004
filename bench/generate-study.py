#!/usr/bin/env python3
"""Writes the benchmark's large study as the files a team would bring to the workbench.

Into --out (a folder) it writes:
- study.qdpx: a REFI-QDA project, as another QDA program would export it, with one text source per case
  (P001, P002, ...; each becomes a case of its own), the domains as codes, and each transcript's codings as
  coded selections. Positions count Unicode code points, as the standard says.
- cross-analysis.csv: the cross-analysis of the same cases and domains (Case, Domain, Category, Subcategory,
  Core idea), one row per placement of a core idea in a category, for the spreadsheet import.
- transcripts/X001.txt ...: further transcripts of the same size, for the timed import of transcripts.
- stats.json: what was written, for the bench script.

Everything comes from one seeded random generator: the same arguments always give the same files, byte for byte.
Python standard library only.

Transcripts alternate interviewer and participant turns of 20 to 150 words, with a few non-ASCII letters and now
and then an emoji, so positions in code points and in UTF-16 units differ. Codings cover 5 to 60 words inside one
participant turn; some overlap (double-coding), as in real coding. Domains differ in size: the first is coded and
abstracted most, so "the largest domain" is a clear choice.
"""

import argparse
import csv
import io
import json
import os
import random
import sys
import uuid
import zipfile
from collections import Counter
from xml.sax.saxutils import escape, quoteattr

DOMAINS = [
    "Antecedents", "Internal experience", "Actions during the event", "Client reactions",
    "Therapist reactions", "Therapeutic relationship", "Consequences", "Supervision",
    "Meaning made of the event", "Cultural context", "Training", "Personal history", "Ethics",
    "Later reflections", "Body and voice", "Family of origin", "Self-care", "Expectations of therapy",
    "Views of crying", "Advice to therapists",
]

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
    "relationship", "supervision", "training", "family", "past", "future", "body", "voice", "words", "I", "you",
    "really", "just", "like", "know", "think", "mean", "so", "um", "yeah", "she", "he", "we", "didn’t", "café",
    "naïve", "résumé", "it’s", "felt", "cried", "tears", "sad",
]
RARE = ["😢", "🙂", "—", "…"]


def transcript(rng, words):
    """Speaker turns until the text has `words` words; returns the text and the participant turns' spans."""
    turns, spans, count, position = [], [], 0, 0
    speaker = 0
    while count < words:
        length = rng.randint(20, 45) if speaker == 0 else rng.randint(60, 150)
        body = []
        for i in range(length):
            word = rng.choice(FILLER + NOUNS + ADJECTIVES)
            if rng.random() < 0.004:
                word = rng.choice(RARE)
            if i == 0:
                word = word.capitalize()
            body.append(word + ("." if rng.random() < 0.08 or i == length - 1 else ""))
        label = "Interviewer: " if speaker == 0 else "Participant: "
        text = label + " ".join(body)
        if speaker == 1:
            # Code points of the turn's words, after the label.
            spans.append((position + len(label), position + len(text)))
        turns.append(text)
        position += len(text) + 2  # the blank line between turns
        count += length
        speaker = 1 - speaker
    return "\n\n".join(turns) + "\n", spans


def codings(rng, text, spans, count, weights):
    """`count` selections inside participant turns, 5-60 words each, on word boundaries; about a tenth overlap."""
    result = []
    for _ in range(count):
        start_turn, end_turn = rng.choice(spans)
        turn = text[start_turn:end_turn]
        starts = [0] + [i + 1 for i, ch in enumerate(turn) if ch == " "]
        first = rng.randrange(len(starts))
        last = min(len(starts), first + rng.randint(5, 60))
        start = start_turn + starts[first]
        end = start_turn + (starts[last] - 1 if last < len(starts) else len(turn))
        domain = rng.choices(range(len(weights)), weights=weights)[0]
        result.append((start, end, domain))
    return result


def category_names(rng, count, taken):
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
        text = " ".join(cut[:len(cut) // 2]) + ", " + " ".join(cut[len(cut) // 2:])
    elif roll < 0.20:
        text = text.rsplit(" ", 1)[0] + ' "' + rng.choice(NOUNS) + '"'
    return text + "."


def domain_places(rng, categories):
    """Top-level categories, a third with 2-4 subcategories, and Zipf-like weights: a few hold most core ideas."""
    taken = set()
    places = []
    for top in category_names(rng, categories, taken):
        if rng.random() < 1 / 3:
            places += [(top, sub) for sub in category_names(rng, rng.randint(2, 4), taken)]
        places.append((top, ""))
    weights = [1 / (rank ** 0.9) for rank in range(1, len(places) + 1)]
    rng.shuffle(weights)
    return places, weights, len(taken)


def guid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--words", type=int, default=12_000, help="words per transcript")
    parser.add_argument("--codings", type=int, default=300, help="codings per transcript")
    parser.add_argument("--domains", type=int, default=20)
    parser.add_argument("--categories", type=int, default=30, help="top-level categories per domain")
    parser.add_argument("--core-ideas", type=int, default=30_000)
    parser.add_argument("--extra-transcripts", type=int, default=10, help="files for the timed transcript import")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--out", required=True, help="folder to write into")
    args = parser.parse_args()
    if not 1 <= args.domains <= len(DOMAINS):
        parser.error(f"--domains must be 1 to {len(DOMAINS)}")
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "transcripts"), exist_ok=True)

    domains = DOMAINS[:args.domains]
    weights = [2.0 if i == 0 else rng.uniform(0.6, 1.4) for i in range(args.domains)]
    cases = [f"P{n:03d}" for n in range(1, args.cases + 1)]

    # The REFI-QDA project: sources as internal files, selections with one coding each.
    user = guid(rng)
    code_guids = [guid(rng) for _ in domains]
    coded_per_domain = Counter()
    sources_xml = []
    entries = {}
    words_total = chars_total = 0
    for case in cases:
        text, spans = transcript(rng, args.words)
        words_total += len(text.split())
        chars_total += len(text)
        source = guid(rng)
        entries[f"Sources/{source}.txt"] = text.encode("utf-8")
        selections = []
        for start, end, d in codings(rng, text, spans, args.codings, weights):
            coded_per_domain[domains[d]] += 1
            selections.append(
                f'<PlainTextSelection guid="{guid(rng)}" startPosition="{start}" endPosition="{end}" '
                f'creatingUser="{user}"><Coding guid="{guid(rng)}" creatingUser="{user}">'
                f'<CodeRef targetGUID="{code_guids[d]}"/></Coding></PlainTextSelection>')
        sources_xml.append(f'<TextSource guid="{source}" name={quoteattr(case)} plainTextPath="internal://{source}.txt">'
                           + "".join(selections) + "</TextSource>")
    codes_xml = "".join(f'<Code guid="{g}" name={quoteattr(name)} isCodable="true"/>' for g, name in zip(code_guids, domains))
    project = ('<?xml version="1.0" encoding="utf-8"?>\n'
               '<Project xmlns="urn:QDA-XML:project:1.0" name="Benchmark study" origin="CQR Workbench benchmark">'
               f'<Users><User guid="{user}" name="coder"/></Users>'
               f"<CodeBook><Codes>{codes_xml}</Codes></CodeBook>"
               f"<Sources>{''.join(sources_xml)}</Sources>"
               f"<Description>{escape('Generated by bench/generate-study.py')}</Description></Project>")
    qdpx = os.path.join(args.out, "study.qdpx")
    with zipfile.ZipFile(qdpx, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", project)
        for name, data in entries.items():
            z.writestr(name, data)

    # Further transcripts of the same size, as .txt files, for the transcript import.
    for n in range(1, args.extra_transcripts + 1):
        text, _ = transcript(rng, args.words)
        with open(os.path.join(args.out, "transcripts", f"X{n:03d}.txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text)

    # The cross-analysis: each core idea goes to one (case, domain) cell, cells get uneven shares.
    structure = [domain_places(rng, args.categories) for _ in domains]
    cells = [(case, d) for case in cases for d in range(args.domains)]
    cell_weights = [weights[d] * rng.uniform(0.2, 1.8) for (_, d) in cells]
    rows, seen, per_domain = [], set(), Counter()
    for index in rng.choices(range(len(cells)), weights=cell_weights, k=args.core_ideas):
        case, d = cells[index]
        text = core_idea(rng)
        while (case, d, text) in seen:  # equal text in one cell would be one core idea
            text = core_idea(rng)
        seen.add((case, d, text))
        per_domain[domains[d]] += 1
        places, place_weights, _ = structure[d]
        chosen = {rng.choices(range(len(places)), weights=place_weights)[0]}
        if rng.random() < 0.10:
            chosen.add(rng.choices(range(len(places)), weights=place_weights)[0])
        for p in sorted(chosen):
            rows.append((case, domains[d], places[p][0], places[p][1], text))
    rows.sort(key=lambda r: (r[0], domains.index(r[1]), r[2], r[3]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Case", "Domain", "Category", "Subcategory", "Core idea"])
    writer.writerows(rows)
    with open(os.path.join(args.out, "cross-analysis.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())

    largest = max(domains, key=lambda name: per_domain[name])
    stats = {
        "cases": len(cases), "domains": len(domains), "words_per_transcript": round(words_total / len(cases)),
        "characters": chars_total, "codings": sum(coded_per_domain.values()),
        "categories": sum(s[2] for s in structure), "core_ideas": len(seen), "rows": len(rows),
        "largest_domain": largest, "core_ideas_in_largest_domain": per_domain[largest],
        "codings_by_domain": dict(coded_per_domain), "core_ideas_by_domain": dict(per_domain),
        "qdpx_bytes": os.path.getsize(qdpx), "csv_bytes": len(buffer.getvalue().encode("utf-8")),
        "extra_transcripts": args.extra_transcripts,
    }
    with open(os.path.join(args.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1)
    print(f"{stats['cases']} transcripts of ~{stats['words_per_transcript']} words, {stats['codings']} codings, "
          f"{stats['domains']} domains, {stats['core_ideas']} core ideas in {stats['rows']} rows -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
