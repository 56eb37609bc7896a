import Configuration
import Foundation
import LinkChecking
import Support

extension SiteBuilder {
    /// `check --links`: builds every language into a temporary folder, checks the links of the
    /// result (see `LinkChecker`) and removes the folder. A broken link that a page's Markdown
    /// wrote is reported in that file.
    public static func checkLinks(source: URL, includeDrafts: Bool) throws -> LinkChecker.Report {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-site-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let options = BuildOptions(source: source, output: temporary.appendingPathComponent("Site"), includeDrafts: includeDrafts)
        let session = BuildSession(rebuilds: false)
        try session.build(options)
        let configuration = try SiteLoading.configuration(root: source)
        return LinkChecker.check(folder: options.output, options: LinkChecker.Options(
            baseURLs: [configuration.baseURL], displayName: "(built site)", sources: session.pageSources,
            servedElsewhere: configuration.servedElsewhere))
    }

    /// `check --links --site DIR`: the links of an output already built (by `build --lang … --base-url …`,
    /// say). Absolute links under `baseURL` (the one it was built with), else site.yml's, are internal: under
    /// `--lang`, links to the other languages' host are then external.
    public static func checkLinks(site folder: URL, source: URL, baseURL: String?) throws -> LinkChecker.Report {
        let configuration = try SiteLoading.configuration(root: source)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path)
              || FileListing.files(in: folder).contains(where: { $0.hasSuffix(".html") }) else {
            throw UsageError("--site \(folder.path): no built site there (no .html file); build it first with `cleiss-site build`")
        }
        let baseURLs = baseURL.map { [ConfigurationLoader.normalizedBaseURL($0)] } ?? [configuration.baseURL]
        return LinkChecker.check(folder: folder, options: LinkChecker.Options(baseURLs: baseURLs, displayName: folder.lastPathComponent,
                                                                              servedElsewhere: configuration.servedElsewhere))
    }
}
