import ArgumentParser
import Authoring
import Diagnostics
import Foundation
import SiteBuilder

/// `cleiss-site new`: a page with its whole front matter, from an archetype.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a page under Content/ with its front matter, from an archetype.",
        discussion: """
            PATH names the language, the section and the page: Content/fr/travailler-a-l-etranger/ma-page.md, or \
            fr/travailler-a-l-etranger/ma-page. Missing sections are created with their _index.md. The description is \
            a placeholder that `check` reports until you write it. Archetypes: Archetypes/<audience>.md, \
            Archetypes/<section>.md, Archetypes/default.md, then the same in the theme's archetypes/.
            """)

    @OptionGroup var source: SourceOption

    @Argument(help: ArgumentHelp("The page to create.", valueName: "PATH"))
    var path: String

    @Option(name: .long, help: "The page's title (by default, made from the file name: check it).")
    var title: String?

    @Option(name: .customLong("audience"), help: ArgumentHelp("An audience of site.yml the page is dedicated to; repeat it for several.", valueName: "ID"))
    var audiences: [String] = []

    @Option(name: .customLong("translation-key"), help: "The key shared with the page's translations (by default, its file name).")
    var translationKey: String?

    @Option(name: .long, help: ArgumentHelp("The day written as date and lastmod (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    func run() throws {
        let root = source.url
        let day = try AuthoringDay.resolve(date)
        let created = try Console.runReportingDiagnostics(failure: "no page created", keepsOutput: false) { () throws -> PageCreator.Created in
            let configuration = try SiteLoading.configuration(root: root)
            let request = PageCreator.Request(path: path, title: title, audiences: audiences, translationKey: translationKey, date: day)
            return try PageCreator.create(request, root: root, configuration: configuration)
        }
        for file in created.files.dropLast() { print("created \(file) (a new section: check its title)") }
        print("created \(created.page)")
        if let url = try? AuthoringDay.previewURL(of: created.page, root: root) {
            print("preview: cleiss-site serve, then open http://127.0.0.1:1313\(url)")
        }
    }
}

/// The day `new` and `translate` write, and the preview address of what they wrote.
enum AuthoringDay {
    static func resolve(_ given: String?) throws -> String {
        if let given {
            guard given.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", options: .regularExpression) != nil else {
                throw ValidationError("--date must be a day like 2026-12-05")
            }
            return given
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    static func previewURL(of page: String, root: URL) throws -> String? {
        let content = try SiteLoading.load(root: root, includeDrafts: true).structure()
        return content.page(sourcePath: page).map { content.pages[$0].url }
    }
}
