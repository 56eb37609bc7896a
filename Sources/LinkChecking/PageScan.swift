import CLibXML2
import Foundation

/// What the link checker needs of one generated HTML page: the anchors it offers, the links it
/// makes, and its language declarations. Read with libxml2's HTML parser, which recovers from
/// anything and keeps each element's line.
struct PageScan: Sendable {
    /// A URL written in an attribute of the page.
    struct Link: Sendable {
        var url: String
        /// `a@href`, `img@src`…: for the message.
        var attribute: String
        var line: Int
    }

    /// `<link rel="alternate" hreflang="…" href="…">`.
    struct Alternate: Sendable, Equatable, Hashable {
        var hreflang: String
        var href: String
    }

    var ids: Set<String> = []
    /// Each `id` written more than once, with the line of its second occurrence.
    var duplicateIDs: [(id: String, line: Int)] = []
    var links: [Link] = []
    var alternates: [Alternate] = []
    var alternatesLine = 0
    var canonical: (href: String, line: Int)?
    /// `<html lang>`.
    var language: String?
    /// `<meta name="robots" content="noindex">`: a page search engines are told to leave out.
    var isNoIndex = false

    /// Attributes holding one URL, per element.
    private static let urlAttributes: [String: [String]] = [
        "a": ["href"], "area": ["href"], "link": ["href"], "img": ["src"], "script": ["src"], "iframe": ["src"],
        "source": ["src"], "audio": ["src"], "video": ["src", "poster"], "track": ["src"], "embed": ["src"], "form": ["action"],
    ]

    /// Parses `bytes` (UTF-8 HTML). libxml2 must have been initialised (`LinkChecker` does it once).
    init(_ bytes: [UInt8]) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return }
        defer { xmlFreeDoc(document) }
        var seen: Set<String> = []
        visit(xmlDocGetRootElement(document), seen: &seen)
    }

    /// Reads every element from `root` and its siblings on, in document order. A loop over the tree's parent links, not a
    /// recursion: a page's nesting (block quotes in block quotes…) must not run the stack out.
    private mutating func visit(_ root: xmlNodePtr?, seen: inout Set<String>) {
        let top = root?.pointee.parent   // the document: the walk never climbs to it
        var node = root
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                read(current, seen: &seen)
                if let child = current.pointee.children {
                    node = child
                    continue
                }
            }
            // On to the next sibling of the node or of its nearest ancestor that has one.
            var climbing = current
            while climbing.pointee.next == nil {
                guard let parent = climbing.pointee.parent, parent != top else { return }
                climbing = parent
            }
            node = climbing.pointee.next
        }
    }

    private mutating func read(_ element: xmlNodePtr, seen: inout Set<String>) {
        let name = String(cString: element.pointee.name)
        let line = Int(xmlGetLineNo(element))
        let attributes = Self.attributes(of: element)
        if let id = attributes["id"] { record(id, line: line, seen: &seen) }
        // A named anchor is a fragment target too (HTML's "indicated part of the document").
        if name == "a", let anchor = attributes["name"], attributes["id"] != anchor { record(anchor, line: line, seen: &seen) }
        switch name {
        case "html":
            language = attributes["lang"]
        case "meta" where attributes["name"]?.lowercased() == "robots":
            isNoIndex = attributes["content"]?.lowercased().contains("noindex") == true
        case "link":
            let relations = Set((attributes["rel"] ?? "").lowercased().split(separator: " ").map(String.init))
            if relations.contains("alternate"), let hreflang = attributes["hreflang"], let href = attributes["href"] {
                alternates.append(Alternate(hreflang: hreflang, href: href))
                if alternatesLine == 0 { alternatesLine = line }
            }
            if relations.contains("canonical"), let href = attributes["href"] { canonical = (href, line) }
        default:
            break
        }
        for attribute in Self.urlAttributes[name] ?? [] {
            if let url = attributes[attribute] { links.append(Link(url: url, attribute: "\(name)@\(attribute)", line: line)) }
        }
        if name == "img" || name == "source", let set = attributes["srcset"] {
            for candidate in Self.sourceSetURLs(set) { links.append(Link(url: candidate, attribute: "\(name)@srcset", line: line)) }
        }
    }

    private mutating func record(_ id: String, line: Int, seen: inout Set<String>) {
        if seen.insert(id).inserted { ids.insert(id) } else { duplicateIDs.append((id, line)) }
    }

    private static func attributes(of element: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var attribute = element.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name).lowercased()
            if let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                attributes[name] = String(cString: value)
                cleiss_xmlFree(value)
            } else {
                attributes[name] = ""
            }
            attribute = current.pointee.next
        }
        return attributes
    }

    /// The URLs of a `srcset`: comma-separated candidates, each a URL and an optional descriptor.
    static func sourceSetURLs(_ set: String) -> [String] {
        set.split(separator: ",").compactMap { candidate in
            candidate.split(whereSeparator: \.isWhitespace).first.map(String.init)
        }
    }
}
