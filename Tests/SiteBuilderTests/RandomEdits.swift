import Foundation

/// The kinds of edit the randomised test makes, each drawn with the seeded generator and applied
/// to the site at once; a kind returns nil when it has nothing to work on (no added asset to delete…).
struct RandomEdit: Sendable {
    /// What a clean build does after the edit, on a site that built before it.
    enum Outcome: Sendable { case builds, fails, either }

    var outcome: Outcome
    /// Applies the edit; returns what it did, for the failure messages.
    var apply: @Sendable (inout SeededGenerator, EditableSite) throws -> String?

    static let theme = "Themes/default"
    static let languages = ["fr", "en"]

    /// The edits that keep a site building, each listed as often as it should be drawn.
    static let good: [RandomEdit] = [
        body, body, body, body, body, title, description, audiences, menus, weight, translationKey, dates, dates, draft, slug, aliases,
        addPage, addPage, deletePage, renamePage, renameSection, template, template, string, asset, siteSettings, siteSettings, touch, resource,
        untidyName, unknownKey, charterProfile, countryData, countryData,
    ]

    /// The edits that break the build, which the test undoes afterwards.
    static let bad: [RandomEdit] = [brokenFrontMatter, unknownAudience, duplicateTitle, missingLink, brokenTemplate, missingString, unknownSiteKey,
                                    unknownRegime]

    // MARK: Texts of pages

