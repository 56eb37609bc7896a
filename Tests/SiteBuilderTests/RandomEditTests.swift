import Diagnostics
import Foundation
import Testing
@testable import SiteBuilder

/// Seeded sequences of random edits (front matter, bodies, files, templates, strings, assets,
/// site.yml, breaking edits and their fixes) rebuilt by one long-lived session as `serve` rebuilds;
/// after each, the output must be byte for byte a clean build's, and a failed build must report a
/// clean build's errors. A failure names its seed and step: replay it with
/// `CLEISS_INCREMENTAL_SEEDS=<seed> CLEISS_INCREMENTAL_STEPS=<step> swift test --filter RandomEditTests`.
/// A long run: `CLEISS_INCREMENTAL_SEEDS=1-200 CLEISS_INCREMENTAL_STEPS=60`; `CLEISS_INCREMENTAL_VERBOSE=1` prints each step.
@Suite struct RandomEditTests {
    /// Steps per seed, and the seeds, in the ordinary run (kept short: each step is two builds).
    static let defaultSteps = 16
    static let defaultSeeds: [UInt64] = [1, 2, 3]

    static var steps: Int {
        ProcessInfo.processInfo.environment["CLEISS_INCREMENTAL_STEPS"].flatMap { Int($0) } ?? defaultSteps
    }

    /// `1,5,9` or `1-200`.
    static var seeds: [UInt64] {
        guard let text = ProcessInfo.processInfo.environment["CLEISS_INCREMENTAL_SEEDS"] else { return defaultSeeds }
        return text.split(separator: ",").flatMap { part -> [UInt64] in
            let bounds = part.split(separator: "-").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
            return bounds.count == 2 ? Array(bounds[0]...bounds[1]) : bounds
        }
    }

    /// How a seed builds, by its remainder by 3: as `serve` (every language; `--lang en --drafts`),
    /// or with `build`'s options (content-hashed asset names, weight budget) and no list of changes.
    static func options(seed: UInt64, site: EditableSite) -> (options: BuildOptions, preview: Bool) {
        switch seed % 3 {
        case 0: return (BuildOptions(source: site.root, output: site.output).forPreview, true)
        case 1: return (BuildOptions(source: site.root, output: site.output, languages: ["en"], includeDrafts: true).forPreview, true)
        default:
            var options = BuildOptions(source: site.root, output: site.output)
            options.search = false  // the same output whether Pagefind is installed or not
            return (options, false)
        }
    }

    @Test(arguments: seeds) func incrementalBuildsEqualCleanBuilds(seed: UInt64) throws {
        let site = try EditableSite.make()
        defer { site.removeFolder() }
        var run = RandomEditRun(seed: seed, site: site)
        try run.start()
        for step in 1...Self.steps {
            guard try run.step(step) else { break }
        }
    }
}

/// One seed's sequence of edits and the comparisons after each.
struct RandomEditRun {
    let seed: UInt64
    let site: EditableSite
    let options: BuildOptions
    /// Whether the session is told the changed paths, as `serve` tells it.
    let preview: Bool
    var random: SeededGenerator
    let session = BuildSession()
    /// What each step did, for the failure messages.
    var history: [String] = []
    /// The output of the last good build, which a failed one must leave as it is.
    var lastGood: [String: Data?] = [:]
    var broken = false
    /// The good edits still to draw before all are drawn again: every kind comes up in a short run.
    var deck: [RandomEdit] = []

    init(seed: UInt64, site: EditableSite) {
        self.seed = seed
        self.site = site
        (options, preview) = RandomEditTests.options(seed: seed, site: site)
        random = SeededGenerator(seed: seed)
    }

    mutating func start() throws {
        try session.build(options, changed: preview ? [] : nil)
        lastGood = site.tree(site.output)
        let clean = try cleanBuild().get()
        expectSameOutput(as: clean, "the first build")
    }

