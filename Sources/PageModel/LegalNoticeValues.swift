/// The settings of site.yml's `legalNotice:` (LCEN, art. 6 III), on the page that shows them. A setting
/// not filled in yet is empty and its flag false, so that a preview shows what is left to fill in.
public struct LegalNoticeValues: TemplateModel {
    public var publicationDirector: String
    public var hasPublicationDirector: Bool
    public var hostName: String
    public var hasHostName: Bool
    public var hostAddress: String
    public var hasHostAddress: Bool
    public var hostPhone: String
    public var hasHostPhone: Bool

    public init(publicationDirector: String, hostName: String, hostAddress: String, hostPhone: String) {
        func isSet(_ text: String) -> Bool { !text.allSatisfy(\.isWhitespace) }
        self.publicationDirector = publicationDirector
        self.hasPublicationDirector = isSet(publicationDirector)
        self.hostName = hostName
        self.hasHostName = isSet(hostName)
        self.hostAddress = hostAddress
        self.hasHostAddress = isSet(hostAddress)
        self.hostPhone = hostPhone
        self.hasHostPhone = isSet(hostPhone)
    }

    public static let schemaName = "LegalNotice"
    public static let summary = "The publication director and host that site.yml's `legalNotice:` names (a build with `--production` refuses them empty)."
    public static let fields: [ModelField<Self>] = [
        .init("publicationDirector", "the name of the director of the publication; empty until site.yml gives it") { $0.publicationDirector },
        .init("hasPublicationDirector", "whether `publicationDirector` is filled in") { $0.hasPublicationDirector },
        .init("hostName", "the host's name") { $0.hostName },
        .init("hasHostName", "whether `hostName` is filled in") { $0.hasHostName },
        .init("hostAddress", "the host's address") { $0.hostAddress },
        .init("hasHostAddress", "whether `hostAddress` is filled in") { $0.hasHostAddress },
        .init("hostPhone", "the host's phone number") { $0.hostPhone },
        .init("hasHostPhone", "whether `hostPhone` is filled in") { $0.hasHostPhone },
    ]
}
