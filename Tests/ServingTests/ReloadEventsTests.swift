import Foundation
import Testing
@testable import Serving

@Suite(.timeLimit(.minutes(1))) struct ReloadEventsTests {
    /// The next `count` non-empty chunks of a stream, as text.
    func take(_ count: Int, from stream: AsyncStream<Data>) async -> [String] {
        var texts: [String] = []
        for await data in stream {
            texts.append(String(decoding: data, as: UTF8.self))
            if texts.count == count { break }
        }
        return texts
    }

    @Test func aPageIsToldToReloadAfterEachGoodBuild() async throws {
        let events = ReloadEvents()
        await events.buildSucceeded(languages: ["fr"])
        let stream = try #require(await events.subscribe())
        await events.buildSucceeded(languages: ["fr"])
        #expect(await take(3, from: stream) == ["retry: 1000\n\n", "event: connected\ndata: {\"build\":1}\n\n",
                                                "event: reload\ndata: {\"build\":2}\n\n"])
    }

    @Test func aStylesheetOnlyBuildIsACSSEventAndCountsAsABuild() async throws {
        let events = ReloadEvents()
        await events.buildSucceeded(languages: ["fr"])
        let stream = try #require(await events.subscribe())
        await events.stylesheetsChanged(languages: ["fr"])
        #expect(await take(3, from: stream).last == "event: css\ndata: {\"build\":2}\n\n")
        #expect(await events.build == 2)
        #expect(LivePreview.onlyStylesheets(["Themes/default/assets/cleiss.css", "Themes/default/assets/print/print.css"]))
        #expect(!LivePreview.onlyStylesheets(["Themes/default/assets/cleiss.css", "Content/fr/x.md"]))
        #expect(!LivePreview.onlyStylesheets(["Themes/default/templates/page.mustache"]))
        #expect(!LivePreview.onlyStylesheets(["Themes/default/assets/logo.svg"]))
        #expect(!LivePreview.onlyStylesheets([]))
    }

    @Test func aPageConnectingWhileTheBuildIsBrokenGetsTheErrorAtOnce() async throws {
        let events = ReloadEvents()
        await events.buildSucceeded(languages: ["fr"])
        await events.buildFailed(message: "Content/fr/x.md:2:8: error: « bad »\n    hint: fix it")
        let stream = try #require(await events.subscribe())
        let texts = await take(3, from: stream)
        // One data line: the line break of the message is escaped in the JSON.
        #expect(texts.last == "event: error\ndata: {\"message\":\"Content\\/fr\\/x.md:2:8: error: « bad »\\n    hint: fix it\"}\n\n")
        await events.buildSucceeded(languages: ["fr"])
        #expect(await events.state == .succeeded)
    }

    @Test func finishingEndsEveryStreamAndKeepAliveCommentsKeepThemOpen() async throws {
        let events = ReloadEvents(keepAliveInterval: .milliseconds(20))
        let stream = try #require(await events.subscribe())
        #expect(await take(3, from: stream).last == ": keep-alive\n\n")
        await events.finish()
        var rest = 0
        for await _ in stream { rest += 1 }
        #expect(rest < 3)
        let late = try #require(await events.subscribe())
        for await _ in late { Issue.record("a stream opened after finish() must be empty") }
    }

    @Test func streamsAreCappedAndAStreamLeftByItsPageFreesItsPlace() async throws {
        let events = ReloadEvents(maxStreams: 2)
        var first: AsyncStream<Data>? = try #require(await events.subscribe())
        let second = try #require(await events.subscribe())
        #expect(await events.subscribe() == nil)
        // The server stops reading a stream when its page goes: the stream ends, and its place is free.
        let reading = Task { [first] in for await _ in first! {} }
        reading.cancel()
        await reading.value
        first = nil
        var freed = false
        for _ in 0..<100 where !freed {
            try await Task.sleep(for: .milliseconds(10))
            freed = await events.subscribe() != nil
        }
        #expect(freed)
        _ = second
    }
}
