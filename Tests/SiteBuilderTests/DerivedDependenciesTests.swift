import Foundation
import Testing
@testable import Rendering
@testable import SiteBuilder

/// A page's fingerprint is what its compiled template reads (and the template's program), not a list kept
/// by hand: a value no template shows renders nothing again, a template edit renders only its own pages.
@Suite struct DerivedDependenciesTests {
    /// Output paths of the files each template kind renders, from the session's last build.
    func outputPaths(_ session: BuildSession) throws -> [String: Set<String>] {
        let renderer = try #require(session.memory?.renderer)
        var paths: [String: Set<String>] = [:]
        for item in renderer.items() {
            guard let (kind, _) = renderer.record(of: item) else { continue }
            paths[kind.templateName, default: []].insert(renderer.path(of: item))
        }
        return paths
    }

    @Test func aTemplateEditRewritesOnlyThePagesOfItsKind() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        let session = BuildSession()
        let options = BuildOptions(source: site.root, output: site.output)
        try session.build(options)
        let before = site.snapshot()
        let paths = try outputPaths(session)
        let template = site.root.appendingPathComponent("Themes/default/templates/page.mustache")
        try site.write("Themes/default/templates/page.mustache", try String(contentsOf: template, encoding: .utf8) + "<!-- edited -->\n")
        try session.build(options)
        let after = site.snapshot()
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(changed == paths["page"], "only the pages rendered by page.mustache")
        #expect(try #require(paths["page"]).count == 3)
        let clean = site.root.appendingPathComponent("Clean")
        try SiteBuilder.build(BuildOptions(source: site.root, output: clean))
        #expect(after == site.snapshot(clean))
    }

    /// A theme whose page template shows neither the description nor the audiences: changing them in a
    /// page's front matter leaves that page's fingerprint as it was, and changes the lists that show them.
    @Test func aValueNoTemplateOfThePageReadsRendersItNotAgain() throws {
        let site = try TestSite.make()
        defer { site.cleanUp() }
        try site.write("Themes/default/templates/page.mustache", "<!DOCTYPE html>\n<html lang=\"{{lang}}\"><title>{{page.documentTitle}}</title>\n<main>{{{page.contentHTML}}}</main></html>\n")
        let session = BuildSession()
        let options = BuildOptions(source: site.root, output: site.output)
        try session.build(options)
        let earlier = try #require(session.memory?.outputFingerprints)
        try site.write("Content/fr/travailler/detachement.md", TestSite.page(title: "Détacher un salarié", description: "Le détachement, en bref.",
                                                                              extra: "audiences: [employeurs]\ndate: 2026-11-28",
                                                                              body: "## Durée\n\nJusqu'à 24 mois.\n"))
        try session.build(options)
        let later = try #require(session.memory?.outputFingerprints)
        #expect(later["fr/travailler/detachement/index.html"] == earlier["fr/travailler/detachement/index.html"])
        // The section lists the page with its description; the audience page of journalists lists it no more.
        #expect(later["fr/travailler/index.html"] != earlier["fr/travailler/index.html"])
        #expect(later["fr/publics/journalistes/index.html"] != earlier["fr/publics/journalistes/index.html"])
        let clean = site.root.appendingPathComponent("Clean")
        try SiteBuilder.build(BuildOptions(source: site.root, output: clean))
        #expect(site.snapshot() == site.snapshot(clean))
    }
}
