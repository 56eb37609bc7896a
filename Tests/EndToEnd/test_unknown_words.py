"""`cleiss-site check --unknown-words`: each unknown word once, with its uses, pages and suggestion, and the
`words:` line to paste; the suggestions' word index cached on disk."""
import csv
import io
import json
import os
import re

import pytest

from conftest import run

PAGE_A = "---\ntitle: \"Essai A\"\ndescription: \"Une page pour essayer la liste des mots inconnus.\"\n---\n## Partir\n\nLe Cleis gère les dossiers. Le Cleis répond vite.\n\nVotre developpement est suivi.\n"
PAGE_B = "---\ntitle: \"Essai B\"\ndescription: \"Une autre page pour essayer la liste.\"\n---\n## Rester\n\nLe guide du Cleis est sur Kanbanix.\n"
SITE_WORDS = "Cleiss, ameli, Légifrance, Cedex, Cerdagne, Cerdanya, Puigcerdà, Türkiye, VoiceOver, NonVisual, HyperText, telework"


@pytest.fixture(scope="session")
def cache(tmp_path_factory):
    """One index cache for the session: building the French index takes seconds with a debug binary."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def site(site_copy, cache, monkeypatch):
    monkeypatch.setenv("CLEISS_SITE_CACHE_DIR", str(cache))
    (site_copy / "Content" / "fr" / "essai-a.md").write_text(PAGE_A, encoding="utf-8")
    (site_copy / "Content" / "fr" / "essai-b.md").write_text(PAGE_B, encoding="utf-8")
    return site_copy


def test_text_lists_each_word_once_most_used_first_then_the_words_line(site, cache):
    result = run("check", "--source", str(site), "--unknown-words")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "    3  Cleis  Content/fr/essai-a.md:7, Content/fr/essai-b.md:7  did you mean “Cleiss” or “Clebs”?",
        "    1  developpement  Content/fr/essai-a.md:9  did you mean “développement” or “développements”?",
        "2 unknown words in 2 pages.",
        "Take the slips out of this line, then paste it in the charter configuration (site.yml, 'charter:'):",
        f"  words: [{SITE_WORDS}, Cleis, developpement]",
        "",
        # Mid-sentence with a capital: taken for a name, not reported, but listed so that nothing skipped is hidden.
        "Taken for names and not reported (a capital inside the word, or mid-sentence): 1 word.",
        "    1  Kanbanix  Content/fr/essai-b.md:7",
    ]
    # The index of the French dictionary was written to the cache folder, and is read on the next run; the
    # English one is made only when an English page has an unknown word.
    names = [name for name in os.listdir(cache) if name.endswith(".suggest")]
    assert any(name.startswith("fr") for name in names) and not any(name.startswith("en") for name in names), names
    assert run("check", "--source", str(site), "--unknown-words").stdout == result.stdout


def test_json_and_csv(site):
    document = json.loads(run("check", "--source", str(site), "--unknown-words", "--format", "json").stdout)
    assert document["unknownWords"][0] == {
        "word": "Cleis", "count": 3, "suggestions": ["Cleiss", "Clebs"],
        "pages": [{"file": "Content/fr/essai-a.md", "line": 7, "column": 4}, {"file": "Content/fr/essai-b.md", "line": 7, "column": 13}],
    }
    assert [entry["word"] for entry in document["unknownWords"]] == ["Cleis", "developpement"]
    assert document["names"] == [{"word": "Kanbanix", "count": 1, "suggestions": [],
                                  "pages": [{"file": "Content/fr/essai-b.md", "line": 7, "column": 27}]}]
    assert document["words"] == SITE_WORDS.split(", ") + ["Cleis", "developpement"]
    rows = list(csv.reader(io.StringIO(run("check", "--source", str(site), "--unknown-words", "--format", "csv").stdout)))
    assert rows[0] == ["word", "count", "pages", "suggestions", "kind"]
    assert rows[1] == ["Cleis", "3", "Content/fr/essai-a.md:7 Content/fr/essai-b.md:7", "Cleiss Clebs", "word"]
    assert rows[-1] == ["Kanbanix", "1", "Content/fr/essai-b.md:7", "", "name"]


def test_the_findings_carry_the_same_suggestions(site):
    lines = run("check", "--source", str(site), str(site / "Content" / "fr" / "essai-a.md")).stdout.splitlines()
    index = lines.index("Content/fr/essai-a.md:9:7: info: [spelling] “developpement” is not in the dictionary.")
    assert lines[index + 1] == "    suggestion: Did you mean “développement” or “développements”? If the word is right, add it to 'words' in the charter configuration."


def test_a_format_the_list_has_not_is_refused(site):
    result = run("check", "--source", str(site), "--unknown-words", "--format", "sarif")
    assert result.returncode != 0
    assert "with --unknown-words, --format must be one of text, json, csv" in result.stderr


def test_a_cache_folder_that_cannot_be_made_keeps_the_index_in_memory_with_a_note(site, tmp_path, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("CLEISS_SITE_CACHE_DIR", str(tmp_path / "file" / "cache"))
    result = run("check", "--source", str(site), "--unknown-words")
    assert result.returncode == 0
    assert "    3  Cleis  Content/fr/essai-a.md:7, Content/fr/essai-b.md:7  did you mean “Cleiss” or “Clebs”?" in result.stdout.splitlines()
    assert "note: spelling suggestions: the word index of " in result.stderr
    assert "is kept in memory only: " + str(tmp_path / "file" / "cache") + " cannot be written (Not a directory)." in result.stderr


def test_fix_and_links_are_refused_rather_than_ignored(site):
    for option in ("--fix", "--links"):
        result = run("check", "--source", str(site), "--unknown-words", option)
        assert result.returncode != 0
        assert "--unknown-words only lists words: it goes without --fix and --links" in result.stderr


def test_with_spelling_off_the_list_is_empty_and_says_why(site):
    configuration = site / "site.yml"
    text = configuration.read_text(encoding="utf-8")
    configuration.write_text(re.sub(r"^(charter:.*)$", r"\1\n  rules: {spelling: off}", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    result = run("check", "--source", str(site), "--unknown-words")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "0 unknown words in 0 pages.\n"
    assert "note: the spelling rule is off in the charter configuration: no word was checked" in result.stderr
