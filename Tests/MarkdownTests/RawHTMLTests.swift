import Testing
@testable import Markdown

/// Raw HTML in Markdown, with `allowRawHTML: true` (the allow-list) and without (the text is kept).
@Suite struct RawHTMLTests {
    let allowed = MarkdownRenderer(allowRawHTML: true)
    let refused = MarkdownRenderer()

    func messages(_ result: RenderedMarkdown) -> [String] { result.diagnostics.map { "\($0.location): \($0.message)" } }

    @Test func scriptsHandlersAndStylesAreLeftOutWithAWarningEach() {
        let markdown = """
        <script>alert(1)</script>

        <img src=x onerror=alert(1) alt="Carte">

        <div style="color:red" onclick="go()">Rouge <iframe src="https://evil.example/">x</iframe> fin</div>

        <style>body { display: none }</style>
        """
        let result = allowed.render(markdown, file: "a.md", firstLine: 10)
        #expect(result.html == "<img src=\"x\" alt=\"Carte\">\n<div>Rouge  fin</div>\n")
        #expect(messages(result) == [
            "a.md:10:1: raw HTML <script> is not published, nor what it holds",
            "a.md:12:1: the attribute onerror= of raw HTML <img> is not published",
            "a.md:14:1: the attribute style= of raw HTML <div> is not published",
            "a.md:14:1: the attribute onclick= of raw HTML <div> is not published",
            "a.md:14:1: raw HTML <iframe> is not published, nor what it holds",
            "a.md:16:1: raw HTML <style> is not published, nor what it holds",
        ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning && $0.hint?.isEmpty == false })
    }

    @Test func addressesThatRunCodeAreRefusedHoweverTheyAreWritten() {
        let hostile = ["javascript:alert(1)", "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)", "JaVaScRiPt:alert(1)",
                       " \u{1}javascript:alert(1)", "java&#10;script:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
                       "javascript&#58;alert(1)"]
        for address in hostile {
            let result = allowed.render("<a href=\"\(address)\">x</a>\n", file: "a.md")
            #expect(result.html == "<p><a>x</a></p>\n", "\(address)")
            #expect(result.diagnostics.count == 1, "\(address)")
            #expect(result.diagnostics.first?.message.contains("is not published") == true)
        }
        // A reference the parser does not know stays text: no browser reads it as a colon.
        let unknown = allowed.render("<a href=\"javascript&colon;alert(1)\">x</a>\n", file: "a.md")
        #expect(unknown.html == "<p><a href=\"javascript&amp;colon;alert(1)\">x</a></p>\n")
        for address in ["https://www.cleiss.fr/", "mailto:a@b.fr", "tel:+33145263341", "../page/", "#duree", "//cdn.example/x"] {
            let result = allowed.render("<a href=\"\(address)\">x</a>\n", file: "a.md")
            #expect(result.html == "<p><a href=\"\(address)\">x</a></p>\n")
            #expect(result.diagnostics.isEmpty)
        }
    }

    @Test func allowedMarkupIsKeptWithItsAllowedAttributes() {
        let markdown = """
        <details open>
        <summary>Titre</summary>

        Le *contenu*.

        </details>

        <table><caption>C</caption><tr><th scope="col" abbr="A">A</th></tr><tr><td colspan="2" rowspan="1">B</td></tr></table>

        Un <abbr title="Organisation internationale du travail" lang="fr">OIT</abbr>, x<sup>2</sup>, <kbd>Ctrl</kbd> et <span class="note" id="n1">note</span>.
        """
        let result = allowed.render(markdown, file: "a.md")
        #expect(result.diagnostics.isEmpty)
        #expect(result.html == """
        <details open="">
        <summary>Titre</summary>
        <p>Le <em>contenu</em>.</p>
        </details>
        <table><caption>C</caption><tr><th scope="col" abbr="A">A</th></tr><tr><td colspan="2" rowspan="1">B</td></tr></table>
        <p>Un <abbr title="Organisation internationale du travail" lang="fr">OIT</abbr>, x<sup>2</sup>, <kbd>Ctrl</kbd> et <span class="note" id="n1">note</span>.</p>

        """)
    }

    @Test func aQuoteBeforeACombiningMarkCannotCloseAnAttribute() {
        // `"` and U+0301 make one Character, which a Character-by-Character escaper passes unescaped:
        // the quote would then end the title, and onmouseover would be an attribute of its own.
        let result = allowed.render("<abbr title='\"&#x301; onmouseover=alert(1) x='>OIT</abbr>\n", file: "a.md")
        #expect(result.html == "<p><abbr title=\"&quot;\u{301} onmouseover=alert(1) x=\">OIT</abbr></p>\n")
    }

    @Test func aCharsetInThePageDoesNotChangeHowItIsRead() {
        let result = allowed.render("<div><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">été</div>\n", file: "a.md")
        #expect(result.html == "<div>été</div>\n")
    }

    @Test func theThemesIDsStayTheThemes() {
        let result = allowed.render("<div id=\"content\" class=\"x\">a</div>\n", file: "a.md")
        #expect(result.html == "<div class=\"x\">a</div>\n")
        #expect(result.diagnostics.map(\.message) == ["the id 'content' of raw HTML <div> is not published: the theme uses it"])
    }

    @Test func endTagsCloseOnlyWhatThePageOpened() {
        // A stray </div></main> cannot close the theme's elements; what a paragraph or a block leaves open is closed.
        let result = allowed.render("</div></main>\n\n<div>\n\nOuvert <em>sans fin\n\nEt <span>là\n", file: "a.md")
        #expect(result.html == "<div>\n<p>Ouvert <em>sans fin</em></p>\n<p>Et <span>là</span></p>\n</div>\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func inlineScriptsLoseWhatTheyHoldToo() {
        // Columns count bytes, as everywhere in cmark-gfm's positions ("è" is two).
        let result = allowed.render("Avant <script>alert(1)</script> après <svg onload=alert(1)><text>dessin</text></svg> fin\n", file: "a.md")
        #expect(result.html == "<p>Avant  après  fin</p>\n")
        #expect(messages(result) == ["a.md:1:7: raw HTML <script> is not published, nor what it holds",
                                     "a.md:1:40: raw HTML <svg> is not published, nor what it holds"])
        let alone = allowed.render("<script>alert(1)</script>\n", file: "a.md")
        #expect(alone.html.isEmpty)
    }

    @Test func withoutRawHTMLTheTextIsKeptAndTheTagsReported() {
        let markdown = """
        <details>
        <summary>Titre</summary>

        Le contenu.

        </details>

        Texte <span>en ligne</span> et <img src="x.png" alt="Carte">.

        <script>alert(1)</script>
        """
        let result = refused.render(markdown, file: "a.md", firstLine: 3)
        #expect(result.html == "<p>Titre</p>\n<p>Le contenu.</p>\n<p>Texte en ligne et Carte.</p>\n")
        #expect(messages(result) == [
            "a.md:3:1: raw HTML is not published: <details>, <summary> left out, the text kept",
            "a.md:10:7: raw HTML is not published: <span> left out, the text kept",
            "a.md:10:32: raw HTML is not published: <img> left out, the text kept",
            "a.md:12:1: raw HTML <script> is not published, nor what it holds",
        ])
    }

    @Test func markdownLinksAndImagesToAddressesThatRunCodeBecomeTheirText() {
        let markdown = "Un [lien](javascript:alert(1)), <javascript:alert(2)>, [x](jav&#x09;ascript:alert(3)), ![carte](data:image/png;base64,AAAA) et [bon](https://www.cleiss.fr/).\n\n[ref]: vbscript:x\n\nEt [r][ref].\n"
        var asked: [String] = []
        let result = refused.render(markdown, file: "a.md", firstLine: 4) { asked.append($0); return .keep }
        #expect(result.html == "<p>Un lien, javascript:alert(2), x, carte et <a href=\"https://www.cleiss.fr/\">bon</a>.</p>\n<p>Et r.</p>\n")
        #expect(asked == ["https://www.cleiss.fr/"])
        #expect(messages(result) == [
            "a.md:4:4: the link to a 'javascript:' address is not published (only its text is)",
            "a.md:4:33: the link to a 'javascript:' address is not published (only its text is)",
            "a.md:4:56: the link to a 'javascript:' address is not published (only its text is)",
            "a.md:4:88: the image to a 'data:' address is not published (only its text is)",
            "a.md:8:4: the link to a 'vbscript:' address is not published (only its text is)",
        ])
    }

    @Test func elementsLeftOpenAreBoundedSoThatAPageStaysLinear() {
        // Each piece of HTML reopens what is still open: without a bound, 5,000 unclosed <div> cost 12.5 million.
        let markdown = String(repeating: "<div>\n\n", count: 5_000) + "fin\n"
        let result = allowed.render(markdown, file: "a.md")
        #expect(result.html.components(separatedBy: "<div>").count - 1 == RawHTMLPolicy.maximumDepth)
        #expect(result.html.components(separatedBy: "</div>").count - 1 == RawHTMLPolicy.maximumDepth)
        #expect(result.html.contains("<p>fin</p>"))
        #expect(result.diagnostics.map(\.message) == ["raw HTML nested more than 100 elements deep: <div> and the elements nested deeper are left out (their text is kept)"])
        #expect(result.diagnostics.first?.location.line == 2 * RawHTMLPolicy.maximumDepth + 1)
    }

    @Test func aLongTextReachesTheOutputWhole() {
        let text = String(repeating: "du texte &amp; encore ", count: 20_000)
        let result = allowed.render("<div>\n" + text + "\n</div>\n", file: "a.md")
        #expect(result.html == "<div>\n" + text + "\n</div>\n")
    }

    @Test func rawHTMLOfAHeadingIsFilteredToo() {
        let result = allowed.render("## Titre <span onclick=x()>en</span> <script>x</script>\n", file: "a.md")
        #expect(result.html == "<h2 id=\"titre-en\">Titre <span>en</span> </h2>\n")
        #expect(result.diagnostics.count == 2)
    }
}

@Suite struct TemplateTagTests {
    @Test func tagsOfOtherGeneratorsAreReportedWhereTheyAre() throws {
        let markdown = """
        Voir {{< ref "x.md" >}} et {{% notice info %}}.

        Titre : {{ .Title }}, {% include a.html %}, {{ page.title }} et {{ get_url(path="@/x.md") }} {# note #}.

        Du code `{{ .Title }}` et :

        ```
        {% raw %}{{< ref "x.md" >}}
        ```

            {{ indented code }}
        """
        let result = MarkdownRenderer().render(markdown, file: "a.md", firstLine: 2)
        #expect(result.diagnostics.map { "\($0.location): \($0.message)" } == [
            "a.md:2:6: a template tag of another generator (Hugo shortcode 'ref') is published as text: {{< ref \"x.md\" >}}",
            "a.md:2:28: a template tag of another generator (Hugo shortcode 'notice') is published as text: {{% notice info %}}",
            "a.md:4:9: a template tag of another generator (template expression '.Title') is published as text: {{ .Title }}",
            "a.md:4:23: a template tag of another generator (Jekyll or Liquid tag 'include') is published as text: {% include a.html %}",
            "a.md:4:45: a template tag of another generator (template expression 'page.title') is published as text: {{ page.title }}",
            "a.md:4:65: a template tag of another generator (template expression 'get_url') is published as text: {{ get_url(path=\"@/x.md\") }}",
            "a.md:4:94: a template tag of another generator (template comment 'note') is published as text: {# note #}",
        ])
        try #require(result.diagnostics.count == 7)
        #expect(result.diagnostics[0].hint?.contains("[text](../section/page.md)") == true)
        #expect(result.diagnostics[3].hint?.contains("copy the included text") == true)
    }

    @Test func bracesOfOrdinaryTextAreNotTags() {
        #expect(TemplateTag.find(in: "un ensemble {a, b} et {{ sans fin").isEmpty)
        #expect(TemplateTag.find(in: "{%").count == 1)
        // Read once: a missing "}}" is not looked for again after each of the 100,000 "{{".
        #expect(TemplateTag.find(in: String(repeating: "{{", count: 100_000)).isEmpty)
        #expect(TemplateTag.find(in: String(repeating: "{{ x }}", count: 10_000)).count == 10_000)
    }
}
