import CLibXML2
import Foundation

/// The entries of a `sitemap.xml`: each `<url>` with its `<loc>` and its `xhtml:link` alternates.
struct SitemapScan: Sendable {
    struct Entry: Sendable {
        var location: String
        var alternates: [PageScan.Alternate]
        var line: Int
    }

    var entries: [Entry] = []
    /// Set when the file is not well-formed XML: libxml2's message.
    var error: (message: String, line: Int)?

    init(_ bytes: [UInt8]) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else {
            let last = xmlGetLastError()
            error = (last.map { String(cString: $0.pointee.message).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not well-formed XML",
                     last.map { Int($0.pointee.line) } ?? 0)
            return
        }
        defer { xmlFreeDoc(document) }
        var url = xmlDocGetRootElement(document)?.pointee.children
        while let current = url {
            if current.pointee.type == XML_ELEMENT_NODE, Self.name(of: current) == "url" { entries.append(Self.entry(current)) }
            url = current.pointee.next
        }
    }

    private static func entry(_ url: xmlNodePtr) -> Entry {
        var entry = Entry(location: "", alternates: [], line: Int(xmlGetLineNo(url)))
        var child = url.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                switch name(of: current) {
                case "loc":
                    entry.location = text(of: current).trimmingCharacters(in: .whitespacesAndNewlines)
                case "link" where attribute("rel", of: current) == "alternate":
                    entry.alternates.append(PageScan.Alternate(hreflang: attribute("hreflang", of: current) ?? "", href: attribute("href", of: current) ?? ""))
                default:
                    break
                }
            }
            child = current.pointee.next
        }
        return entry
    }

    private static func name(of node: xmlNodePtr) -> String { String(cString: node.pointee.name) }

    private static func text(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { cleiss_xmlFree(content) }
        return String(cString: content)
    }

    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { cleiss_xmlFree(value) }
        return String(cString: value)
    }
}
