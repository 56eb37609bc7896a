import Foundation

/// The test site with a small `Data/countries.yml`: one country of each regime group.
extension TestSite {
    static let countriesYML = """
    sources:
      cleiss-eu:
        title: {fr: "Cleiss – La coordination européenne", en: "Cleiss – EU coordination"}
        url: https://www.cleiss.fr/
      cleiss-agreements:
        title: {fr: "Cleiss – Les accords bilatéraux", en: "Cleiss – Bilateral agreements"}
        url: https://www.cleiss.fr/accords
    countries:
      - id: germany
        name: {fr: Allemagne, en: Germany}
        slug: {fr: allemagne, en: germany}
        regime: eu
        regime_source: cleiss-eu
        checked: 2026-12-05
      - id: algeria
        name: {fr: Algérie, en: Algeria}
        slug: {fr: algerie, en: algeria}
        regime: bilateral
        regime_source: cleiss-agreements
        agreement:
          branches: [sickness, maternity, old-age]
          branches_source: cleiss-agreements
          posting: {initial_months: 36, extension_months: 24}
          posting_source: cleiss-agreements
          note: {fr: "Une note simple.", en: "A plain note."}
        checked: 2026-12-05
      - id: united-kingdom
        name: {fr: Royaume-Uni, en: United Kingdom}
        slug: {fr: royaume-uni, en: united-kingdom}
        regime: uk
        regime_source: cleiss-eu
        checked: 2026-12-01
      - id: china
        name: {fr: Chine, en: China}
        slug: {fr: chine, en: china}
        regime: none
        regime_source: cleiss-agreements
        checked: 2026-12-05

    """

    /// site.yml's settings of the country directory: linked from the employers' page.
    static let countriesSettings = "\ncountries:\n  audiences: [employeurs]\n  guides: {coordination: work}\n"

    /// Adds the data file and the directory's settings.
    func addCountries() throws {
        try write("Data/countries.yml", Self.countriesYML)
        try write("site.yml", Self.siteYML + Self.countriesSettings)
    }
}
