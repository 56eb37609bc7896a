import Mustache
import PageModel
import Testing
@testable import Templates

/// Themes/default's real templates, rendered by the engine and by swift-mustache from the same values:
/// the bytes must be the same, and every template compiles against its kind's schema without an error.
@Suite struct ThemeDifferentialTests {
    static let pageKinds = TemplateKind.allCases.filter { $0 != .chooser && $0 != .alias }

    func compare(_ kind: TemplateKind, value: TemplateValue) throws {
        let template = kind.templateName
        let sources = try ThemeSchemas.sources()
        let catalog = try ThemeSchemas.catalog(kind)
        #expect(catalog.mismatches(in: value) == [])
        var fixture = Fixture([:], catalog: catalog)
        fixture.templates = Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0.text) })
        let compiled = try TemplateLibrary(sources: sources).compile(template, against: catalog)
        var buffer: [UInt8] = []
        try compiled.render(value, into: &buffer)
        let engine = String(decoding: buffer, as: UTF8.self)
        let oracle = try fixture.oracle(template, value)
        #expect(engine == oracle, "\(template): first difference at \(engine.commonPrefix(with: oracle).count) of \(oracle.count)")
        #expect(engine.contains("</html>"))
    }

    @Test(arguments: pageKinds) func pageKindRendersAsSwiftMustacheDoes(_ kind: TemplateKind) throws {
        try compare(kind, value: try ThemeSchemas.pageContext(kind, rich: true))
        try compare(kind, value: try ThemeSchemas.pageContext(kind, rich: false))
    }

    @Test func chooserAndAliasRenderAsSwiftMustacheDoes() throws {
        try compare(.chooser, value: try ThemeSchemas.chooserContext())
        try compare(.alias, value: try ThemeSchemas.aliasContext())
    }

    @Test func aTypoInTheThemeIsReportedAtItsTag() throws {
        var sources = try ThemeSchemas.sources()
        let index = sources.firstIndex { $0.name == "page" }!
        sources[index].text = sources[index].text.replacingOccurrences(of: "<h1>{{page.title}}</h1>", with: "<h1>{{page.titel}}</h1>")
        #expect(throws: TemplateErrors.self) { try TemplateLibrary(sources: sources).compile("page", against: try ThemeSchemas.catalog(.page)) }
        do {
            _ = try TemplateLibrary(sources: sources).compile("page", against: try ThemeSchemas.catalog(.page))
        } catch {
            #expect("\(error)".hasPrefix("Themes/default/templates/page.mustache:4:5: error: unknown name 'titel' in 'page.titel'; did you mean “title”?"))
        }
    }

    @Test func theCompiledTemplateKnowsWhatItReads() throws {
        let compiled = try TemplateLibrary(sources: try ThemeSchemas.sources()).compile("page", against: try ThemeSchemas.catalog(.page))
        #expect(compiled.valuesRead.isSuperset(of: ["Page.title", "Page.contentHTML", "Strings.outdatedTranslation", "Link.url"]))
        #expect(!compiled.valuesRead.contains("PageTemplate.hasNav"))
    }

    /// Every template kind of the theme compiles against its kind's schema from the page model, with no error.
    @Test(arguments: TemplateKind.allCases) func everyTemplateCompilesAgainstItsKind(_ kind: TemplateKind) throws {
        let library = try TemplateLibrary(sources: try ThemeSchemas.sources())
        let compiled = try library.compile(kind.templateName, against: try ThemeSchemas.catalog(kind))
        #expect(!compiled.valuesRead.isEmpty)
    }
}
