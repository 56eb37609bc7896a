import CLibXML2
import Foundation

/// One piece of a raw-HTML fragment, as libxml2's HTML parser read it: names in lower case,
/// character references decoded.
enum HTMLToken: Equatable {
    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    /// `line` counts from 1 at the fragment's first line.
    case start(name: String, attributes: [Attribute], line: Int)
    case end(name: String)
    case text(String)
    /// The content of `<script>` or `<style>`.
    case rawText(String)
    case comment
}

/// Reads the raw HTML that cmark-gfm hands over in pieces (a block, or a single tag of a paragraph)
/// with libxml2's HTML parser (Debian's libxml2, already linked for the link checker).
///
/// A piece alone is not a document: `</div>` closes a `<div>` written in an earlier block, and
/// libxml2, given `</div>` alone, reports nothing (an end tag with no open element), or with no
/// open element puts a `<p>` around text and loses text after `<script>` or `</div>` (measured with
/// libxml2 2.9.14). So the parser is first given `<html><body>` and the elements still open from the
/// earlier pieces, whose events are not reported, and then the piece: an end tag of one of those
/// elements comes out as an end event. The end events libxml2 invents when the input stops are not
/// reported either: those elements are still open for the next piece.
enum HTMLFragmentReader {
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    static func tokens(of fragment: String, inside openElements: [String]) -> [HTMLToken] {
        _ = initialised
        let collector = TokenCollector()
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let collector = TokenCollector.from(context), collector.recording, let name else { return }
            var pairs: [HTMLToken.Attribute] = []
            var index = 0
            while let attributeName = attributes?[index] {
                let value = attributes?[index + 1].map { String(cString: $0) } ?? ""
                pairs.append(.init(name: String(cString: attributeName).lowercased(), value: value))
                index += 2
            }
            collector.append(.start(name: String(cString: name).lowercased(), attributes: pairs, line: collector.line))
        }
        handler.endElement = { context, name in
            guard let collector = TokenCollector.from(context), collector.recording, !collector.stopping, let name else { return }
            collector.append(.end(name: String(cString: name).lowercased()))
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let collector = TokenCollector.from(context), collector.recording, let text else { return }
            collector.appendText(String(decoding: UnsafeBufferPointer(start: text, count: Int(length)), as: UTF8.self))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = { context, text, length in
            guard let collector = TokenCollector.from(context), collector.recording, let text else { return }
            collector.append(.rawText(String(decoding: UnsafeBufferPointer(start: text, count: Int(length)), as: UTF8.self)))
        }
        handler.comment = { context, _ in
            guard let collector = TokenCollector.from(context), collector.recording else { return }
            collector.append(.comment)
        }
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        guard let context = htmlCreatePushParserCtxt(&handler, unmanaged.toOpaque(), nil, 0, nil, XML_CHAR_ENCODING_UTF8) else { return [] }
        defer { htmlFreeParserCtxt(context) }
        collector.context = context
        // IGNORE_ENC: a <meta http-equiv … charset=iso-8859-1> in the page would make libxml2 read the rest as Latin-1.
        let options = HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue
        htmlCtxtUseOptions(context, Int32(options))
        let prefix = "<html><body>" + openElements.map { "<\($0)>" }.joined()
        feed(prefix, to: context)
        collector.recording = true
        feed(fragment, to: context)
        collector.stopping = true
        htmlParseChunk(context, nil, 0, 1)
        collector.flushText()
        return collector.tokens
    }

    private static func feed(_ text: String, to context: htmlParserCtxtPtr) {
        var bytes = Array(text.utf8)
        // A NUL would end libxml2's reading of the chunk; the replacement character is what a browser shows.
        if bytes.contains(0) { bytes = Array(text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}").utf8) }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = htmlParseChunk(context, chars.baseAddress, Int32(chars.count), 0)
            }
        }
    }
}

/// What the SAX callbacks of one parse collect.
private final class TokenCollector {
    var tokens: [HTMLToken] = []
    var context: htmlParserCtxtPtr?
    /// False while the parser reads the elements reopened before the fragment.
    var recording = false
    /// True once the fragment is read and the parser closes what is still open.
    var stopping = false

    static func from(_ pointer: UnsafeMutableRawPointer?) -> TokenCollector? {
        pointer.map { Unmanaged<TokenCollector>.fromOpaque($0).takeUnretainedValue() }
    }

    var line: Int { Int(context?.pointee.input?.pointee.line ?? 1) }

    /// libxml2 hands text over in chunks of a few hundred bytes: they are gathered here, in place,
    /// and become one token when something else comes.
    private var pendingText = ""

    func appendText(_ text: String) {
        pendingText += text
    }

    func append(_ token: HTMLToken) {
        flushText()
        tokens.append(token)
    }

    func flushText() {
        guard !pendingText.isEmpty else { return }
        tokens.append(.text(pendingText))
        pendingText = ""
    }
}
