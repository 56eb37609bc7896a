import Foundation

/// The site the randomised test starts from: two languages, a home page, two sections, pages with
/// audiences, menus, weights, dates, aliases, a slug, a draft, translated and untranslated pages,
/// links between pages, and the repository's default theme.
extension EditableSite {
    static let audienceIDs = ["journalistes", "employeurs", "saisonniers"]

    static let siteYML = """
    title: {fr: "Site d'essai", en: "Test site"}
    description:
      fr: "Un site d'essai pour comparer les constructions."
      en: "A test site to compare builds."
    baseURL: https://www.example.fr/
    languages: [fr, en]
    theme: default
    paths:
      audiences: {fr: publics, en: audiences}
      sitemap: {fr: plan-du-site, en: site-map}
    charter:
      profile: public
    countries:
      audiences: [employeurs]
    audiences:
      - id: journalistes
        label: {fr: "Journalistes", en: "Journalists"}
        slug: {fr: journalistes, en: journalists}
        description: {fr: "Vous partez en reportage.", en: "You travel to report."}
        cog: 2026
      - id: employeurs
        label: {fr: "Employeurs", en: "Employers"}
        slug: {fr: employeurs, en: employers}
        description: {fr: "Vous envoyez un salarié à l'étranger.", en: "You send an employee abroad."}
        cog: 2027
      - id: saisonniers
        label: {fr: "Travailleurs saisonniers", en: "Seasonal workers"}
        slug: {fr: saisonniers, en: seasonal-workers}
        cog: 2026

    """

