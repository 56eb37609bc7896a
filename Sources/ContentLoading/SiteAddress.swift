import Configuration

/// This site's own address, for the sources that point at it, of a page (`sources:`) or of the data file:
/// a page of an earlier site at that address is gone once this one is published there, except in a folder
/// that another system serves (`links: servedElsewhere:`). With or without `www.`, by http or https.
public struct SiteAddress: Sendable {
    /// The host of site.yml's baseURL, lowercased, without `www.`; nil when unknown.
    let host: String?
    let configuration: SiteConfiguration?

    public init(_ configuration: SiteConfiguration) {
        host = SourcesField.host(of: configuration.baseURL).map(Self.withoutWWW)
        self.configuration = configuration
    }

    /// Only the host, for tests of the data file's checks.
    public init(baseURL: String?) {
        host = baseURL.flatMap(SourcesField.host(of:)).map(Self.withoutWWW)
        configuration = nil
    }

    public static let unknown = SiteAddress(baseURL: nil)

    /// Whether `url` is an address of this site outside the folders served elsewhere.
    func isOwnPage(_ url: String) -> Bool {
        guard let host, SourcesField.host(of: url).map(Self.withoutWWW) == host else { return false }
        return configuration?.isServedElsewhere(path: SourcesField.path(of: url) ?? "/") != true
    }

    static func withoutWWW(_ host: String) -> String {
        host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}
