import Foundation
import Testing
@testable import Serving

@Suite struct RequestHeadParserTests {
    func parser(_ text: String, limits: ServeLimits = ServeLimits()) -> RequestHeadParser {
        var parser = RequestHeadParser(limits: limits)
        parser.append(Array(text.utf8))
        return parser
    }

    @Test func headsArriveInPiecesAndPipelinedRequestsFollow() throws {
        var parser = RequestHeadParser(limits: ServeLimits())
        let text = "\r\nGET /fr/?q=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nRange:  bytes=0-9 \r\n\r\nHEAD / HTTP/1.0\nConnection: keep-alive\n\n"
        var heads: [RequestHead] = []
        // One byte at a time: the search resumes where it stopped.
        for byte in text.utf8 {
            parser.append([byte])
            if let head = try parser.nextHead() { heads.append(head) }
        }
        #expect(heads == [
            RequestHead(method: "GET", target: "/fr/?q=1", version: "HTTP/1.1", headers: [("Host", "127.0.0.1"), ("Range", "bytes=0-9")]),
            RequestHead(method: "HEAD", target: "/", version: "HTTP/1.0", headers: [("Connection", "keep-alive")]),
        ])
        #expect(heads.map(\.keepsAlive) == [true, true])
        #expect(parser.isEmpty)
        #expect(heads[0].request.target.query() == "q=1")
        #expect(heads[0].request.headers[.range] == "bytes=0-9")
    }

    @Test func aLongRequestLineIs414AsSoonAsItPassesTheLimitWithoutItsEnd() throws {
        var limits = ServeLimits()
        limits.maxRequestLineBytes = 100
        var long = parser("GET /" + String(repeating: "a", count: 101), limits: limits)
        do { _ = try long.nextHead() } catch { #expect(error.status == .uriTooLong) }
        var complete = parser("GET /" + String(repeating: "a", count: 101) + " HTTP/1.1\r\n\r\n", limits: limits)
        do { _ = try complete.nextHead(); Issue.record("a long request line was accepted") } catch { #expect(error.status == .uriTooLong) }
    }

    @Test func headersPastTheirSizeOrCountAre431AndEndlessBlankLinesToo() throws {
        var limits = ServeLimits()
        limits.maxHeaderBytes = 1000
        limits.maxHeaderCount = 5
        for text in ["GET / HTTP/1.1\r\nX: " + String(repeating: "v", count: 1000),
                     "GET / HTTP/1.1\r\n" + String(repeating: "X: v\r\n", count: 6) + "\r\n",
                     String(repeating: "\r\n", count: 600)] {
            var parser = parser(text, limits: limits)
            do { _ = try parser.nextHead(); Issue.record("accepted: \(text.prefix(40))") } catch { #expect(error.status == .requestHeaderFieldsTooLarge) }
        }
    }

    @Test(arguments: ["GET /\r\n\r\n", "GET / HTTP/2\r\n\r\n", "GET http://x/ HTTP/1.1\r\n\r\n", "G T / HTTP/1.1\r\n\r\n",
                      "GET /a\rb HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\n folded\r\n\r\n", "GET / HTTP/1.1\r\nNa me: v\r\n\r\n",
                      "GET / HTTP/1.1\r\n: v\r\n\r\n"])
    func malformedHeadsAre400(text: String) throws {
        var parser = parser(text)
        do { _ = try parser.nextHead(); Issue.record("accepted: \(text)") } catch { #expect(error.status == .badRequest) }
    }

    /// 10,000 times the work for a head 10,000 times longer would be quadratic: count the bytes looked at instead of timing.
    @Test func parsingIsLinear() throws {
        var limits = ServeLimits()
        limits.maxHeaderBytes = 10_000_000
        limits.maxHeaderCount = 1_000_000
        var parser = RequestHeadParser(limits: limits)
        parser.append(Array("GET / HTTP/1.1\r\n".utf8))
        for _ in 0..<100_000 {
            parser.append(Array("X: v\r\n".utf8))
            #expect(try parser.nextHead() == nil)
        }
        parser.append(Array("\r\n".utf8))
        #expect(try parser.nextHead()?.headers.count == 100_000)
        #expect(parser.bytesExamined == 16 + 600_000 + 2)
    }

    @Test func bodiesCloseTheConnection() throws {
        var parser = parser("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nGET / HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(try parser.nextHead()?.hasBody == true)
        #expect(try parser.nextHead()?.keepsAlive == false)
    }
}

@Suite struct ByteRangeTests {
    @Test func oneRangeIsServedAndTheRestIsTheWholeFile() {
        #expect(ByteRange(header: "bytes=0-9", size: 100) == .part(0..<10))
        #expect(ByteRange(header: "bytes=90-", size: 100) == .part(90..<100))
        #expect(ByteRange(header: "bytes=-10", size: 100) == .part(90..<100))
        #expect(ByteRange(header: "bytes=-1000", size: 100) == .part(0..<100))
        #expect(ByteRange(header: "bytes=50-9223372036854775807", size: 100) == .part(50..<100))
        #expect(ByteRange(header: "bytes=100-", size: 100) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=-5", size: 0) == .unsatisfiable)
        for header in [nil, "bytes=0-1,5-6", "bytes=9-1", "items=0-1", "bytes=a-b", "bytes=-0", "bytes=99999999999999999999-"] {
            #expect(ByteRange(header: header, size: 100) == .whole)
        }
    }
}

@Suite struct ServeLimitsTests {
    @Test func theEnvironmentShortensTheLimitsForTests() throws {
        let limits = try ServeLimits(environment: [ServeLimits.environmentVariable: "idle=0.5,header=2,write=3,connections=4,streams=2,heartbeat=1"])
        #expect(limits.idleTimeout == .milliseconds(500))
        #expect(limits.headerTimeout == .seconds(2))
        #expect(limits.writeTimeout == .seconds(3))
        #expect((limits.maxConnections, limits.maxEventStreams) == (4, 2))
        #expect(limits.heartbeat == .seconds(1))
        #expect(try ServeLimits(environment: [:]) == ServeLimits())
        for wrong in ["idle", "idle=0", "idle=-1", "speed=3", "idle=fast"] {
            #expect(throws: ServeLimitsError.self) { try ServeLimits(environment: [ServeLimits.environmentVariable: wrong]) }
        }
    }

    @Test func theConnectionsStayBelowTheDescriptorLimit() {
        #expect(ServeLimits().connectionsAllowed(descriptorLimit: 1_048_576) == 256)
        #expect(ServeLimits().connectionsAllowed(descriptorLimit: 1024) == 256)
        #expect(ServeLimits().connectionsAllowed(descriptorLimit: 200) == 44)
        #expect(ServeLimits().connectionsAllowed(descriptorLimit: 64) == 4)
    }
}