    /// Path, front matter lines and body of each page at the start.
    static let startingPages: [(path: String, matter: [(String, String)], body: String)] = [
        ("Content/fr/_index.md", [("title", "\"Accueil\""), ("description", "\"La page d'accueil du site d'essai.\""), ("translationKey", "home"),
                                  ("date", "2025-01-15")],
         "Bienvenue sur le site d'essai. Pour nous écrire, voyez la page [Contact](contact.md).\n"),
        ("Content/fr/contact.md", [("title", "\"Nous contacter\""), ("description", "\"Écrire au service.\""), ("translationKey", "contact"),
                                   ("weight", "90"), ("menus", "[main, footer]")],
         "## Par courrier\n\nÉcrivez-nous à l'adresse du service.\n\n## Par téléphone\n\nAppelez le matin, du lundi au vendredi.\n"),
        ("Content/fr/a-propos.md", [("title", "\"À propos\""), ("description", "\"Qui nous sommes.\""), ("translationKey", "about"),
                                    ("weight", "10"), ("menus", "footer"), ("date", "2025-02-01"), ("lastmod", "2026-05-04")],
         "Le service informe sur vos droits. Lisez aussi [la rubrique travail](travailler/_index.md).\n"),
        ("Content/fr/mentions.md", [("title", "\"Mentions légales\""), ("description", "\"Les mentions légales.\""), ("menus", "footer")],
         "Le directeur de la publication est le directeur du service.\n"),
        ("Content/fr/travailler/_index.md", [("title", "\"Travailler à l'étranger\""), ("description", "\"Partir travailler hors de France.\""),
                                             ("translationKey", "work"), ("weight", "10"), ("menus", "main")],
         "Vous partez travailler dans un autre pays. Votre protection dépend du pays.\n"),
        ("Content/fr/travailler/detachement.md", [("title", "\"Le détachement\""), ("description", "\"Rester couvert pendant une mission.\""),
                                                  ("translationKey", "posting"), ("audiences", "[employeurs]"), ("weight", "20"),
                                                  ("aliases", "[\"/fr/detachement/\"]"), ("date", "2025-03-12"), ("lastmod", "2026-10-02")],
         "## Durée\n\nLe détachement dure deux ans au plus.\n\n- une demande avant le départ ;\n- une réponse de la caisse.\n\n"
            + "| Pays | Durée |\n|---|---|\n| Espagne | 24 mois |\n\nVoir aussi [la mission](mission.md).\n"),
        ("Content/fr/travailler/mission.md", [("title", "\"Journaliste en mission\""), ("description", "\"Partir en reportage.\""),
                                              ("translationKey", "assignment"), ("audiences", "[journalistes]"), ("weight", "30"), ("date", "2026-04-14")],
         "## Avant de partir\n\nDemandez [la carte](../soins/carte.md#demande) avant le départ.[^1]\n\n[^1]: Elle est gratuite.\n"),
        ("Content/fr/travailler/saison.md", [("title", "\"Une saison à l'étranger\""), ("description", "\"Travailler une saison.\""),
                                             ("translationKey", "season"), ("audiences", "[saisonniers, employeurs]"), ("date", "2026-06-01")],
         "Une saison dure quelques mois. Lisez [le détachement](detachement.md#duree).\n"),
        ("Content/fr/soins/_index.md", [("title", "\"Se soigner à l'étranger\""), ("description", "\"Les soins hors de France.\""),
                                        ("translationKey", "care"), ("weight", "20"), ("menus", "main")],
         "Vos soins hors de France sont pris en charge sous conditions.\n"),
        ("Content/fr/soins/carte.md", [("title", "\"La carte européenne\""), ("description", "\"Demander la carte.\""),
                                       ("translationKey", "card"), ("audiences", "[saisonniers]"), ("lastmod", "2026-09-01")],
         "## Demande\n\nDemandez la carte à votre caisse, deux semaines avant le départ.\n"),
        ("Content/fr/soins/programmes.md", [("title", "\"Des soins programmés\""), ("description", "\"Se faire soigner ailleurs.\""),
                                            ("slug", "soins-prevus")],
         "Demandez l'accord de votre caisse avant les soins. Voir [la carte](carte.md).\n"),
        ("Content/en/_index.md", [("title", "\"Home\""), ("description", "\"The home page of the test site.\""), ("translationKey", "home"),
                                  ("date", "2025-01-15")],
         "Welcome to the test site. To write to us, see [Contact](contact.md).\n"),
        ("Content/en/contact.md", [("title", "\"Contact us\""), ("description", "\"Write to the service.\""), ("translationKey", "contact"),
                                   ("weight", "90"), ("menus", "[main, footer]")],
         "## By post\n\nWrite to us at the address of the service.\n"),
        ("Content/en/about.md", [("title", "\"About\""), ("description", "\"Who we are.\""), ("translationKey", "about"), ("menus", "footer")],
         "The service explains your rights. See also [working abroad](working/_index.md).\n"),
        ("Content/en/working/_index.md", [("title", "\"Working abroad\""), ("description", "\"Going to work outside France.\""),
                                          ("translationKey", "work"), ("weight", "10"), ("menus", "main")],
         "You are going to work in another country. Your cover depends on the country.\n"),
        ("Content/en/working/posting.md", [("title", "\"Posting\""), ("description", "\"Staying covered during an assignment.\""),
                                           ("translationKey", "posting"), ("audiences", "[employeurs]"), ("date", "2025-03-12")],
         "## How long\n\nA posting lasts two years at most.\n"),
        ("Content/en/working/assignment.md", [("title", "\"Journalist on assignment\""), ("description", "\"Going on a reporting trip.\""),
                                              ("translationKey", "assignment"), ("audiences", "[journalistes]"), ("date", "2026-04-14")],
         "## Before you leave\n\nAsk for [the card](../care/card.md#request) before you leave.\n"),
        ("Content/en/working/season.md", [("title", "\"A season abroad\""), ("description", "\"Working for one season.\""),
                                          ("translationKey", "season"), ("audiences", "[saisonniers]"), ("draft", "true")],
         "A season lasts a few months.\n"),
        ("Content/en/care/_index.md", [("title", "\"Health care abroad\""), ("description", "\"Care outside France.\""),
                                       ("translationKey", "care"), ("weight", "20"), ("menus", "main")],
         "Care outside France is covered under conditions.\n"),
        ("Content/en/care/card.md", [("title", "\"The European card\""), ("description", "\"Asking for the card.\""),
                                     ("translationKey", "card"), ("audiences", "[saisonniers]")],
         "## Request\n\nAsk your fund for the card two weeks before you leave.\n"),
        ("Content/en/care/planned.md", [("title", "\"Planned care\""), ("description", "\"Being treated elsewhere.\"")],
         "Ask your fund before the treatment.\n"),
    ]

    /// The starting site in a new temporary folder, with a copy of the repository's themes.
    static func make() throws -> EditableSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-random-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent("Themes"), to: root.appendingPathComponent("Themes"))
        let site = EditableSite(root: root)
        try site.write("site.yml", siteYML)
        for page in startingPages {
            try site.write(page.path, PageText(matter: page.matter.map { (key: $0.0, value: $0.1) }, body: page.body).text)
        }
        site.markGood()
        return site
    }
}
