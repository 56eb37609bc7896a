import Foundation
import Precompression
import Testing
@testable import Search

@Suite struct StableBundleTests {
    @Test func cborItemsReadBackAsWritten() throws {
        let item = CBOR.array([.text(Array("Public".utf8)), .unsigned(23), .unsigned(24), .unsigned(300), .unsigned(70_000),
                               .unsigned(5_000_000_000), .bytes([1, 2]), .map([(.text(Array("a".utf8)), .array([]))])])
        #expect(CBOR.decode(item.encoded) == item)
        // The shortest forms, as RFC 8949 writes them.
        #expect(CBOR.unsigned(23).encoded == [0x17])
        #expect(CBOR.unsigned(24).encoded == [0x18, 24])
        #expect(CBOR.unsigned(300).encoded == [0x19, 0x01, 0x2c])
        #expect(CBOR.text(Array("a".utf8)).encoded == [0x61, 0x61])
        #expect(CBOR.decode([0x9f, 0xff]) == nil, "indefinite lengths are not Pagefind's")
        #expect(CBOR.decode([0x01, 0x02]) == nil, "bytes left over")
    }

    /// A bundle as Pagefind writes it: a filter whose values come in `order`, the metadata naming the
    /// filter file, the entry file naming the metadata.
    func bundle(order: [String]) throws -> [(path: String, data: Data)] {
        let signature = Array("pagefind_dcd".utf8)
        // Each value with its own pages, whatever the order.
        let values = CBOR.array(order.map { .array([.text(Array($0.utf8)), .array([.unsigned(UInt64($0.utf8.count))])]) })
        let filter = try #require(Gzip.compress(Data(signature + CBOR.array([.text(Array("Public".utf8)), values]).encoded)))
        let filterStem = "fr_\(order.joined().utf8.count)abcdef".prefix(10)
        let meta = try #require(Gzip.compress(Data(signature + CBOR.array([.text(Array("1.5.2".utf8)),
                                                                          .array([.array([.text(Array("Public".utf8)), .text(Array(filterStem.utf8))])])]).encoded)))
        let metaStem = "fr_" + String(order.first ?? "x").prefix(1) + "123456789"
        let entry = "{\"version\":\"1.5.2\",\"languages\":{\"fr\":{\"hash\":\"\(metaStem)\",\"wasm\":\"fr\",\"page_count\":2}}}"
        return [("filter/\(filterStem).pf_filter", filter), ("pagefind.\(metaStem).pf_meta", meta), ("pagefind-entry.json", Data(entry.utf8)),
                ("fragment/fr_1111111.pf_fragment", Data([1, 2, 3]))]
    }

    @Test func theSameFiltersInAnotherOrderGiveTheSameBundle() throws {
        let first = StableBundle.stabilized(try bundle(order: ["Journalistes", "Employeurs"]))
        let second = StableBundle.stabilized(try bundle(order: ["Employeurs", "Journalistes"]))
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.data) == second.map(\.data))
        // The filter's values are sorted; the metadata names the new filter file; the entry names the new metadata.
        let filter = try #require(first.first { $0.path.hasPrefix("filter/") })
        let content = try #require(Gzip.decompress(filter.data))
        #expect(String(decoding: content, as: UTF8.self).range(of: "Employeurs")!.lowerBound < String(decoding: content, as: UTF8.self).range(of: "Journalistes")!.lowerBound)
        let filterStem = String(filter.path.dropFirst("filter/".count).dropLast(".pf_filter".count))
        let meta = try #require(first.first { $0.path.hasSuffix(".pf_meta") })
        #expect(String(decoding: try #require(Gzip.decompress(meta.data)), as: UTF8.self).contains(filterStem))
        let metaStem = String(meta.path.dropFirst("pagefind.".count).dropLast(".pf_meta".count))
        let entry = try #require(first.first { $0.path == "pagefind-entry.json" })
        #expect(String(decoding: entry.data, as: UTF8.self).contains("\"hash\":\"\(metaStem)\""))
        #expect(first.contains { $0.path == "fragment/fr_1111111.pf_fragment" && $0.data == Data([1, 2, 3]) }, "other files as they were")
    }

    @Test func anUnknownFormatLeavesTheBundleAsItWas() throws {
        var files = try bundle(order: ["A", "B"])
        files[0].data = try #require(Gzip.compress(Data("pagefind_dcd".utf8) + Data([0x9f, 0xff])))
        #expect(StableBundle.stabilized(files).map(\.data) == files.map(\.data))
    }
}
