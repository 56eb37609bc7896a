import Foundation
import PageModel
import Testing
@testable import Rendering
@testable import SiteBuilder
@testable import Templates

/// Every page of the real site (Content/ with Themes/default), rendered by the build (swift-mustache) and
/// by the engine from the same context turned into a value of the kind's schema: the bytes must be equal.
@Suite struct RealSiteDifferentialTests {
    @Test func everyPageOfTheSiteIsByteIdentical() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let session = BuildSession()
        _ = try session.build(BuildOptions(source: ThemeSchemas.repositoryRoot, output: output))
        let renderer = try #require(session.memory?.renderer)
        let library = try TemplateLibrary(sources: try ThemeSchemas.sources())
        let catalogs = try Dictionary(uniqueKeysWithValues: TemplateKind.allCases.map { ($0.templateName, try ThemeSchemas.catalog($0)) })
        var compared = 0
        for item in renderer.items() {
            guard let (template, context) = Self.templateAndContext(item, renderer) else { continue }
            let catalog = catalogs[template]!
            var problems: [String] = []
            let value = ContextConversion(catalog: catalog).value(context, .object(catalog.root.name), at: renderer.path(of: item), problems: &problems)
            #expect(problems == [])
            var buffer: [UInt8] = []
            try library.compile(template, against: catalog).render(value, into: &buffer)
            let expected = renderer.theme.render(template, context: context)
            let engine = String(decoding: buffer, as: UTF8.self)
            #expect(engine == expected, "\(renderer.path(of: item)): first difference at \(engine.commonPrefix(with: expected).count)")
            compared += 1
        }
        // 66 pages, and the generated ones: audiences, site maps, 404s, aliases, the chooser.
        #expect(compared >= 80)
    }

    /// The template and context the build renders an item with (as `SiteRenderer.data(of:)`).
    static func templateAndContext(_ item: RenderItem, _ renderer: SiteRenderer) -> (String, [String: Any])? {
        switch item {
        case .page(let index):
            let kind = renderer.content.pages[index].kind
            return (kind == .home ? "home" : (kind == .section ? "section" : "page"), renderer.pageContext(index))
        case .generated(let page): return (page.template.templateName, renderer.context(of: page))
        case .alias(let index): return ("alias", renderer.aliasContext(renderer.content.aliases[index]))
        case .sitemapXML, .robotsTxt: return nil
        }
    }
}

/// The build's untyped context (`[String: Any]`) as a value of a schema, with every mismatch named (a value of the
/// wrong kind, or one the schema does not have).
struct ContextConversion {
    let catalog: SchemaCatalog

    func value(_ any: Any?, _ kind: ValueKind, at path: String, problems: inout [String]) -> TemplateValue {
        switch (kind, any) {
        case (.optional, nil): return .absent
        case (.optional(let inner), _): return value(any, inner, at: path, problems: &problems)
        case (.text, let text as String): return .text(text)
        case (.text, let number as Int): return .text(String(number))
        case (.html, let html as String): return .html(html)
        case (.flag, let flag as Bool): return .flag(flag)
        case (.list(let element), let elements as [Any]):
            return .list(elements.enumerated().map { value($1, element, at: "\(path)[\($0)]", problems: &problems) })
        case (.object(let name), let dictionary as [String: Any]):
            let schema = catalog.schemas[catalog.index(of: name)]
            // The page model offers exactly what the build's context offers: a key it lacks is a problem too.
            for key in dictionary.keys.sorted() where schema.fieldIndex[key] == nil {
                problems.append("\(path).\(key): offered by the build's context, missing from the schema '\(name)'")
            }
            return .object(schema.fields.map { value(dictionary[$0.name], $0.kind, at: "\(path).\($0.name)", problems: &problems) })
        default:
            problems.append("\(path): expected \(kind), found \(any.map { "\(type(of: $0))" } ?? "nothing")")
            return .absent
        }
    }
}