    static let body = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        let number = site.nextNumber()
        let french = path.hasPrefix("Content/fr/")
        let kinds = ["paragraph", "heading", "link", "root link", "rewrite", "footnote", "raw HTML", "long sentence", "foreign tag", "unlink"]
        let kind = random.pick(kinds)!
        let others = site.parsedPages().filter { $0 != path && $0.hasPrefix(String(path.prefix(11))) && site.page($0)?["draft"] != "true" }
        var link = random.pick(others).map { PageLinks.relative(from: path, to: $0) + (random.chance(0.3) ? "#demande" : "") }
        if kind == "root link" {
            // A URL the build writes: a generated page, or an old address a page's aliases redirect.
            let aliases = site.parsedPages().filter { site.page($0)?["draft"] != "true" }.compactMap { site.page($0)?["aliases"] }
                .flatMap { $0.split(separator: "\"").filter { $0.hasPrefix("/") }.map(String.init) }
            link = random.pick(["/fr/plan-du-site/", "/en/audiences/journalists/"] + aliases)
        }
        try site.editPage(path, atomically: random.chance(0.5)) { page in
            switch kind {
            case "paragraph": page.body += french ? "\nUn paragraphe ajouté, le numéro \(number).\n" : "\nA paragraph added, number \(number).\n"
            case "heading": page.body += french ? "\n## Une partie \(number)\n\nLe texte de la partie.\n" : "\n## A part \(number)\n\nThe text of the part.\n"
            case "link", "root link": page.body += link.map { french ? "\nLisez [cette page](\($0)).\n" : "\nRead [this page](\($0)).\n" } ?? "\n\(number)\n"
            case "rewrite": page.body = french ? "Un texte tout neuf, numéro \(number).\n" : "A brand new text, number \(number).\n"
            case "footnote": page.body += "\nNote\(number).[^n\(number)]\n\n[^n\(number)]: \(french ? "Une note" : "A note") \(number).\n"
            case "raw HTML": page.body += "\n<div class=\"x\">bloc \(number)</div>\n"
            case "long sentence":
                page.body += "\n" + Array(repeating: french ? "le salarié part travailler dans un autre pays" : "the employee goes to work in another country",
                                          count: 5).joined(separator: french ? " et " : " and ") + ".\n"
            case "foreign tag": page.body += "\n{{< ref \"page-\(number).md\" >}}\n"
            default: page.body = PageLinks.mapDestinations(page.body) { _ in "https://www.example.org/\(number)" }
            }
        }
        return "the body of \(path): \(kind)"
    }

    static let title = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        let number = site.nextNumber()
        try site.editPage(path, atomically: random.chance(0.5)) { $0["title"] = PageText.quoted(path.hasPrefix("Content/fr/") ? "Titre \(number)" : "Title \(number)") }
        return "the title of \(path)"
    }

    static let description = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        let number = site.nextNumber()
        try site.editPage(path, atomically: random.chance(0.5)) { $0["description"] = PageText.quoted("Description \(number).") }
        return "the description of \(path)"
    }

    static let audiences = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        let chosen = EditableSite.audienceIDs.filter { _ in random.chance(0.4) }
        try site.editPage(path) { $0["audiences"] = chosen.isEmpty ? nil : "[" + chosen.joined(separator: ", ") + "]" }
        return "the audiences of \(path): \(chosen)"
    }

    static let menus = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        let menus = random.pick([nil, "main", "footer", "[main, footer]", "[footer, main]"])!
        try site.editPage(path) { $0["menus"] = menus }
        return "the menus of \(path): \(menus ?? "none")"
    }

    static let weight = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        let weight = random.chance(0.2) ? nil : String(random.number(in: -5...100))
        try site.editPage(path) { $0["weight"] = weight }
        return "the weight of \(path): \(weight ?? "none")"
    }

    /// Another key, none, or the key of a page of the other language (which may be taken: either outcome).
    static let translationKey = RandomEdit(outcome: .either) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        let other = path.hasPrefix("Content/fr/") ? "en" : "fr"
        let keys = site.parsedPages(other).compactMap { site.page($0)?["translationKey"] }
        let key = random.chance(0.5) ? random.pick(keys) : random.chance(0.5) ? "key-\(site.nextNumber())" : nil
        try site.editPage(path) { $0["translationKey"] = key }
        return "the translationKey of \(path): \(key ?? "none")"
    }

    static let dates = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        let key = random.pick(["date", "lastmod"])!
        let day = String(format: "20%02d-%02d-%02d", random.number(in: 24...26), random.number(in: 1...12), random.number(in: 1...28))
        let value = random.pick([nil, day, day + "T09:30:00+01:00", day + "T23:59:00-05:00"])!
        try site.editPage(path) { $0[key] = value }
        return "the \(key) of \(path): \(value ?? "none")"
    }

    /// A draft page that others link to breaks their links: either outcome.
    static let draft = RandomEdit(outcome: .either) { random, site in
        guard let path = random.pick(site.parsedPages().filter { !isHome($0) }) else { return nil }
        let draft = site.page(path)?["draft"] == "true"
        try site.editPage(path) { $0["draft"] = draft ? nil : "true" }
        return "\(path) \(draft ? "no longer a draft" : "made a draft")"
    }

    static let slug = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages().filter { !isHome($0) }) else { return nil }
        let slug = random.chance(0.3) ? nil : "adresse-\(site.nextNumber())"
        try site.editPage(path) { $0["slug"] = slug }
        return "the slug of \(path): \(slug ?? "none")"
    }

    /// A page may link to an alias removed: either outcome.
    static let aliases = RandomEdit(outcome: .either) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        let language = path.split(separator: "/")[1]
        let aliases = random.chance(0.3) ? nil : "[\"/\(language)/ancienne-\(site.nextNumber())/\"" + (random.chance(0.3) ? ", \"/\(language)/vieux-\(site.nextNumber()).html\"]" : "]")
        try site.editPage(path) { $0["aliases"] = aliases }
        return "the aliases of \(path): \(aliases ?? "none")"
    }

    /// A language's home page, `Content/<lang>/_index.md`.
    static func isHome(_ path: String) -> Bool {
        path.hasSuffix("/_index.md") && path.split(separator: "/").count == 3
    }

    // MARK: Files of Content

    /// A new page in a folder that has pages (a new section sometimes), with its translation sometimes.
    static let addPage = RandomEdit(outcome: .builds) { random, site in
        let number = site.nextNumber()
        let key = "new-\(number)"
        let translated = random.chance(0.4)
        var added: [String] = []
        for language in translated ? languages : [random.pick(languages)!] {
            let folders = Set(site.parsedPages(language).map { String($0[..<$0.lastIndex(of: "/")!]) }).sorted()
            var folder = random.pick(folders)!
            if random.chance(0.2) {
                // A new section, in a section sometimes: lists, breadcrumbs and the site map go deeper.
                folder = (random.chance(0.5) ? folder : "Content/\(language)") + "/rubrique-\(number)"
                try site.write(folder + "/_index.md", PageText(matter: [("title", PageText.quoted("Rubrique \(language) \(number)")),
                                                                        ("description", "\"Une rubrique.\""), ("weight", "\(number)")],
                                                              body: "Une rubrique nouvelle.\n").text)
            }
            let path = folder + "/page-\(number).md"
            var matter: [(key: String, value: String)] = [("title", PageText.quoted("Page \(language) \(number)")), ("description", "\"Une page ajoutée.\"")]
            if translated { matter.append(("translationKey", key)) }
            if random.chance(0.5) { matter.append(("audiences", "[\(random.pick(EditableSite.audienceIDs)!)]")) }
            if random.chance(0.3) { matter.append(("menus", "footer")) }
            if random.chance(0.3) { matter.append(("date", "2026-0\(random.number(in: 1...9))-1\(random.number(in: 0...9))")) }
            try site.write(path, PageText(matter: matter, body: "Le texte de la page \(number).\n").text, atomically: random.chance(0.5))
            added.append(path)
        }
        return "added \(added)"
    }

    /// A page others may link to: either outcome.
    static let deletePage = RandomEdit(outcome: .either) { random, site in
        let candidates = site.parsedPages().filter { !$0.hasSuffix("_index.md") }
        let sections = site.parsedPages().filter { $0.hasSuffix("/_index.md") && $0.split(separator: "/").count > 3 }
        guard let path = random.chance(0.15) ? random.pick(sections) : random.pick(candidates.filter { $0.contains("/page-") }) ?? random.pick(candidates)
        else { return nil }
        try site.remove(path)
        return "deleted \(path)"
    }

    /// A page moved to another name or folder of its language; the links to it and from it follow.
    static let renamePage = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages().filter { !$0.hasSuffix("_index.md") }) else { return nil }
        let language = String(path.split(separator: "/")[1])
        let folders = Set(site.parsedPages(language).map { String($0[..<$0.lastIndex(of: "/")!]) }).sorted()
        let destination = random.pick(folders)! + "/renomme-\(site.nextNumber()).md"
        try site.move(path, to: destination)
        try site.retargetLinks(from: path, to: destination, language: language)
        return "renamed \(path) to \(destination)"
    }

    /// A section folder renamed: every page in it moves; links follow.
    static let renameSection = RandomEdit(outcome: .builds) { random, site in
        guard let index = random.pick(site.parsedPages().filter { $0.hasSuffix("/_index.md") && !isHome($0) }) else { return nil }
        let folder = String(index.dropLast("/_index.md".count))
        let language = String(folder.split(separator: "/")[1])
        let destination = String(folder[..<folder.lastIndex(of: "/")!]) + "/section-\(site.nextNumber())"
        try site.moveFolder(folder, to: destination)
        try site.retargetLinks(from: folder, to: destination, language: language)
        return "renamed the section \(folder) to \(destination)"
    }

    /// A file beside the pages (a PDF), linked from a page of its folder; or such a file deleted with its links.
    static let resource = RandomEdit(outcome: .builds) { random, site in
        let existing = site.files(under: "Content").filter { $0.hasSuffix(".pdf") }
        if let file = existing.first, random.chance(0.5) {
            for page in site.parsedPages() {
                try site.editPage(page, ifChanged: true) { $0.body = PageLinks.mapDestinations($0.body) { $0.hasSuffix(".pdf") && PageLinks.resolved($0, from: page) == file ? "https://www.example.org/" : $0 } }
            }
            try site.remove(file)
            return "deleted \(file) and the links to it"
        }
        guard let page = random.pick(site.parsedPages()) else { return nil }
        let file = String(page[..<page.lastIndex(of: "/")!]) + "/formulaire-\(site.nextNumber()).pdf"
        try site.write(file, "%PDF-1.4\n% \(file)\n")
        try site.editPage(page) { $0.body += "\n[Le formulaire](\(PageLinks.relative(from: page, to: file))).\n" }
        return "added \(file), linked from \(page)"
    }

    /// A save that changes nothing but the file's times.
    static let touch = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        try site.touch(path)
        return "touched \(path)"
    }

    /// A page whose file name is not a URL segment (a warning, and a tidy URL).
    static let untidyName = RandomEdit(outcome: .builds) { random, site in
        let language = random.pick(languages)!
        let number = site.nextNumber()
        let path = "Content/\(language)/Une Page à Nommer \(number).md"
        try site.write(path, PageText(matter: [("title", PageText.quoted("Nom \(language) \(number)")), ("description", "\"Un nom de fichier.\"")],
                                      body: "Un texte.\n").text)
        return "added \(path)"
    }

    /// A key that front matter does not know (a warning), or none.
    static let unknownKey = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        let present = site.page(path)?["categorie"] != nil
        try site.editPage(path) { $0["categorie"] = present ? nil : "essai" }
        return "\(present ? "removed" : "added") an unknown key in \(path)"
    }

    // MARK: Theme and settings

    /// The charter's profile in site.yml, between the public one and the stricter one (other findings).
    static let charterProfile = RandomEdit(outcome: .builds) { _, site in
        guard let text = site.text("site.yml") else { return nil }
        let falc = text.contains("profile: falc")
        try site.write("site.yml", falc ? text.replacingOccurrences(of: "profile: falc", with: "profile: public")
                                        : text.replacingOccurrences(of: "profile: public", with: "profile: falc"))
        return "the charter's profile: \(falc ? "public" : "falc")"
    }

    static func templates(_ site: EditableSite) -> [String] {
        site.files(under: theme + "/templates").filter { $0.hasSuffix(".mustache") }
    }

    /// A line of markup in a template or a partial, at the start of one of its lines.
    static let template = RandomEdit(outcome: .builds) { random, site in
        guard let path = random.pick(templates(site)), let text = site.text(path) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = random.number(in: 0...max(0, lines.count - 1))
        lines.insert("<!-- edit \(site.nextNumber()) -->", at: line)
        try site.write(path, lines.joined(separator: "\n"), atomically: random.chance(0.5))
        return "\(path), line \(line + 1)"
    }

    static let string = RandomEdit(outcome: .builds) { random, site in
        let path = theme + "/i18n/\(random.pick(languages)!).yml"
        guard let text = site.text(path) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let keys = lines.indices.filter { lines[$0].hasSuffix("\"") && lines[$0].contains(": \"") && !lines[$0].hasPrefix("languageCode") }
        guard let line = random.pick(keys) else { return nil }
        lines[line] = String(lines[line].dropLast()) + " \(site.nextNumber())\""
        try site.write(path, lines.joined(separator: "\n"))
        return "\(path): \(lines[line])"
    }

    /// A stylesheet or the icon changed, an asset added, or one added earlier deleted.
    static let asset = RandomEdit(outcome: .builds) { random, site in
        let folder = theme + "/assets"
        let added = site.files(under: folder).filter { $0.contains("/extra-") }
        switch random.number(in: 0...3) {
        case 0:
            try site.write(folder + "/cleiss.css", (site.text(folder + "/cleiss.css") ?? "") + "\n.edit-\(site.nextNumber()) { color: #000; }\n")
            return "the stylesheet"
        case 1:
            let text = site.text(folder + "/favicon.svg") ?? ""
            try site.write(folder + "/favicon.svg", text.replacingOccurrences(of: "</svg>", with: "<!-- \(site.nextNumber()) --></svg>"))
            return "the icon"
        case 2 where !added.isEmpty:
            let path = random.pick(added)!
            try site.remove(path)
            return "deleted \(path)"
        default:
            let path = folder + "/extra-\(site.nextNumber()).css"
            try site.write(path, "p { margin: 0; }\n")
            return "added \(path)"
        }
    }

    /// The site's title or an audience's label or description, in one language.
    static let siteSettings = RandomEdit(outcome: .builds) { random, site in
        guard let text = site.text("site.yml") else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let number = site.nextNumber()
        let candidates = lines.indices.filter { line in ["title: {", "    label: {", "    description: {"].contains { lines[line].hasPrefix($0) } }
        guard let line = random.pick(candidates) else { return nil }
        let language = random.pick(languages)!
        // `fr: "…"` → `fr: "… 12"`: the text of one language gets a number.
        guard let start = lines[line].range(of: "\(language): \""), let end = lines[line][start.upperBound...].firstIndex(of: "\"") else { return nil }
        lines[line].insert(contentsOf: " \(number)", at: end)
        try site.write("site.yml", lines.joined(separator: "\n"))
        return "site.yml: \(lines[line].trimmingCharacters(in: .whitespaces))"
    }

    // MARK: Data

    static let countryDataPath = "Data/countries.yml"

    /// The data of the country pages written, changed (a note, a name, a regime) or removed: the pages made from it follow.
    static let countryData = RandomEdit(outcome: .builds) { random, site in
        let number = site.nextNumber()
        guard let text = site.text(countryDataPath) else {
            try site.write(countryDataPath, TestSite.countriesYML)
            return "wrote \(countryDataPath)"
        }
        let kind = random.pick(["note", "name", "regime", "remove"])!
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch kind {
        case "remove":
            try site.remove(countryDataPath)
            return "removed \(countryDataPath)"
        case "note":
            guard let line = lines.firstIndex(where: { $0.hasPrefix("      note: ") }) else { return nil }
            lines[line] = "      note: {fr: \"Une note \(number).\", en: \"A note \(number).\"}"
        case "name":
            guard let line = lines.firstIndex(where: { $0.hasPrefix("    name: {fr: Chine") }) else { return nil }
            lines[line] = "    name: {fr: \"Chine \(number)\", en: China}"
        default:
            guard let line = lines.firstIndex(where: { $0 == "    regime: none" || $0 == "    regime: eea" }) else { return nil }
            lines[line] = lines[line] == "    regime: none" ? "    regime: eea" : "    regime: none"
        }
        try site.write(countryDataPath, lines.joined(separator: "\n"), atomically: random.chance(0.5))
        return "\(countryDataPath): \(kind)"
    }

    // MARK: Breaking edits

    /// A regime the schema does not know.
    static let unknownRegime = RandomEdit(outcome: .fails) { _, site in
        let text = site.text(countryDataPath) ?? TestSite.countriesYML
        try site.write(countryDataPath, text.replacingOccurrences(of: "regime: eu\n", with: "regime: europe\n"))
        return "an unknown regime in \(countryDataPath)"
    }

    static let brokenFrontMatter = RandomEdit(outcome: .fails) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        try site.editPage(path) { $0["title"] = "[unclosed" }
        return "broke the front matter of \(path)"
    }

    static let unknownAudience = RandomEdit(outcome: .fails) { random, site in
        guard let path = random.pick(site.parsedPages()) else { return nil }
        try site.editPage(path) { $0["audiences"] = "[journaliste]" }
        return "an unknown audience in \(path)"
    }

    static let duplicateTitle = RandomEdit(outcome: .fails) { random, site in
        let language = random.pick(languages)!
        let pages = site.parsedPages(language).filter { site.page($0)?["draft"] != "true" }
        guard pages.count >= 2 else { return nil }
        let path = random.pick(pages)!
        guard let other = random.pick(pages.filter { $0 != path }), let title = site.page(other)?["title"] else { return nil }
        try site.editPage(path) { $0["title"] = title }
        return "\(path) titled like \(other)"
    }

    static let missingLink = RandomEdit(outcome: .fails) { random, site in
        guard let path = random.pick(site.parsedPages().filter { site.page($0)?["draft"] != "true" }) else { return nil }
        try site.editPage(path, atomically: random.chance(0.5)) { $0.body += "\nVoir [rien](absente-\(site.nextNumber()).md).\n" }
        return "a link to a missing page in \(path)"
    }

    static let brokenTemplate = RandomEdit(outcome: .fails) { random, site in
        guard let path = random.pick(templates(site).filter { !$0.contains("/partials/") }), let text = site.text(path) else { return nil }
        try site.write(path, text + "{{#page.title}}\n")
        return "an unclosed section in \(path)"
    }

    static let missingString = RandomEdit(outcome: .fails) { random, site in
        let path = theme + "/i18n/\(random.pick(languages)!).yml"
        guard let text = site.text(path) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let line = random.pick(lines.indices.filter { lines[$0].contains(": \"") }) else { return nil }
        try site.write(path, lines.enumerated().filter { $0.offset != line }.map(\.element).joined(separator: "\n"))
        return "\(path) without \(lines[line])"
    }

    static let unknownSiteKey = RandomEdit(outcome: .fails) { _, site in
        try site.write("site.yml", (site.text("site.yml") ?? "") + "titel: Essai\n")
        return "an unknown key in site.yml"
    }
}
