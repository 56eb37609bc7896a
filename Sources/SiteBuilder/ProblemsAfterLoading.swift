import Configuration
import ContentLoading
import Diagnostics
import Markdown
import Rendering
import Support

extension SiteBuilder {
    /// When pages or the theme could not be loaded, the build fails: but the pages that loaded still
    /// go through the stages that find problems (URLs, links, raw HTML, titles), so that one run lists
    /// every error, not those of the first stage that had one. Nothing is rendered or written.
    /// Links to the pages that did not load are not reported (their own errors are).
    static func problemsAfterLoading(_ site: LoadedSite, theme: Theme?) -> [Diagnostic] {
        let content = site.structure()
        let renderers = Dictionary(uniqueKeysWithValues: content.configuration.languages.map { language in
            (language, theme.map { BuildSession.markdownRenderer(language, content: content, theme: $0) }
                ?? MarkdownRenderer(allowRawHTML: content.configuration.allowRawHTML))
        })
        let markdown = Array(content.pages.indices).concurrentMap { index in
            BuildSession.renderMarkdown(content.pages[index].source, at: index, in: content, with: renderers[content.pages[index].language]!).rendered.diagnostics
        }
        return site.diagnostics.warnings + content.diagnostics + markdown.flatMap { $0 } + (theme.map { duplicateTitles(content, theme: $0) } ?? [])
    }
}
