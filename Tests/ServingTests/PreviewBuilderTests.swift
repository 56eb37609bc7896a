import Diagnostics
import Foundation
import SiteBuilder
import Testing
@testable import Serving

@Suite struct PreviewBuilderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A one-language site of three pages with the repository's theme.
    func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/fr"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Themes"), to: root.appendingPathComponent("Themes"))
        try Data("title: Cleiss\nbaseURL: https://www.example.fr/\nlanguages: [fr]\ntheme: default\naudiences: []\n".utf8)
            .write(to: root.appendingPathComponent("site.yml"))
        for (name, title) in [("_index", "Accueil"), ("un", "Première page"), ("deux", "Deuxième page")] {
            try Data("---\ntitle: \"\(title)\"\ndescription: \"La page \(name).\"\n---\nTexte de départ.\n".utf8)
                .write(to: root.appendingPathComponent("Content/fr/\(name).md"))
        }
        return root
    }

    func files(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) { files[path] = data }
        }
        return files
    }

    @Test func rebuildsCountChangedPagesAndKeepTheLastGoodOutput() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Preview")
        let builder = PreviewBuilder(options: BuildOptions(source: root, output: output, baseURL: "http://127.0.0.1:1313/").forPreview)

        let first = try builder.rebuild(changed: [])
        #expect(first.changedFiles > 3)
        #expect(try builder.rebuild(changed: ["site.yml"]).changedFiles == 0)

        try Data("---\ntitle: \"Première page\"\ndescription: \"La page un.\"\n---\nTexte modifié.\n".utf8)
            .write(to: root.appendingPathComponent("Content/fr/un.md"))
        #expect(try builder.rebuild(changed: ["Content/fr/un.md"]).changedFiles == 1)
        let good = files(output)
        #expect(String(decoding: good["fr/un/index.html"] ?? Data(), as: UTF8.self).contains("Texte modifié."))
        #expect(String(decoding: good["fr/un/index.html"] ?? Data(), as: UTF8.self).contains("http://127.0.0.1:1313/fr/un/"))
        // The reload script is the server's: no built file carries it.
        #expect(!good.values.contains { String(decoding: $0, as: UTF8.self).contains("__cleiss-site") })

        try Data("---\ntitle: [broken\n---\n".utf8).write(to: root.appendingPathComponent("Content/fr/un.md"))
        #expect(throws: DiagnosticsError.self) { try builder.rebuild(changed: ["Content/fr/un.md"]) }
        #expect(files(output) == good)
    }
}
