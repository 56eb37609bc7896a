import ArgumentParser
import Authoring
import Diagnostics
import Foundation
import SiteBuilder

/// `cleiss-site translate`: the other language's draft of a page.
struct Translate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the translation of a page: a draft in the other language's matching section, with the original text to translate.",
        discussion: """
            The new page has the same translationKey (added to the original when it had none), audiences, weight, menus \
            and sources, today's dates and draft: true; its text is the original, quoted under a "to translate" line. \
            A draft is not published: translate the text, write the description, then remove the block and draft: true.
            """)

    @OptionGroup var source: SourceOption

    @Argument(help: ArgumentHelp("The page to translate, like Content/fr/contact.md.", valueName: "PAGE"))
    var page: String

    @Option(name: .long, help: ArgumentHelp("The language to translate into.", valueName: "LANG"))
    var to: String

    @Option(name: .long, help: "The new page's file name (by default, the original's).")
    var slug: String?

    @Option(name: .long, help: ArgumentHelp("The day written as date and lastmod (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    func run() throws {
        let root = source.url
        let day = try AuthoringDay.resolve(date)
        let translated = try Console.runReportingDiagnostics(failure: "no translation created", keepsOutput: false) { () throws -> Translator.Translated in
            let content = try SiteLoading.load(root: root, includeDrafts: true).structureWithoutErrors()
            return try Translator.translate(Translator.Request(source: page, language: to, slug: slug, date: day), root: root, content: content)
        }
        if let original = translated.keyAddedTo { print("added a translationKey to \(original)") }
        print("created \(translated.page) (draft: true until it is translated)")
        if let url = try? AuthoringDay.previewURL(of: translated.page, root: root) {
            print("preview: cleiss-site serve --drafts, then open http://127.0.0.1:1313\(url)")
        }
    }
}
