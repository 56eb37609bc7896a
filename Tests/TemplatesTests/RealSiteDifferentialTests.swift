import Foundation
import PageModel
import Testing
@testable import Rendering
@testable import SiteBuilder
@testable import Templates

/// Every page of the real site (Content/ with Themes/default), and of a generated benchmark corpus, as the
/// build renders it (the compiled templates) and as swift-mustache renders the same record: the bytes must
/// be equal, and equal to the file the build wrote.
@Suite struct RealSiteDifferentialTests {
    @Test func everyPageOfTheSiteIsByteIdentical() throws {
        // 66 pages, and the generated ones: audiences, site maps, 404s, aliases, the chooser.
        #expect(try compareEveryPage(of: ThemeSchemas.repositoryRoot) >= 80)
    }

    @Test func everyPageOfTheBenchmarkCorpusIsByteIdentical() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", ThemeSchemas.repositoryRoot.appendingPathComponent("Benchmarks/generate_corpus.py").path, site.path, "--pages", "300"]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        #expect(try compareEveryPage(of: site) >= 300)
    }

    /// Builds the site at `root` and compares every file rendered from a template; returns how many.
    func compareEveryPage(of root: URL) throws -> Int {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let session = BuildSession()
        _ = try session.build(BuildOptions(source: root, output: output))
        let renderer = try #require(session.memory?.renderer)
        let folder = root.appendingPathComponent("Themes/\(renderer.content.configuration.theme)/templates")
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        let templates = try Dictionary(uniqueKeysWithValues: names.map {
            (String($0.dropLast(".mustache".count)), try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        })
        var compared = 0
        for item in renderer.items() {
            guard let (kind, record) = renderer.record(of: item) else { continue }
            let path = renderer.path(of: item)
            let catalog = try kind.catalog(renderer.theme.vocabulary)
            let value = record.templateValue
            #expect(catalog.mismatches(in: value) == [], "\(path)")
            let expected = try Fixture(templates, catalog: catalog).oracle(kind.templateName, value)
            let engine = String(decoding: try renderer.render(item).data, as: UTF8.self)
            #expect(engine == expected, "\(path): first difference at \(engine.commonPrefix(with: expected).count)")
            #expect(try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) == engine, "\(path)")
            compared += 1
        }
        return compared
    }
}
