import Diagnostics
import Testing
@testable import Configuration

@Suite struct LimitsTests {
    let site = """
    title: {fr: Cleiss}
    baseURL: https://www.cleiss.fr
    languages: [fr]

    """

    func errors(_ yaml: String) -> [String] {
        do {
            _ = try ConfigurationLoader.parse(yaml)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func theDefaultsAreFarAboveARealPage() throws {
        #expect(try ConfigurationLoader.parse(site).limits == InputLimits(pageBytes: 1_000_000, nesting: 100, tableCells: 10_000))
    }

    @Test func eachLimitCanBeRaised() throws {
        let limits = try ConfigurationLoader.parse(site + "limits:\n  pageBytes: 2000000\n  tableCells: 50000\n").limits
        #expect(limits == InputLimits(pageBytes: 2_000_000, nesting: 100, tableCells: 50_000))
    }

    @Test func unknownKeysAndValuesThatAreNotPositiveAreErrors() {
        #expect(errors(site + "limits: {pagebytes: 5, nesting: 0, tableCells: many}\n") == [
            "site.yml:4:10: error: unknown 'limits' key 'pagebytes'\n    hint: did you mean 'pageBytes'?",
            "site.yml:4:24: error: limits.nesting must be a whole number above 0\n    hint: remove the line to keep the default, 100",
            "site.yml:4:48: error: 'tableCells' must be a whole number",
        ])
        #expect(errors(site + "limits: 5\n") == ["site.yml:4:9: error: 'limits' must be a list of 'key: value' lines"])
    }

    @Test func yamlNestedPastLibyamlsLimitIsAPlainError() {
        let deep = site + "title: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let found = errors(deep)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("site.yml:4:") == true)
        #expect(found.first?.contains("error: the YAML is nested more than 1,000 levels deep") == true, "\(found)")
    }
}
