import Testing
import Support

/// The one escaper of HTML and XML text: which characters each variant escapes, and how.
@Suite struct MarkupEscapingTests {
    let sample = #"Tom & Jerry <b>"l'été" > 2</b>"#

    @Test func textEscapesWhatStartsMarkup() {
        #expect(MarkupEscaping.text(sample) == #"Tom &amp; Jerry &lt;b&gt;"l'été" &gt; 2&lt;/b&gt;"#)
    }

    @Test func attributeEscapesDoubleQuotesToo() {
        #expect(MarkupEscaping.attribute(sample) == "Tom &amp; Jerry &lt;b&gt;&quot;l'été&quot; &gt; 2&lt;/b&gt;")
    }

    @Test func anywhereEscapesSingleQuotesToo() {
        #expect(MarkupEscaping.anywhere(sample) == "Tom &amp; Jerry &lt;b&gt;&quot;l&#39;été&quot; &gt; 2&lt;/b&gt;")
    }

    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() {
        // `"` and U+0301 are one Character: a Character-by-Character escaper would let the quote through.
        #expect(MarkupEscaping.attribute("a\"\u{301} onclick=x") == "a&quot;\u{301} onclick=x")
        #expect(MarkupEscaping.text("<\u{301}script>") == "&lt;\u{301}script&gt;")
    }

    @Test func textWithNothingToEscapeIsReturnedAsItIs() {
        for text in ["", "https://www.cleiss.fr/fr/travailler-a-l-etranger/", "Sécurité sociale 🇫🇷"] {
            #expect(MarkupEscaping.anywhere(text) == text)
        }
    }
}
