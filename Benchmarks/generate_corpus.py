#!/usr/bin/env python3
"""Generates a synthetic bilingual corpus for the benchmark of `make bench`.

    generate_corpus.py SITE_DIR --pages N            # a cleiss-site site
    generate_corpus.py --hugo HUGO_DIR --pages N     # the same corpus as a Hugo project
    generate_corpus.py SITE_DIR --hugo HUGO_DIR --pages N   # both at once

N pages in total (sections and home pages not counted): N/2 French pages and their N/2 English
translations (same `translationKey`), spread over 20 folders per language, each with an
`_index.md`. Every page is about 4 KB of Markdown: `##`/`###` headings, short paragraphs, a
bulleted list, a GFM table and 2 or 3 relative links to other pages of the same language.

The text is built from parallel French/English word lists (the English page is the
word-for-word "translation" of the French one), with real dictionary words and short
sentences, so that the charter that cleiss-site runs during the build finds little to say.
The output depends only on N and --seed. Only the standard library is used.

The cleiss-site site gets the repository's site.yml and Themes/. The Hugo project gets the same
Markdown, plus as content what cleiss-site generates from site.yml and the theme (the audience
index and landing pages, the site-map page), and templates doing the work of the default theme:
see "The Hugo project" below.
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LANGS = ("fr", "en")
FOLDERS_PER_LANGUAGE = 20
TARGET_BYTES = 4000  # of Markdown per page, front matter included (French page)

# --------------------------------------------------------------------------------------------
# Word lists: (French, English) pairs. Sentence parts start lowercase; the sentence builder
# capitalises the first letter.

SUBJECTS = [
    ("le salarié", "the employee"), ("votre employeur", "your employer"),
    ("la caisse", "the fund"), ("le travailleur saisonnier", "the seasonal worker"),
    ("le journaliste", "the journalist"), ("la personne assurée", "the insured person"),
    ("votre conjoint", "your spouse"), ("le retraité", "the retired person"),
    ("le frontalier", "the cross-border worker"), ("la famille", "the family"),
    ("le service", "the service"), ("le médecin", "the doctor"),
    ("le Cleiss", "Cleiss"), ("votre enfant", "your child"),
    ("le stagiaire", "the trainee"), ("la mairie", "the town hall"),
    ("la banque", "the bank"), ("votre agence", "your agency"),
]
VERBS = [
    ("demande", "asks for"), ("envoie", "sends"), ("garde", "keeps"),
    ("remplit", "fills in"), ("signe", "signs"), ("reçoit", "gets"),
    ("vérifie", "checks"), ("prépare", "prepares"), ("donne", "gives"),
    ("lit", "reads"), ("range", "files"), ("montre", "shows"),
    ("paie", "pays"), ("note", "notes"), ("copie", "copies"), ("rend", "returns"),
]
OBJECTS = [
    ("le formulaire", "the form"), ("la carte", "the card"), ("le dossier", "the file"),
    ("une copie du contrat", "a copy of the contract"), ("la facture", "the bill"),
    ("le relevé de carrière", "the career record"), ("une attestation", "a statement"),
    ("le bulletin de paie", "the pay slip"), ("la lettre", "the letter"),
    ("le numéro de sécurité sociale", "the social security number"),
    ("les justificatifs", "the proofs"), ("la demande", "the request"),
    ("le devis", "the quote"), ("une photo du passeport", "a photo of the passport"),
    ("le certificat", "the certificate"), ("la feuille de soins", "the care sheet"),
]
COMPLEMENTS = [
    ("avant le départ", "before leaving"), ("à la caisse", "to the fund"),
    ("dans un délai de deux mois", "within two months"), ("chaque année", "each year"),
    ("au retour en France", "on the way back to France"), ("par courrier", "by post"),
    ("en ligne", "online"), ("le jour même", "on the same day"),
    ("pendant le séjour", "during the stay"), ("sans frais", "free of charge"),
    ("dès la fin du contrat", "as soon as the contract ends"),
    ("à la demande de la caisse", "when the fund asks"),
    ("avec le contrat de travail", "with the work contract"),
    ("pour chaque membre de la famille", "for each member of the family"),
    ("une fois par mois", "once a month"), ("sur place", "on the spot"),
]
OPENERS = [
    ("", ""), ("", ""), ("", ""), ("", ""),
    ("dans ce cas, ", "in this case, "), ("en général, ", "in general, "),
    ("ensuite, ", "then, "), ("le plus souvent, ", "most of the time, "),
    ("pour finir, ", "last, "), ("si besoin, ", "if needed, "),
]
H2 = [
    ("Qui est concerné", "Who is concerned"), ("Les démarches à faire", "The steps to take"),
    ("Les délais à respecter", "The time limits"), ("Vos droits", "Your rights"),
    ("Les documents à fournir", "The papers to send"), ("Le rôle de la caisse", "The role of the fund"),
    ("Après le retour", "After you come back"), ("Les cas particuliers", "Special cases"),
    ("Le calcul des droits", "How your rights are worked out"), ("Les frais", "The costs"),
    ("Le suivi du dossier", "Following up your file"), ("En pratique", "In practice"),
]
H3 = [
    ("Avant le départ", "Before you leave"), ("Pendant le séjour", "During your stay"),
    ("Au retour", "When you come back"), ("Pour le salarié", "For the employee"),
    ("Pour l'employeur", "For the employer"), ("Pour la famille", "For the family"),
    ("Si la demande est refusée", "If the request is refused"), ("Si la réponse tarde", "If the answer is late"),
]
TABLE_HEADER = (("Situation", "Délai", "Document"), ("Situation", "Time limit", "Document"))
TABLE_SITUATIONS = [
    ("Départ en mission", "Going on a mission"), ("Séjour de moins de trois mois", "Stay of less than three months"),
    ("Retour en France", "Return to France"), ("Travail saisonnier", "Seasonal work"),
    ("Soins sur place", "Care on the spot"), ("Changement d'adresse", "Change of address"),
    ("Naissance d'un enfant", "Birth of a child"), ("Fin du contrat", "End of the contract"),
]
TABLE_DELAYS = [
    ("Deux mois", "Two months"), ("Un mois", "One month"), ("Quinze jours", "Fifteen days"),
    ("Trois mois", "Three months"), ("Une semaine", "One week"), ("Un an", "One year"),
]
LIST_INTRO = ("Retenez ces points.", "Keep these points in mind.")
LINK_SENTENCE = ("Voyez aussi la fiche sur [{text}]({href}).", "See also the page on [{text}]({href}).")

# Titles: aspect + "pour"/"for" + topic + place; 12 x 25 x 40 = 12,000 distinct titles per language.
ASPECTS = [
    ("les démarches", "steps"), ("les délais", "time limits"), ("les droits", "rights"),
    ("les documents", "documents"), ("les frais", "costs"), ("les règles", "rules"),
    ("les aides", "benefits"), ("les contacts", "contacts"), ("les formulaires", "forms"),
    ("les cotisations", "contributions"), ("les questions", "questions"), ("les étapes", "stages"),
]
TOPICS = [
    ("le détachement", "posting"), ("la retraite", "retirement"), ("les soins", "health care"),
    ("le travail saisonnier", "seasonal work"), ("la maternité", "maternity"), ("les congés", "leave"),
    ("l'invalidité", "invalidity"), ("le chômage", "unemployment"), ("les études", "studies"),
    ("le télétravail", "telework"), ("les frontaliers", "cross-border workers"),
    ("les retraités", "retired people"), ("les stagiaires", "trainees"),
    ("les journalistes", "journalists"), ("les fonctionnaires", "civil servants"),
    ("les étudiants", "students"), ("les artistes", "artists"), ("les marins", "seafarers"),
    ("les indépendants", "the self-employed"), ("les enfants", "children"),
    ("les accidents du travail", "work accidents"), ("la maladie", "sickness"),
    ("les familles", "families"), ("les salariés", "employees"), ("les chercheurs", "researchers"),
]
PLACES = [
    ("en Espagne", "in Spain"), ("au Portugal", "in Portugal"), ("aux Pays-Bas", "in the Netherlands"),
    ("en Italie", "in Italy"), ("en Allemagne", "in Germany"), ("en Belgique", "in Belgium"),
    ("en Suisse", "in Switzerland"), ("au Maroc", "in Morocco"), ("en Tunisie", "in Tunisia"),
    ("au Canada", "in Canada"), ("au Japon", "in Japan"), ("en Inde", "in India"),
    ("au Brésil", "in Brazil"), ("au Chili", "in Chile"), ("en Chine", "in China"),
    ("aux États-Unis", "in the United States"), ("en Pologne", "in Poland"), ("en Grèce", "in Greece"),
    ("en Suède", "in Sweden"), ("en Norvège", "in Norway"), ("au Danemark", "in Denmark"),
    ("en Irlande", "in Ireland"), ("en Autriche", "in Austria"), ("en Croatie", "in Croatia"),
    ("en Roumanie", "in Romania"), ("en Bulgarie", "in Bulgaria"), ("en Hongrie", "in Hungary"),
    ("en Finlande", "in Finland"), ("au Mexique", "in Mexico"), ("en Australie", "in Australia"),
    ("en Corée", "in Korea"), ("en Turquie", "in Türkiye"), ("au Sénégal", "in Senegal"),
    ("au Mali", "in Mali"), ("en Algérie", "in Algeria"), ("en Argentine", "in Argentina"),
    ("au Pérou", "in Peru"), ("en Israël", "in Israel"), ("au Liban", "in Lebanon"),
    ("en Serbie", "in Serbia"),
]
FOLDERS = [  # (fr folder, en folder, fr title, en title)
    ("detachement", "posting", "Le détachement", "Posting"),
    ("soins-a-l-etranger", "health-care-abroad", "Les soins à l'étranger", "Health care abroad"),
    ("retraite", "retirement", "La retraite", "Retirement"),
    ("famille", "family", "La famille", "Family"),
    ("travail-saisonnier", "seasonal-work", "Le travail saisonnier", "Seasonal work"),
    ("frontaliers", "cross-border-workers", "Les frontaliers", "Cross-border workers"),
    ("etudes", "studies", "Les études", "Studies"),
    ("maladie", "sickness", "La maladie", "Sickness"),
    ("maternite", "maternity", "La maternité", "Maternity"),
    ("invalidite", "invalidity", "L'invalidité", "Invalidity"),
    ("chomage", "unemployment", "Le chômage", "Unemployment"),
    ("accidents-du-travail", "work-accidents", "Les accidents du travail", "Work accidents"),
    ("cotisations", "contributions", "Les cotisations", "Contributions"),
    ("formulaires", "forms", "Les formulaires", "Forms"),
    ("fonction-publique", "civil-service", "La fonction publique", "Civil service"),
    ("independants", "self-employed", "Les indépendants", "The self-employed"),
    ("marins", "seafarers", "Les marins", "Seafarers"),
    ("artistes", "artists", "Les artistes", "Artists"),
    ("presse", "press", "La presse", "The press"),
    ("retour-en-france", "return-to-france", "Le retour en France", "Return to France"),
]
HOME = (
    ("Votre sécurité sociale entre la France et l'étranger",
     "Le Cleiss vous explique vos droits quand vous vivez ou travaillez entre la France et un autre pays."),
    ("Your social security between France and abroad",
     "Cleiss explains your rights when you live or work between France and another country."),
)
SECTION_DESCRIPTION = ("Toutes nos fiches sur ce thème, en mots simples.", "All our pages on this topic, in plain words.")
DESCRIPTION = ("Ce que vous devez savoir sur {aspect} pour {topic} {place}, en mots simples.",
               "What you need to know about {aspect} for {topic} {place}, in plain words.")


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class Audience:
    """An audience of site.yml: its id, and its label and description per language (index 0 fr, 1 en)."""

    def __init__(self, audience_id: str):
        self.id = audience_id
        self.label = [audience_id, audience_id]
        self.description = ["", ""]


def read_audiences(site_yml: Path) -> list[Audience]:
    """The audiences of site.yml. The file's layout is fixed (README, "site.yml"), so reading the
    few lines needed here line by line avoids a YAML package the benchmark would have to install."""
    audiences: list[Audience] = []
    in_description = False
    for line in site_yml.read_text(encoding="utf-8").splitlines():
        stripped = line.split(" #", 1)[0].strip()
        if match := re.fullmatch(r"- id: ([a-z0-9-]+)", stripped):
            audiences.append(Audience(match.group(1)))
            in_description = False
        elif audiences and (match := re.fullmatch(r"label: \{fr: ([^,}]+), en: ([^}]+)\}", stripped)):
            audiences[-1].label = [match.group(1).strip(), match.group(2).strip()]
        elif audiences and stripped == "description:":
            in_description = True
        elif audiences and in_description and (match := re.fullmatch(r'(fr|en): "(.*)"', stripped)):
            audiences[-1].description[LANGS.index(match.group(1))] = match.group(2)
        else:
            in_description = False
    if not audiences:
        sys.exit(f"generate_corpus.py: no audience found in {site_yml}")
    return audiences


# --------------------------------------------------------------------------------------------
# The corpus, as a list of files (relative path -> text) per language, built in lockstep.

class Page:
    def __init__(self, index: int, folder: int, titles: tuple[str, str], slugs: tuple[str, str],
                 description: tuple[str, str]):
        self.index, self.folder, self.titles, self.slugs, self.description = index, folder, titles, slugs, description

    def path(self, lang: int) -> str:
        return f"{FOLDERS[self.folder][lang]}/{self.slugs[lang]}.md"


def sentence(rng: random.Random) -> tuple[str, str]:
    opener, subject, verb, obj, compl = (rng.choice(OPENERS), rng.choice(SUBJECTS), rng.choice(VERBS),
                                         rng.choice(OBJECTS), rng.choice(COMPLEMENTS))
    return tuple(cap(f"{opener[k]}{subject[k]} {verb[k]} {obj[k]} {compl[k]}.") for k in (0, 1))  # type: ignore


def paragraph(rng: random.Random, count: int, link: tuple[str, str] | None = None) -> tuple[str, str]:
    sentences = [sentence(rng) for _ in range(count)]
    if link:
        sentences.insert(rng.randrange(1, count + 1), link)
    return tuple(" ".join(s[k] for s in sentences) for k in (0, 1))  # type: ignore


def link_to(source: Page, target: Page) -> tuple[str, str]:
    out = []
    for k in (0, 1):
        href = (f"{target.slugs[k]}.md" if target.folder == source.folder
                else f"../{FOLDERS[target.folder][k]}/{target.slugs[k]}.md")
        text = target.titles[k][:1].lower() + target.titles[k][1:]
        out.append(LINK_SENTENCE[k].format(text=text, href=href))
    return out[0], out[1]


def front_matter(title: str, description: str, key: str, date: str, lastmod: str,
                 audience: str | None = None) -> str:
    lines = ["---", f'title: "{title}"', f'description: "{description}"']
    if audience:
        lines.append(f"audiences: [{audience}]")
    lines += [f"translationKey: {key}", f"date: {date}", f"lastmod: {lastmod}", "---", ""]
    return "\n".join(lines)


def page_body(rng: random.Random, links: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The Markdown body of a page in both languages, grown section by section to TARGET_BYTES."""
    fr: list[str] = []
    en: list[str] = []

    def add(pair: tuple[str, str]) -> None:
        fr.append(pair[0])
        en.append(pair[1])

    links = list(links)
    add(paragraph(rng, 3, links.pop(0)))
    h2s = rng.sample(H2, len(H2))
    kinds = ["text", "list", "table", "text"]
    section = 0
    while section < len(kinds) or (sum(len(x.encode()) + 2 for x in fr) < TARGET_BYTES - 450
                                   and section < len(H2)):
        kind = kinds[section] if section < len(kinds) else "text"
        heading = h2s[section % len(h2s)]
        add((f"## {heading[0]}", f"## {heading[1]}"))
        if kind == "text":
            add(paragraph(rng, rng.randint(3, 4), links.pop(0) if links and section == 3 else None))
            for h3 in rng.sample(H3, 2):
                add((f"### {h3[0]}", f"### {h3[1]}"))
                add(paragraph(rng, rng.randint(3, 4)))
        elif kind == "list":
            add(paragraph(rng, 2))
            add(LIST_INTRO)
            items = [sentence(rng) for _ in range(4)]
            add(tuple("\n".join(f"- {item[k]}" for item in items) for k in (0, 1)))  # type: ignore
        else:
            add(paragraph(rng, 2, links.pop(0) if links else None))
            rows = []
            for situation in rng.sample(TABLE_SITUATIONS, 4):
                delay, document = rng.choice(TABLE_DELAYS), rng.choice(OBJECTS)
                rows.append(tuple(f"| {situation[k]} | {delay[k]} | {cap(document[k])} |" for k in (0, 1)))
            add(tuple("\n".join([f"| {' | '.join(TABLE_HEADER[k])} |", "| --- | --- | --- |"]
                                + [row[k] for row in rows]) for k in (0, 1)))  # type: ignore
        section += 1
    return fr, en


