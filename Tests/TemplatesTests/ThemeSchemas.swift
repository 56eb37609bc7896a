import Foundation
@testable import Templates

/// The values Themes/default's templates read, as schemas, with sample values: a first draft of the
/// typed page model, written by hand here for the differential test (the switch-over derives them
/// from the page-model structs instead).
enum ThemeSchemas {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templatesFolder = repositoryRoot.appendingPathComponent("Themes/default/templates")

    /// Every template of the default theme: name (path without `.mustache`), file as errors name it, text.
    static func sources() throws -> [(name: String, file: String, text: String)] {
        let names = try FileManager.default.subpathsOfDirectory(atPath: templatesFolder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        return try names.map { path in
            (String(path.dropLast(".mustache".count)), "Themes/default/templates/\(path)",
             try String(contentsOf: templatesFolder.appendingPathComponent(path), encoding: .utf8))
        }
    }

    /// The keys of the theme's French strings (`key: "text"` lines), with their texts.
    static func strings() throws -> [(String, String)] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Themes/default/i18n/fr.yml"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> (String, String)? in
            guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), "« \(String(line[line.index(after: colon)...]).trimmingWhitespace()) » & <i>")
        }
    }

    static func text(_ fields: String...) -> [Schema.Field] { fields.map { Schema.Field($0, .text) } }

    static let link = Schema("Link", text("title", "url"))
    static let site = Schema("Site", text("title", "description", "homeURL", "assetsURL", "baseURL", "sitemapURL", "audiencesURL") + [.init("searchURL", .optional(.text))])
    static let assets = Schema("Assets", [.init("cleiss", .object("CSSAsset")), .init("favicon", .object("SVGAsset")), .init("search", .object("JSAsset"))])
    static let cssAsset = Schema("CSSAsset", text("css"))
    static let svgAsset = Schema("SVGAsset", text("svg"))
    static let jsAsset = Schema("JSAsset", text("js"))
    static let navItem = Schema("NavItem", text("title", "url") + [.init("isCurrent", .flag)])
    static let switcherItem = Schema("SwitcherItem", text("lang", "name", "url") + [.init("hasTranslation", .flag)])
    static let alternate = Schema("Alternate", text("hreflang", "href"))
    static let audienceTag = Schema("AudienceTag", text("label", "url"))
    static let audienceCard = Schema("AudienceCard", text("id", "label", "description", "url", "count"))
    static let audience = Schema("Audience", text("id", "label", "description", "url"))
    static let listEntry = Schema("ListEntry", text("title", "url") + ["description", "lastUpdated", "lastUpdatedISO"].map { .init($0, .optional(.text)) })
    static let outdated = Schema("Outdated", text("url", "lang", "languageName"))
    static let treeNode = Schema("TreeNode", text("title", "url") + [.init("children", .list(.object("TreeNode")))])
    static let page = Schema("Page", text("title", "documentTitle", "url", "canonical") + [
        .init("description", .optional(.text)), .init("contentHTML", .optional(.html)),
        .init("lastUpdated", .optional(.text)), .init("lastUpdatedISO", .optional(.text)),
        .init("breadcrumb", .list(.object("Link"))), .init("alternates", .list(.object("Alternate"))),
        .init("audiences", .list(.object("AudienceTag"))), .init("hasAudiences", .flag),
        .init("children", .list(.object("ListEntry"))), .init("hasChildren", .flag), .init("searchable", .flag),
        .init("noindex", .optional(.flag)), .init("outdatedTranslation", .optional(.object("Outdated"))),
    ])
    static let common: [Schema.Field] = [
        .init("lang", .text), .init("t", .object("Strings")), .init("site", .object("Site")), .init("assets", .object("Assets")),
        .init("footerLinks", .list(.object("Link"))),
    ]
    static let pageRoot = Schema("PageContext", common + [
        .init("page", .object("Page")), .init("nav", .list(.object("NavItem"))), .init("switcher", .list(.object("SwitcherItem"))),
        .init("audienceList", .optional(.list(.object("AudienceCard")))), .init("audience", .optional(.object("Audience"))),
        .init("sitemapTree", .optional(.list(.object("TreeNode")))), .init("pagefindURL", .optional(.text)),
    ])
    static let languageBlock = Schema("LanguageBlock", text("lang", "name", "url", "title", "description") + [
        .init("t", .object("Strings")), .init("footerLinks", .list(.object("Link"))),
    ])
    /// The site as the chooser and alias pages see it.
    static let shortSite = Schema("ShortSite", text("title", "assetsURL") + [.init("baseURL", .optional(.text))])
    static let pageTitle = Schema("PageTitle", text("title"))
    static let shortCommon = common.map { $0.name == "site" ? Schema.Field("site", .object("ShortSite")) : $0 }
    /// The chooser's footer links are per language, in `languages`.
    static let chooserRoot = Schema("ChooserContext", shortCommon.filter { $0.name != "footerLinks" } + text("canonical") + [
        .init("languages", .list(.object("LanguageBlock"))), .init("alternates", .list(.object("Alternate"))),
    ])
    static let aliasRoot = Schema("AliasContext", shortCommon + text("target") + [.init("page", .object("PageTitle"))])

    static func catalog(root: Schema) throws -> SchemaCatalog {
        let strings = Schema("Strings", try Self.strings().map { .init($0.0, .text) })
        return try SchemaCatalog(root: root, others: [strings, link, site, assets, cssAsset, svgAsset, jsAsset, navItem, switcherItem, alternate,
                                                      audienceTag, audienceCard, audience, listEntry, outdated, treeNode, page, languageBlock,
                                                      shortSite, pageTitle])
    }
}
