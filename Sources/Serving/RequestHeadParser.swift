import FlyingFox
import Foundation

/// A request line and its headers, as read from the connection.
struct RequestHead: Sendable, Equatable {
    var method: String
    var target: String
    var version: String
    var headers: [(name: String, value: String)]

    static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version
            && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes it unless told to keep it.
    var keepsAlive: Bool {
        let connection = header("Connection")?.lowercased() ?? ""
        return version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
    }

    /// A request that announces a body: the preview takes none, so the connection is closed after the answer
    /// instead of reading the body to find where the next request starts.
    var hasBody: Bool {
        header("Transfer-Encoding") != nil || (header("Content-Length").map { $0 != "0" } ?? false)
    }

    /// The request as FlyingFox's handlers take it.
    var request: HTTPRequest {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.addValue(value, for: HTTPHeader(name)) }
        return HTTPRequest(method: HTTPMethod(method), version: HTTPVersion(version),
                           target: .init(path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : ""),
                           headers: fields, body: HTTPBodySequence())
    }
}

/// Why a request head was refused, with the status that says it.
struct RequestHeadError: Error, Sendable, Equatable {
    let status: HTTPStatusCode
    let reason: String

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.status.code == rhs.status.code && lhs.reason == rhs.reason }
}

/// Finds request heads in the bytes of a connection as they arrive.
///
/// Every byte is looked at once (the search resumes where the last one stopped), and the bytes
/// kept are bounded by the limits: a request line or header section that grows past them is
/// refused as soon as it does, without waiting for its end.
struct RequestHeadParser {
    let limits: ServeLimits
    /// Received and not yet part of a returned head (the next pipelined request).
    private(set) var buffer: [UInt8] = []
    /// Where the search for the end of the current line resumes.
    private var scanned = 0
    /// Where the current line starts, and the lines complete so far.
    private var lineStart = 0
    private var lines: [Range<Int>] = []
    /// Every byte looked at, for the test that parsing is linear.
    private(set) var bytesExamined = 0

    init(limits: ServeLimits) {
        self.limits = limits
    }

    var isEmpty: Bool { buffer.isEmpty }

    mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete head, nil when more bytes are needed, or the error to answer.
    mutating func nextHead() throws(RequestHeadError) -> RequestHead? {
        while scanned < buffer.count {
            let byte = buffer[scanned]
            scanned += 1
            bytesExamined += 1
            guard byte == UInt8(ascii: "\n") else { continue }
            let line = lineStart..<(scanned - 1 > lineStart && buffer[scanned - 2] == UInt8(ascii: "\r") ? scanned - 2 : scanned - 1)
            lineStart = scanned
            if line.isEmpty {
                // Empty lines before the request line are ignored (RFC 9112 §2.2); after it, they end the head.
                if lines.isEmpty { continue }
                let head = try parse()
                buffer.removeFirst(scanned)
                scanned = 0
                lineStart = 0
                lines = []
                return head
            }
            lines.append(line)
            if lines.count > limits.maxHeaderCount + 1 {
                throw RequestHeadError(status: .requestHeaderFieldsTooLarge, reason: "more than \(limits.maxHeaderCount) headers")
            }
        }
        try checkSize()
        return nil
    }

    private func checkSize() throws(RequestHeadError) {
        if lines.isEmpty, scanned - lineStart > limits.maxRequestLineBytes {
            throw RequestHeadError(status: .uriTooLong, reason: "request line longer than \(limits.maxRequestLineBytes) bytes")
        }
        if let first = lines.first, first.count > limits.maxRequestLineBytes {
            throw RequestHeadError(status: .uriTooLong, reason: "request line longer than \(limits.maxRequestLineBytes) bytes")
        }
        // From the start of the buffer: blank lines before the request line count too.
        if scanned > limits.maxHeaderBytes {
            throw RequestHeadError(status: .requestHeaderFieldsTooLarge, reason: "headers longer than \(limits.maxHeaderBytes) bytes")
        }
    }

    private func parse() throws(RequestHeadError) -> RequestHead {
        try checkSize()
        let requestLine = text(lines[0]).split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, requestLine[0].allSatisfy(\.isLetter),
              requestLine[1].hasPrefix("/"), requestLine[1].utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }),
              requestLine[2] == "HTTP/1.1" || requestLine[2] == "HTTP/1.0" else {
            throw RequestHeadError(status: .badRequest, reason: "not an HTTP/1 request line")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            let field = text(line)
            // A header continued on the next line (obsolete folding), or a name with spaces: refused, as RFC 9112 §5 asks.
            guard let colon = field.firstIndex(of: ":"), colon != field.startIndex,
                  !field[..<colon].contains(where: { $0 == " " || $0 == "\t" }) else {
                throw RequestHeadError(status: .badRequest, reason: "a header line without a name")
            }
            headers.append((String(field[..<colon]), field[field.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return RequestHead(method: String(requestLine[0]), target: String(requestLine[1]), version: String(requestLine[2]), headers: headers)
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: buffer[range], as: UTF8.self)
    }
}
