import Configuration
import ContentLoading
import Foundation
import Rendering
import Support

/// What every page of the output depends on: the build's options, site.yml, charter.yml and the
/// theme's files. When it changes, a session starts again from nothing.
enum SettingsFingerprint {
    static func of(_ options: BuildOptions, configuration: SiteConfiguration, search: Bool) -> Int {
        var hasher = Hasher()
        hasher.combine(search)
        hasher.combine(options.languages)
        hasher.combine(options.baseURL)
        hasher.combine(options.includeDrafts)
        hasher.combine(options.strict)
        hasher.combine(options.fingerprintAssets)
        for name in [ConfigurationLoader.fileName, "charter.yml"] {
            hasher.combine(FileManager.default.contents(atPath: options.source.appendingPathComponent(name).path))
        }
        let theme = options.source.appendingPathComponent("Themes").appendingPathComponent(configuration.theme)
        // Listed as `Theme.load` lists it: its problems are the theme's errors.
        for path in SourceTree(root: options.source).files(in: theme, displayPrefix: "Themes/" + configuration.theme).files {
            hasher.combine(path)
            // With plain asset names (the live preview), an asset is copied as it is and no page shows its
            // bytes: a new stylesheet renders no page again (every build copies the assets whose bytes
            // changed). Its name counts: the theme's list of assets is part of the theme a session keeps.
            // Fingerprinted, every page shows the digest of every asset's bytes.
            if options.fingerprintAssets || !path.hasPrefix(Theme.assetsFolder + "/") {
                hasher.combine(FileManager.default.contents(atPath: theme.appendingPathComponent(path).path))
            }
        }
        return hasher.finalize()
    }
}

/// For each file of the output, a fingerprint of everything it is made from. For a page of Content:
/// its own front matter, URL and rendered body, and what it shows of other pages — its translations
/// (alternates, switcher, outdated notice), its ancestors (breadcrumb), the pages it lists, the menus
/// of its language, and on a home page the number of pages per audience. Generated files (audience
/// pages, site map, sitemap.xml, aliases…) show many pages each: theirs is made of every page's
/// front matter and URL, so they are rendered again whenever one of those changes, not for an edit
/// of a page's text. The settings (theme, site.yml, options) are not in it: a session drops its
/// fingerprints when they change.
enum OutputFingerprints {
    /// `bodies` are hashes of each page's rendered Markdown, by page index.
    static func of(_ renderer: SiteRenderer, bodies: [Int]) -> [String: Int] {
        let content = renderer.content
        let summaries = content.pages.indices.map { summary(of: content.pages[$0]) }
        var structure = Hasher()
        structure.combine(summaries)
        structure.combine(renderer.outdatedTranslations.sorted())
        let site = structure.finalize()
        let shared = Dictionary(uniqueKeysWithValues: renderer.builtLanguages.map { ($0, sharedByLanguage($0, content: content) { summaries[$0] }) })
        let built = renderer.builtPageIndices
        let fingerprints = built.concurrentMap { index -> Int in
            page(index, renderer: renderer, body: bodies[index], shared: shared[content.pages[index].language] ?? 0) { summaries[$0] }
        }
        var result = Dictionary(zip(built.map { content.pages[$0].outputPath }, fingerprints), uniquingKeysWith: { first, _ in first })
        for item in renderer.items() {
            if case .page = item { continue }
            let path = renderer.path(of: item)
            var hasher = Hasher()
            hasher.combine(path)
            hasher.combine(site)
            result[path] = hasher.finalize()
        }
        return result
    }

    /// What every page of a language shows alike: its menus and the number of pages per audience.
    static func sharedByLanguage(_ language: String, content: SiteContent, summary: (Int) -> Int) -> Int {
        var hasher = Hasher()
        for menu in FrontMatter.knownMenus { hasher.combine(content.menu(menu, language: language).map(summary)) }
        for audience in content.configuration.audiences { hasher.combine(content.pages(forAudience: audience.id, language: language).count) }
        return hasher.finalize()
    }

    /// The fingerprint of one page of Content; `summary` gives `summary(of:)` of a page by index.
    static func page(_ index: Int, renderer: SiteRenderer, body: Int, shared: Int, summary: (Int) -> Int) -> Int {
        let content = renderer.content
        var hasher = Hasher()
        hasher.combine(summary(index))
        hasher.combine(body)
        hasher.combine(renderer.outdatedTranslations.contains(index))
        hasher.combine(shared)
        for related in [content.versions(of: index), content.ancestors(of: index), content.children(of: index)] {
            hasher.combine(related.map(summary))
        }
        return hasher.finalize()
    }

    /// What other pages may show of a page: where it is and everything its front matter says.
    static func summary(of page: Page) -> Int {
        var hasher = Hasher()
        let matter = page.frontMatter
        hasher.combine(page.source.path)
        hasher.combine(page.url)
        hasher.combine(page.outputPath)
        hasher.combine(page.translationGroup)
        hasher.combine(page.kind)
        hasher.combine(matter.title)
        hasher.combine(matter.description)
        hasher.combine(matter.audiences)
        hasher.combine(matter.translationKey)
        hasher.combine(matter.date?.original)
        hasher.combine(matter.lastmod?.original)
        hasher.combine(matter.draft)
        hasher.combine(matter.slug)
        hasher.combine(matter.aliases)
        hasher.combine(matter.weight)
        hasher.combine(matter.menus)
        return hasher.finalize()
    }
}

/// What a link between source files resolves against: every page's and resource's source path and
/// URL, and every output path claimed (for root-relative links). See `SiteContent.resolveLink`.
enum LinkTargets {
    static func fingerprint(_ content: SiteContent) -> Int {
        var hasher = Hasher()
        for page in content.pages {
            hasher.combine(page.source.path)
            hasher.combine(page.url)
        }
        for resource in content.resources {
            hasher.combine(resource.resource.path)
            hasher.combine(resource.url)
        }
        hasher.combine(content.claimedOutputPaths.sorted())
        return hasher.finalize()
    }
}