def random_date(rng: random.Random, start_day: int, end_day: int) -> tuple[str, int]:
    day = rng.randint(start_day, end_day)
    return (datetime.date(2025, 1, 1) + datetime.timedelta(days=day)).isoformat(), day


def build_corpus(pages: int, seed: int, audiences: list[str]) -> dict[str, dict[str, str]]:
    """{lang: {path relative to the language folder: Markdown}}."""
    if pages < 2 or pages % 2:
        sys.exit("generate_corpus.py: --pages must be an even number of at least 2")
    per_language = pages // 2
    combos = [(a, t, p) for a in range(len(ASPECTS)) for t in range(len(TOPICS)) for p in range(len(PLACES))]
    if per_language > len(combos):
        sys.exit(f"generate_corpus.py: at most {2 * len(combos)} pages (unique titles run out)")
    rng = random.Random(seed)
    rng.shuffle(combos)
    corpus: dict[str, dict[str, str]] = {"fr": {}, "en": {}}

    for k, lang in enumerate(LANGS):
        corpus[lang]["_index.md"] = front_matter(HOME[k][0], HOME[k][1], "home", "2025-01-15", "2026-10-02") \
            + "\n" + HOME[k][1] + "\n"
    folders_used = min(FOLDERS_PER_LANGUAGE, per_language)
    for f in range(folders_used):
        for k, lang in enumerate(LANGS):
            title = FOLDERS[f][2 + k]
            corpus[lang][f"{FOLDERS[f][k]}/_index.md"] = front_matter(
                title, SECTION_DESCRIPTION[k], f"section-{f:02d}", "2025-01-15", "2026-10-02") \
                + "\n" + SECTION_DESCRIPTION[k] + "\n"

    entries: list[Page] = []
    for i in range(per_language):
        a, t, p = combos[i]
        titles = (cap(f"{ASPECTS[a][0]} pour {TOPICS[t][0]} {PLACES[p][0]}"),
                  cap(f"{ASPECTS[a][1]} for {TOPICS[t][1]} {PLACES[p][1]}"))
        descriptions = tuple(DESCRIPTION[k].format(aspect=ASPECTS[a][k], topic=TOPICS[t][k], place=PLACES[p][k])
                             for k in (0, 1))
        entries.append(Page(i, i % folders_used, titles, (slugify(titles[0]), slugify(titles[1])), descriptions))

    for page in entries:
        others = [j for j in rng.sample(range(per_language), min(per_language, 4)) if j != page.index]
        links = [link_to(page, entries[j]) for j in others[: rng.randint(2, 3)]]
        date, day = random_date(rng, 0, 545)
        lastmod, _ = random_date(rng, day, 695)
        audience = rng.choice(audiences)
        fr_body, en_body = page_body(rng, links)
        for k, (lang, body) in enumerate(zip(LANGS, (fr_body, en_body))):
            corpus[lang][page.path(k)] = front_matter(
                page.titles[k], page.description[k], f"page-{page.index:05d}", date, lastmod, audience) \
                + "\n" + "\n\n".join(body) + "\n"
    return corpus


