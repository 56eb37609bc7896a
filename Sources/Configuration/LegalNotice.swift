import Diagnostics

/// What the law requires a public site to name (LCEN of 21 June 2004, art. 6 III): the director of the
/// publication and the host (name, address, phone). They are settings of site.yml, not text of a page,
/// so that a build for publication can refuse them empty instead of publishing a notice that breaks the law.
public struct LegalNotice: Sendable, Equatable {
    /// One setting, with where site.yml gives it (or where it should be), for the message when it is empty.
    public struct Setting: Sendable, Equatable {
        /// Its path in site.yml, like `legalNotice.host.name`.
        public var key: String
        public var value: String
        public var location: SourceLocation
        public var isEmpty: Bool { value.allSatisfy(\.isWhitespace) }
    }

    /// The translationKey of the page that shows these settings (`legal-notice` unless site.yml says otherwise).
    public var page: String
    public var pageLocation: SourceLocation
    public var publicationDirector: Setting
    public var hostName: Setting
    public var hostAddress: Setting
    public var hostPhone: Setting

    /// Every setting, in the order the page shows them.
    public var settings: [Setting] { [publicationDirector, hostName, hostAddress, hostPhone] }
    /// The settings still to fill in.
    public var missing: [Setting] { settings.filter(\.isEmpty) }

    public static let defaultPage = "legal-notice"
}

extension ConfigurationLoader {
    static let knownLegalNoticeKeys = ["page", "publicationDirector", "host"]
    static let knownHostKeys = ["name", "address", "phone"]

    /// `legalNotice:`, absent when site.yml has none (a site without a legal notice page, like a test site).
    /// Empty values are read, not refused: whether they stop the build depends on the build (`--production`).
    static func readLegalNotice(_ site: inout YAMLMappingReader) -> LegalNotice? {
        guard let node = site.value("legalNotice") else { return nil }
        var diagnostics = site.diagnostics
        defer { site.diagnostics = diagnostics }
        guard var notice = YAMLMappingReader(node, reader: site.reader, diagnostics: &diagnostics, what: "'legalNotice'") else { return nil }
        notice.reportUnknownKeys(known: knownLegalNoticeKeys, severity: .error, what: "'legalNotice'")
        let page = notice.string("page") ?? LegalNotice.defaultPage
        let director = setting(&notice, "publicationDirector", path: "legalNotice")
        let missingHost = LegalNotice.Setting(key: "legalNotice.host", value: "", location: notice.location("host"))
        var (name, address, phone) = (missingHost, missingHost, missingHost)
        if let hostNode = notice.value("host") {
            if var host = YAMLMappingReader(hostNode, reader: site.reader, diagnostics: &diagnostics, what: "'legalNotice.host'") {
                host.reportUnknownKeys(known: knownHostKeys, severity: .error, what: "'legalNotice.host'")
                name = setting(&host, "name", path: "legalNotice.host")
                address = setting(&host, "address", path: "legalNotice.host")
                phone = setting(&host, "phone", path: "legalNotice.host")
                diagnostics += host.diagnostics
            }
        } else {
            notice.diagnostics.append(.error(site.location("legalNotice"), "'legalNotice' has no 'host'",
                                             hint: "add 'host: {name: …, address: …, phone: …}', empty until you know them"))
        }
        diagnostics += notice.diagnostics
        return LegalNotice(page: page, pageLocation: notice.location("page"), publicationDirector: director,
                           hostName: name, hostAddress: address, hostPhone: phone)
    }

    /// A text setting; a missing key reads as empty, at the place of its mapping.
    private static func setting(_ reader: inout YAMLMappingReader, _ key: String, path: String) -> LegalNotice.Setting {
        let location = reader.value(key).map { reader.reader.location(of: $0) } ?? reader.location(key)
        return LegalNotice.Setting(key: "\(path).\(key)", value: reader.string(key) ?? "", location: location)
    }
}
