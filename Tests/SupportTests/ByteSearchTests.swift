import Testing
import Support

@Suite struct ByteSearchTests {
    /// The same answer as `utf8.contains`, on native strings, substrings, bridged-free literals and non-ASCII text.
    @Test(arguments: ["", "a", "ligne\r\nsuivante", "sans retour", "été\r", "\r", String(repeating: "é", count: 5000) + "\r"])
    func containsByteAnswersAsUTF8Contains(_ text: String) {
        for byte: UInt8 in [13, 10, 0xA9, 0x61] {
            #expect(text.containsByte(byte) == text.utf8.contains(byte))
            #expect(text.dropFirst().containsByte(byte) == text.dropFirst().utf8.contains(byte))
        }
    }
}
