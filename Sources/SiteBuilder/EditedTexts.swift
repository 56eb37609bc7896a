import Charter
import ContentLoading
import Diagnostics
import Foundation
import Output
import Rendering
import Support

/// The live preview's most frequent rebuild: an editor saved the text of one page (or a few).
///
/// When the files changed are Markdown files the last build read, and each keeps its front matter
/// (so its place in the site, its title and dates are the same), only those pages can change: no
/// list, menu, alternate or generated page shows a page's text. The session then reads, checks,
/// renders and writes those pages alone, instead of going over every page of the site to find that
/// nothing else moved. Anything else — a new, moved or deleted file, a changed front matter, a
/// template, site.yml, an error — is left to the full `build`, which says why. Edited files of the
/// theme's `assets/` are copied again: no page shows their bytes.
///
/// What it relies on: the watcher's list of changed paths, which `cleiss-site serve` has. A commit
/// made while serving changes no source; `serve` reports it as a change of every input (`*`), so
/// that the full build reads the "outdated translation" notices from git again.
extension BuildSession {
    /// A page's file read again, with its index in the site.
    struct EditedPage {
        var index: Int
        var file: ContentLoader.LoadedFile
        var source: SourcePage
    }

    /// What the edited pages give, worked out before anything changes.
    struct EditedResults {
        var edited: [EditedPage]
        /// Files of the theme's `assets/` edited, by their path in it: copied again.
        var assets: [String]
        var charterResults: [String: (findings: [Finding], statistics: PageStatistics)]
        var charter: CharterReport
        var memos: [String: MarkdownMemo]
        var warnings: [Diagnostic]
        var earlierTexts: [(source: SourcePage, body: String)]
        var pagesPerLanguage: [(language: String, count: Int)]
    }

    /// Rebuilds after `changed` (paths from the site root) when they are only edited texts; nil when
    /// the full build must run. Throws the build's errors like `build`; the output is then untouched.
    ///
    /// The session's memory is taken out while this runs, so that it is the only holder of its
    /// tables and of the site's pages: a page is then replaced in place, where a shared copy of
    /// 10,000 pages would be copied whole (that copying was most of the time of this rebuild).
    func rebuildEditedTexts(_ options: BuildOptions, changed: [String]) throws -> BuildReport? {
        let start = Date()
        var clock = StageClock()
        guard var state = memory else { return nil }
        memory = nil
        defer { memory = state }
        // The short way writes no twins, search index or weight budget (`serve` makes none of them):
        // with any of them, the full build.
        guard state.output == options.output.standardizedFileURL, !options.compress, !state.compressed,
              !options.weighPages, state.renderer?.search != true,
              let results = try editedResults(options, changed: changed, state: state, clock: &clock) else { return nil }
        let edited = results.edited

        // From here the pages change in place; a failure to write puts the earlier texts back.
        for page in edited { _ = state.renderer?.replaceText(of: page.index, with: page.source, body: results.memos[page.source.path]?.rendered.html ?? "") }
        var fingerprints: [String: Int] = [:]
        var outcomes: [OutputFolder.FileOutcome] = []
        var renderTime = Duration.zero, writeTime = Duration.zero
        do {
            guard let renderer = state.renderer else { throw DiagnosticsError([]) }
            // Rendered again; written only when the values its template reads changed (see `SiteRenderer.rendered`).
            let toRender = edited.filter { renderer.builtLanguages.contains($0.source.language) && results.memos[$0.source.path] != nil }
            if !toRender.isEmpty || !results.assets.isEmpty {
                let output = try OutputFolder(destination: options.output, protected: [])
                guard output.updatesInPlace else { throw DiagnosticsError([]) }
                do {
                    let copying = ContinuousClock.now
                    for asset in results.assets {
                        outcomes.append(try SiteBuilder.copyAsset(asset, of: renderer.theme, sources: SourceTree(root: options.source), to: output))
                    }
                    writeTime += ContinuousClock.now - copying
                    for page in toRender {
                        let path = renderer.content.pages[page.index].outputPath
                        let file = SiteBuilder.renderAndWrite(.page(page.index), with: renderer, to: output, previous: state.outputFingerprints[path])
                        outcomes.append(try file.outcome.get())
                        fingerprints[path] = file.fingerprint
                        renderTime += file.render
                        writeTime += file.write
                    }
                    // Only these files change: none goes, the list of the output's files stays.
                    try output.commitEdited(outcomes)
                } catch {
                    output.abort()
                    throw error
                }
            }
        } catch {
            for (page, text) in zip(edited, results.earlierTexts) { _ = state.renderer?.replaceText(of: page.index, with: text.source, body: text.body) }
            // An empty error: the output is not one this session can update in place; the full build will say.
            if let error = error as? DiagnosticsError, error.diagnostics.isEmpty { return nil }
            throw error
        }
        for page in edited {
            state.files[page.source.path] = page.file
            state.markdown[page.source.path] = results.memos[page.source.path]
            if let result = results.charterResults[page.source.path] { state.charter[page.source.path] = CharterMemo(page: page.source, result: result) }
        }
        state.outputFingerprints.merge(fingerprints) { _, new in new }
        clock.end([("render", renderTime.seconds), ("write", writeTime.seconds)])
        let written = outcomes.count { if case .written = $0 { true } else { false } }
        let files = OutputFolder.Changes(written: written, unchanged: state.outputFiles.count - written, removed: 0)
        let report = BuildReport(pagesPerLanguage: results.pagesPerLanguage, files: files, warnings: results.warnings,
                                 charterSummary: "charter: " + results.charter.summary, stages: clock.stages, seconds: Date().timeIntervalSince(start))
        state.report = report
        state.charterReport = results.charter
        return report
    }