def write_files(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def prepare(directory: Path) -> None:
    if directory.exists() and any(directory.iterdir()):
        sys.exit(f"generate_corpus.py: {directory} exists and is not empty")
    directory.mkdir(parents=True, exist_ok=True)


# --------------------------------------------------------------------------------------------
# The cleiss-site site.

def write_cleiss(site: Path, corpus: dict[str, dict[str, str]], repo: Path) -> None:
    prepare(site)
    # site.yml as it is, but for `legalNotice:`: it names the real site's legal notice page, which the
    # generated corpus does not have (the build would stop on it), and is a matter of law, not of speed.
    settings = (repo / "site.yml").read_text(encoding="utf-8")
    settings = re.sub(r"^legalNotice:.*?(?=^\S)", "", settings, flags=re.S | re.M)
    (site / "site.yml").write_text(settings, encoding="utf-8")
    shutil.copytree(repo / "Themes", site / "Themes")
    for lang in LANGS:
        write_files(site / "Content" / lang, corpus[lang])


# --------------------------------------------------------------------------------------------
# The Hugo project: the same Markdown and front matter, and templates that do what the default
# theme of cleiss-site does, no more: hreflang alternates with x-default, language switcher, main
# menu, breadcrumb, audience tags, section and audience lists with descriptions and localised
# dates, audience landing pages (a taxonomy), the audience index, a site-map page, a 404 page per
# language, sitemap.xml with alternates (Hugo's built-in template), robots.txt and the theme's
# assets. Markdown options follow cmark-gfm's in cleiss-site: GFM extensions, raw HTML dropped,
# no typographic replacements, ASCII heading ids. Links to .md files are resolved to page URLs
# and a missing target fails the build, as in cleiss-site.

HUGO_CONFIG = """\
baseURL = "https://www.cleiss.fr/"
title = "Cleiss"
defaultContentLanguage = "fr"
defaultContentLanguageInSubdir = true
disableKinds = ["rss"]
enableRobotsTXT = true

[params]
  xDefault = "https://www.cleiss.fr/"

[taxonomies]
  audience = "audiences"

[markup.goldmark.renderer]
  unsafe = false
[markup.goldmark.extensions.typographer]
  disable = true
[markup.goldmark.parser]
  autoHeadingIDType = "github-ascii"

[languages]
  [languages.fr]
    contentDir = "content/fr"
    label = "Français"
    title = "Cleiss"
    weight = 1
    [languages.fr.params]
      description = "Le Cleiss informe sur la protection sociale quand on vit ou travaille entre la France et un autre pays."
      sitemapPage = "/plan-du-site"
  [languages.en]
    contentDir = "content/en"
    label = "English"
    title = "Cleiss"
    weight = 2
    [languages.en.params]
      description = "Cleiss explains social security when you live or work between France and another country."
      sitemapPage = "/site-map"
"""

HUGO_I18N = {
    "fr": {"home": "Accueil", "breadcrumb": "Fil d'Ariane", "languages": "Langues", "mainNav": "Menu principal",
           "skipToContent": "Aller au contenu", "pageAudiences": "Cette page s'adresse à",
           "homeAudiences": "Vous êtes…", "homeSections": "Trouver une information par thème",
           "lastUpdated": "Mis à jour le", "children": "Dans cette rubrique", "audienceChildren": "Les pages pour vous",
           "pageCount": "Nombre de pages :", "noPages": "Aucune page pour l'instant.",
           "notFound": "Page introuvable", "translated": "traduction de cette page", "notTranslated": "page d'accueil"},
    "en": {"home": "Home", "breadcrumb": "Breadcrumb", "languages": "Languages", "mainNav": "Main menu",
           "skipToContent": "Skip to content", "pageAudiences": "This page is for",
           "homeAudiences": "You are…", "homeSections": "Find information by topic",
           "lastUpdated": "Updated on", "children": "In this section", "audienceChildren": "Pages for you",
           "pageCount": "Pages:", "noPages": "No page yet.",
           "notFound": "Page not found", "translated": "translation of this page", "notTranslated": "home page"},
}
SITEMAP_PAGE = (("plan-du-site", "Plan du site", "Toutes les pages du site du Cleiss en français, rubrique par rubrique."),
                ("site-map", "Site map", "Every page of the Cleiss site in English, section by section."))
AUDIENCES_PAGE = (("Vous êtes…", "Les pages du site pour chaque public."), ("You are…", "The pages of the site for each audience."))

HUGO_LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} — {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{- end }}
<link rel="alternate" hreflang="x-default" href="{{ site.Params.xDefault }}">
<link rel="stylesheet" href="/assets/cleiss.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
</head>
<body>
<nav class="skiplinks"><a href="#content">{{ T "skipToContent" }}</a></nav>
<header>
<p class="brand"><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
{{ partial "switcher.html" . }}
<nav class="main-nav" aria-label="{{ T "mainNav" }}"><ul>
{{- range site.Menus.main }}
<li><a href="{{ .URL }}"{{ if $.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
{{- end }}
</ul></nav>
</header>
{{ if not .IsHome }}{{ partial "breadcrumb.html" . }}{{ end }}
<main id="content">
{{ block "main" . }}{{ end }}
</main>
{{ partialCached "footer.html" . site.Language.Lang }}
</body>
</html>
""",
    "_partials/switcher.html": """\
{{- $page := . -}}
<nav class="lang-switcher" aria-label="{{ T "languages" }}"><ul>
{{- range site.Home.AllTranslations }}
{{- if ne .Language.Lang $page.Language.Lang }}
{{- $lang := .Language.Lang }}
{{- $href := .RelPermalink }}
{{- $translated := false }}
{{- range $page.Translations }}{{ if eq .Language.Lang $lang }}{{ $href = .RelPermalink }}{{ $translated = true }}{{ end }}{{ end }}
<li><a href="{{ $href }}" lang="{{ $lang }}" hreflang="{{ $lang }}">{{ .Language.Label }}<span class="sr-only">, {{ if $translated }}{{ T "translated" }}{{ else }}{{ T "notTranslated" }}{{ end }}</span></a></li>
{{- end }}
{{- end }}
</ul></nav>
""",
    "_partials/breadcrumb.html": """\
<nav class="breadcrumb" aria-label="{{ T "breadcrumb" }}"><ol>
{{- range .Ancestors.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ if .IsHome }}{{ T "home" }}{{ else }}{{ .Title }}{{ end }}</a></li>
{{- end }}
<li><span aria-current="page">{{ .Title }}</span></li>
</ol></nav>
""",
    # Computed once per language, as cleiss-site computes its menus once per build.
    "_partials/footer.html": """\
<footer id="footer">
<p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
<ul>
{{- range site.Menus.footer }}
<li><a href="{{ .URL }}">{{ .Name }}</a></li>
{{- end }}
{{- with site.GetPage site.Params.sitemapPage }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
</footer>
""",
    "_partials/updated.html": """\
{{- with .Lastmod }}{{ if not .IsZero }}
<p class="last-updated">{{ T "lastUpdated" }} <time datetime="{{ .Format "2006-01-02" }}">{{ time.Format ":date_long" . }}</time></p>
{{- end }}{{ end }}
""",
    "_partials/list.html": """\
<ul class="cards page-list">
{{- range . }}
<li><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>{{ with .Description }}<p>{{ . }}</p>{{ end }}{{ partial "updated.html" . }}</li>
{{- end }}
</ul>
""",
    "_partials/tree.html": """\
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{- with .Pages }}
<ul>
{{- range . }}{{ partial "tree.html" . }}{{ end }}
</ul>
{{- end }}</li>
""",
    "_markup/render-link.html": """\
{{- $u := urls.Parse .Destination -}}
{{- $href := .Destination -}}
{{- if and (not $u.IsAbs) (strings.HasSuffix $u.Path ".md") -}}
  {{- $path := path.Join "/" .PageInner.File.Dir $u.Path | strings.TrimSuffix ".md" -}}
  {{- with site.GetPage $path -}}
    {{- $href = .RelPermalink -}}
    {{- with $u.Fragment }}{{ $href = printf "%s#%s" $href . }}{{ end -}}
  {{- else -}}
    {{- errorf "%s: link to a missing page %q" $.PageInner.File.Path $.Destination -}}
  {{- end -}}
{{- end -}}
<a href="{{ $href }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text }}</a>
{{- /* chomp */ -}}
""",
    "home.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="prose">{{ .Content }}</div>
<h2>{{ T "homeAudiences" }}</h2>
<ul class="cards">
{{- range site.Taxonomies.audiences }}
<li><h3><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></h3><p>{{ .Page.Description }}</p></li>
{{- end }}
</ul>
<h2>{{ T "homeSections" }}</h2>
{{ partial "list.html" .Sections }}
{{ end }}
""",
    "section.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
<div class="prose">{{ .Content }}</div>
<h2>{{ T "children" }}</h2>
{{ with .Pages }}{{ partial "list.html" . }}{{ else }}<p>{{ T "noPages" }}</p>{{ end }}
{{ partial "updated.html" . }}
{{ end }}
""",
    "taxonomy.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="prose">{{ .Content }}</div>
<ul class="cards">
{{- range .Pages }}
<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Description }}</p><p>{{ T "pageCount" }} {{ len .Pages }}</p></li>
{{- end }}
</ul>
{{ end }}
""",
    "term.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="lead">{{ .Description }}</p>
<div class="prose">{{ .Content }}</div>
<h2>{{ T "audienceChildren" }}</h2>
{{ with .Pages }}{{ partial "list.html" . }}{{ else }}<p>{{ T "noPages" }}</p>{{ end }}
{{ end }}
""",
    "page.html": """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{- with .GetTerms "audiences" }}
<div class="audience-tags"><p>{{ T "pageAudiences" }}</p><ul>
{{- range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
</ul></div>
{{- end }}
<div class="prose">{{ .Content }}</div>
{{ partial "updated.html" . }}
</article>
{{ end }}
""",
    # The site-map page: the home page, its sections and their pages, then the audiences.
    "tree.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="prose">{{ .Content }}</div>
<ul class="sitemap">
<li><a href="{{ site.Home.RelPermalink }}">{{ site.Home.Title }}</a>
<ul>
{{- range site.Home.Sections }}{{ partial "tree.html" . }}{{ end }}
</ul></li>
{{- with site.GetPage "/audiences" }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<ul>
{{- range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul></li>
{{- end }}
</ul>
{{ end }}
""",
    "404.html": """\
{{ define "main" }}
<h1>{{ T "notFound" }}</h1>
<p><a href="{{ site.Home.RelPermalink }}">{{ T "home" }}</a></p>
{{ end }}
""",
}


def toml_strings(table: dict[str, str]) -> str:
    return "".join(f'{key} = "{value}"\n' for key, value in table.items())


def hugo_extra_pages(k: int, audiences: list[Audience]) -> dict[str, str]:
    """The pages cleiss-site generates from site.yml and the theme, as Hugo content in language k:
    the audience index and landing pages (the taxonomy and its terms) and the site-map page."""
    files = {"audiences/_index.md": front_matter(AUDIENCES_PAGE[k][0], AUDIENCES_PAGE[k][1], "audiences",
                                                 "2025-01-15", "2026-10-02")}
    for audience in audiences:
        files[f"audiences/{audience.id}/_index.md"] = front_matter(
            audience.label[k], audience.description[k], f"audience-{audience.id}", "2025-01-15", "2026-10-02")
    name, title, description = SITEMAP_PAGE[k]
    files[f"{name}.md"] = "\n".join(["---", f'title: "{title}"', f'description: "{description}"',
                                     "translationKey: sitemap", "layout: tree", "---", ""])
    return files


def write_hugo(hugo: Path, corpus: dict[str, dict[str, str]], audiences: list[Audience], repo: Path) -> None:
    prepare(hugo)
    (hugo / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    write_files(hugo / "i18n", {f"{lang}.toml": toml_strings(table) for lang, table in HUGO_I18N.items()})
    write_files(hugo / "layouts", HUGO_LAYOUTS)
    shutil.copytree(repo / "Themes" / "default" / "assets", hugo / "static" / "assets")
    for k, lang in enumerate(LANGS):
        write_files(hugo / "content" / lang, {**corpus[lang], **hugo_extra_pages(k, audiences)})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", nargs="?", type=Path, help="where to write the cleiss-site site")
    parser.add_argument("--hugo", type=Path, metavar="HUGO_DIR", help="where to write the Hugo project")
    parser.add_argument("--pages", type=int, default=200, help="pages in total, both languages (even)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repo", type=Path, default=REPO, help="the repository (site.yml, Themes/)")
    args = parser.parse_args(argv)
    if not args.site_dir and not args.hugo:
        parser.error("give SITE_DIR, --hugo HUGO_DIR or both")
    audiences = read_audiences(args.repo / "site.yml")
    corpus = build_corpus(args.pages, args.seed, [audience.id for audience in audiences])
    if args.site_dir:
        write_cleiss(args.site_dir, corpus, args.repo)
    if args.hugo:
        write_hugo(args.hugo, corpus, audiences, args.repo)
    count = sum(len(files) for files in corpus.values())
    size = sum(len(text.encode()) for files in corpus.values() for text in files.values())
    print(f"{args.pages} pages ({count} Markdown files with home and section pages, {size / 1e6:.1f} MB)"
          + (f" -> {args.site_dir}" if args.site_dir else "") + (f" -> {args.hugo} (Hugo)" if args.hugo else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