    /// Makes one step; false when the run must stop (a difference was found: later steps would only repeat it).
    mutating func step(_ number: Int) throws -> Bool {
        site.beginStep()
        var done: [String] = []
        var expected = RandomEdit.Outcome.builds
        if broken && random.chance(0.7) {
            try site.undo()
            done.append("undo since the last good build")
        } else {
            // A breaking edit now and then (on a site that builds); otherwise one good edit, or a few
            // saved together (one batch for the watcher).
            let edits = !broken && random.chance(0.12) ? [random.pick(RandomEdit.bad)!]
                : (0..<(random.chance(0.2) ? random.number(in: 2...3) : 1)).map { _ in drawGoodEdit() }
            for edit in edits {
                guard let what = try edit.apply(&random, site) else { continue }
                done.append(what)
                if edit.outcome == .fails || expected == .fails { expected = .fails } else if edit.outcome == .either { expected = .either }
            }
            // Still broken, unless a good edit happened to touch what broke it (a draft made a page again…).
            if broken { expected = .either }
        }
        let changed = changedPaths()
        let name = "seed \(seed), step \(number): \(done.joined(separator: "; ")) (changed: \(changed.map { "\($0)" } ?? "nil"))"
        history.append(name)
        if ProcessInfo.processInfo.environment["CLEISS_INCREMENTAL_VERBOSE"] != nil { print(name) }
        if changed == ["*"] { session.reset() }  // as `PreviewBuilder` does for a lost event or a git commit

        let incremental = Result { try session.build(options, changed: changed) }
        let clean = cleanBuild()
        switch (incremental, clean) {
        case (.success(let report), .success(let cleanReport)):
            if expected == .fails { Issue.record("\(name): built, but the edit should fail a build\n\(replay)") }
            broken = false
            site.markGood()
            guard expectSameOutput(as: cleanReport, name, report: report) else { return false }
            lastGood = site.tree(site.output)
            // Nothing changed since: nothing to write (as after an editor's second save).
            if random.chance(0.3) {
                let again = try session.build(options, changed: preview ? [] : nil)
                #expect(again.files.written == 0 && again.files.removed == 0, "\(name): a rebuild with nothing changed wrote \(again.files)\n\(replay)")
            }
            return true
        case (.failure(let error), .failure(let cleanError)):
            if expected == .builds { Issue.record("\(name): failed, but the edit should build: \(cleanError)\n\(replay)") }
            broken = true
            let same = Self.diagnostics(error) == Self.diagnostics(cleanError)
            #expect(same, "\(name): the session reports\n\(error)\nwhere a clean build reports\n\(cleanError)\n\(replay)")
            let kept = site.tree(site.output) == lastGood
            #expect(kept, "\(name): the failed build changed the output\n\(replay)")
            return same && kept
        case (.success, .failure(let cleanError)):
            Issue.record("\(name): the session built where a clean build fails with\n\(cleanError)\n\(replay)")
            return false
        case (.failure(let error), .success):
            Issue.record("\(name): the session failed where a clean build succeeds:\n\(error)\n\(replay)")
            return false
        }
    }

    mutating func drawGoodEdit() -> RandomEdit {
        if deck.isEmpty {
            // Shuffled by Fisher and Yates with the seeded generator.
            deck = RandomEdit.good
            for index in deck.indices.reversed() { deck.swapAt(index, random.number(in: 0...index)) }
        }
        return deck.removeLast()
    }

    /// What the session is told changed: the watcher's paths mostly; sometimes nothing known (nil),
    /// or `*` (events lost, or a commit), as `serve` says.
    mutating func changedPaths() -> [String]? {
        guard preview else { return nil }
        let draw = random.number(in: 0...19)
        return draw == 0 ? ["*"] : draw <= 2 ? nil : site.touched
    }

    func cleanBuild() -> Result<BuildReport, any Error> {
        try? FileManager.default.removeItem(at: site.cleanOutput)
        var options = self.options
        options.output = site.cleanOutput
        return Result { try SiteBuilder.build(options) }
    }

    var replay: String {
        "replay: CLEISS_INCREMENTAL_SEEDS=\(seed) CLEISS_INCREMENTAL_STEPS=\(history.count) swift test --filter RandomEditTests\nsteps:\n"
            + history.joined(separator: "\n")
    }

    /// The incremental output is the clean one, file for file and byte for byte, and the reports agree.
    @discardableResult
    func expectSameOutput(as clean: BuildReport, _ name: String, report: BuildReport? = nil) -> Bool {
        let incremental = site.tree(site.output), expected = site.tree(site.cleanOutput)
        var differences: [String] = []
        for path in Set(incremental.keys).union(expected.keys).sorted() where incremental[path] != expected[path] {
            let what = incremental[path] == nil ? "missing" : expected[path] == nil ? "extra" : "different bytes"
            differences.append("\(path): \(what)")
        }
        if let report {
            if report.warnings != clean.warnings { differences.append("warnings: \(report.warnings) instead of \(clean.warnings)") }
            if report.charterSummary != clean.charterSummary { differences.append("\(report.charterSummary) instead of \(clean.charterSummary)") }
            if report.weightSummary != clean.weightSummary { differences.append("\(report.weightSummary) instead of \(clean.weightSummary)") }
            if report.pagesPerLanguage.map({ "\($0)" }) != clean.pagesPerLanguage.map({ "\($0)" }) {
                differences.append("pages \(report.pagesPerLanguage) instead of \(clean.pagesPerLanguage)")
            }
        }
        #expect(differences.isEmpty, "\(name): differs from a clean build:\n\(differences.joined(separator: "\n"))\n\(replay)")
        return differences.isEmpty
    }

    static func diagnostics(_ error: any Error) -> String {
        (error as? DiagnosticsError)?.diagnostics.map(\.description).joined(separator: "\n") ?? "\(error)"
    }
}