    /// Reads, checks and renders the Markdown of the edited pages, without changing anything; nil
    /// when the changes are not edited texts. In a function of its own so that its copy of the
    /// site's content is gone before the pages are changed in place.
    func editedResults(_ options: BuildOptions, changed: [String], state: Memory, clock: inout StageClock) throws -> EditedResults? {
        guard let theme = state.theme, let checker = state.checker, let content = state.renderer?.content, let languages = state.renderer?.builtLanguages,
              let lastReport = state.report, let lastCharter = state.charterReport,
              let (edited, assets) = editedFiles(changed, root: options.source, previous: state, content: content),
              // A fingerprinted asset's new bytes are a new name in every page: the full way.
              assets.isEmpty || !options.fingerprintAssets else { return nil }
        let editedPaths = Set(edited.map(\.source.path))
        clock.end("load")
        clock.end("parse")

        // Each edited page parsed once, read by the charter (in the languages built), then rendered.
        var charterResults: [String: (findings: [Finding], statistics: PageStatistics)] = [:]
        var memos: [String: MarkdownMemo] = [:]
        var caches = WordCaches()
        let renderers = Dictionary(uniqueKeysWithValues: Set(edited.map(\.source.language)).map { ($0, Self.markdownRenderer($0, content: content, theme: theme)) })
        var checkSeconds = 0.0, markdownSeconds = 0.0
        for page in edited {
            let stages = Self.checkAndRender(page.source, at: page.index, in: content, checker: languages.contains(page.source.language) ? checker : nil,
                                             renderer: renderers[page.source.language]!, caches: &caches)
            charterResults[page.source.path] = stages.charter
            memos[page.source.path] = stages.markdown
            checkSeconds += stages.checkSeconds
            markdownSeconds += stages.markdownSeconds
        }
        // The last report's findings and statistics, with those of the edited pages replaced.
        let checked = edited.filter { languages.contains($0.source.language) }
        let findings = lastCharter.findings.filter { !editedPaths.contains($0.file) }
            + checker.withSpellingSuggestions(checked.flatMap { charterResults[$0.source.path]?.findings ?? [] })
        let statistics = lastCharter.pages.map { charterResults[$0.file]?.statistics ?? $0 }
        let charter = CharterReport(findings: findings, pages: statistics)

        // The last build had no errors; the edited pages' files bring their own warnings (their front
        // matter's are those of the last build, `editedPages` checked it) and maybe errors.
        let diagnostics = edited.flatMap { page -> [Diagnostic] in
            guard case .success(let (_, loadWarnings)) = page.file.result else { return [] }
            return loadWarnings + (memos[page.source.path]?.rendered.diagnostics ?? [])
        } + content.diagnostics.warnings.filter { editedPaths.contains($0.location.file) } // the structure is unchanged: so are its warnings
        var errors = options.strict ? charter.findings.filter { $0.severity == .error }.map(SiteBuilder.asDiagnostic) : []
        errors += diagnostics.errors
        let warnings = lastReport.warnings.filter { !editedPaths.contains($0.location.file) } + diagnostics.warnings
        if !errors.isEmpty { throw DiagnosticsError(errors + warnings) }
        clock.end([("check", checkSeconds), ("markdown", markdownSeconds)])
        return EditedResults(edited: edited, assets: assets, charterResults: charterResults, charter: charter, memos: memos, warnings: warnings.sortedByLocation(),
                             earlierTexts: edited.map { (content.pages[$0.index].source, state.renderer?.bodies[$0.index] ?? "") },
                             pagesPerLanguage: lastReport.pagesPerLanguage)
    }

    /// The pages whose files changed, read again, and the theme's assets edited; nil when a change is
    /// anything else (a new text under another front matter, a new or deleted file, a template…).
    /// Paths that neither exist nor existed (an editor's temporary file) are ignored.
    func editedFiles(_ changed: [String], root: URL, previous: Memory, content: SiteContent) -> (pages: [EditedPage], assets: [String])? {
        let rootPath = root.standardizedFileURL.path
        var edited: [EditedPage] = []
        var assets: [String] = []
        let assetsFolder = "Themes/\(content.configuration.theme)/\(Theme.assetsFolder)/"
        for path in Set(changed).sorted() {
            // An asset the theme had, still there: copied again, nothing else to do.
            if path.hasPrefix(assetsFolder), let theme = previous.theme {
                let asset = String(path.dropFirst(assetsFolder.count))
                guard theme.assets.contains(asset), FileManager.default.fileExists(atPath: theme.assetURL(asset).path) else { return nil }
                assets.append(asset)
                continue
            }
            guard let known = previous.files[path] else {
                let related = { (other: String) in other == path || other.hasPrefix(path + "/") }
                if FileManager.default.fileExists(atPath: rootPath + "/" + path) || previous.files.keys.contains(where: related)
                    || previous.resources.contains(where: { related($0.path) }) { return nil }
                continue
            }
            guard let file = ContentLoader.reload(path, root: root, configuration: content.configuration) else { return nil }
            if file.signature == known.signature { continue }
            guard case .success(let (old, oldWarnings)) = known.result, case .success(let (new, warnings)) = file.result,
                  new.frontMatter == old.frontMatter, new.kind == old.kind, new.bodyFirstLine == old.bodyFirstLine, warnings == oldWarnings,
                  let index = content.page(sourcePath: path) else { return nil }
            edited.append(EditedPage(index: index, file: file, source: new))
        }
        return (edited, assets)
    }
}
