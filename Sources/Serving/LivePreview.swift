import Foundation
import GitHistory
import Rendering
import SiteBuilder

/// What `cleiss-site serve` was asked to do.
public struct PreviewOptions: Sendable {
    /// The site root, holding site.yml, Content/ and Themes/.
    public var source: URL
    public var address: ListenAddress
    /// The languages to build; nil builds every language of site.yml.
    public var languages: [String]?
    public var includeDrafts: Bool
    /// The output folder; nil makes a temporary one, removed when the preview stops.
    public var output: URL?
    /// Timeouts and caps on the clients.
    public var limits: ServeLimits

    public init(source: URL, address: ListenAddress, languages: [String]? = nil, includeDrafts: Bool = false, output: URL? = nil,
                limits: ServeLimits = ServeLimits()) {
        self.limits = limits
        self.source = source
        self.address = address
        self.languages = languages
        self.includeDrafts = includeDrafts
        self.output = output
    }
}

/// The live preview: listens, builds, watches the sources, rebuilds and tells the browsers.
///
/// The port is taken before the first build, so that a port in use is reported at once. A failed
/// build (the first one too) is reported and the preview goes on: the person fixes the file and the
/// next build is served.
public actor LivePreview {
    /// What the preview watches in the site root: the sources of the build.
    public static let watchedFolders = ["Content", "Themes", "Data"]
    public static let watchedFiles = ["site.yml", "charter.yml"]
    /// How a commit, checkout or pull is reported among the changes: it moves no source, but the
    /// "outdated translation" notices come from git, so it calls for a full rebuild.
    public static let gitHistoryChange = "git history"

    public let options: PreviewOptions
    private let log: @Sendable (PreviewMessage) -> Void
    private let events: ReloadEvents
    /// The folder made for the output when none was given, removed at the end.
    private var temporaryFolder: URL?
    private var outputLock: AnyObject?  // The output's lock, held while the preview runs (see OutputLock).
    private var server: PreviewServer?
    private var watcher: FileWatcher?
    private var rebuilds: Task<Void, Never>?

    public init(options: PreviewOptions, log: @escaping @Sendable (PreviewMessage) -> Void) {
        self.options = options
        self.log = log
        events = ReloadEvents(keepAliveInterval: options.limits.heartbeat, maxStreams: options.limits.maxEventStreams)
    }

    /// Listens, builds once, prints where to look and starts watching. Throws `ServeError` (the port),
    /// `WatchError` (inotify), or `UsageError` (a wrong `--lang`); the preview is stopped then.
    public func start() async throws {
        let output = try options.output ?? makeTemporaryOutput()
        outputLock = try SiteBuilder.lockOutput(output)
        let buildOptions = BuildOptions(source: options.source, output: output, languages: options.languages,
                                        baseURL: options.address.baseURL, includeDrafts: options.includeDrafts).forPreview
        let builder = PreviewBuilder(options: buildOptions)
        do {
            let server = try PreviewServer(address: options.address, root: output, events: events, findings: builder.findings, limits: options.limits, log: log)
            self.server = server
            try await server.start()
            // Watching starts before the first build, so that an edit made during it is not missed.
            watcher = try FileWatcher(root: options.source, folders: Self.watchedFolders, files: Self.watchedFiles,
                                      signals: Self.gitSignals(root: options.source))
            let result = await Self.build(builder, changed: [])
            if case .failure(let error as UsageError) = result { throw error }
            let report = await announce(result, changed: [])
            // The home page of the first language built, or the root while the site is broken.
            let url = options.address.baseURL + (report?.build.pagesPerLanguage.first.map { $0.language + "/" } ?? "")
            log(.serving(url: url, output: output, temporary: temporaryFolder != nil))
        } catch {
            await stop()
            throw error
        }
        if let watcher { rebuilds = Task { await self.rebuildOnChanges(watcher: watcher, builder: builder) } }
    }

    /// Stops watching and serving and removes the temporary output folder. Safe to call more than once.
    public func stop() async {
        watcher?.stop()
        watcher = nil
        await rebuilds?.value
        rebuilds = nil
        await events.finish()
        await server?.stop()
        server = nil
        if let temporaryFolder { try? FileManager.default.removeItem(at: temporaryFolder) }
        temporaryFolder = nil
        outputLock = nil
    }

    /// One rebuild per batch of changes; changes made during a rebuild make the next batch.
    private func rebuildOnChanges(watcher: FileWatcher, builder: PreviewBuilder) async {
        while let changed = await watcher.nextChanges() {
            // `*`: every input is compared again, and the history read again.
            let compared = changed.contains(Self.gitHistoryChange) ? ["*"] : changed
            await announce(Self.build(builder, changed: compared), changed: changed)
        }
    }

    /// git's log of where HEAD has been, when the site is in a git work tree.
    static func gitSignals(root: URL) -> [FileWatcher.Signal] {
        guard let logs = GitHistory.referenceLogFolder(root: root) else { return [] }
        return [FileWatcher.Signal(folder: logs.path, names: ["HEAD"], reportedAs: gitHistoryChange)]
    }

    /// Tells the terminal and the open pages how a build went; returns its report when it succeeded.
    /// Until a build has succeeded, the next good one is reported like `build` reports a build.
    @discardableResult
    private func announce(_ result: Result<PreviewBuildReport, any Error>, changed: [String]) async -> PreviewBuildReport? {
        let builtBefore = await events.build > 0
        switch result {
        case .success(let report):
            log(builtBefore ? .rebuilt(report, changed: changed) : .firstBuild(report))
            let languages = report.build.pagesPerLanguage.map(\.language)
            if builtBefore && Self.onlyStylesheets(changed) {
                await events.stylesheetsChanged(languages: languages)
            } else {
                await events.buildSucceeded(languages: languages)
            }
            return report
        case .failure(let error):
            let failure = BuildFailure(error, firstBuild: !builtBefore)
            log(.failed(failure))
            await events.buildFailed(message: failure.text)
            return nil
        }
    }

    /// Whether the paths are all stylesheets of a theme's assets, which pages take without reloading.
    static func onlyStylesheets(_ changed: [String]) -> Bool {
        !changed.isEmpty && changed.allSatisfy { path in
            let parts = path.split(separator: "/")
            return parts.count >= 4 && parts[0] == "Themes" && parts[2] == Substring(Theme.assetsFolder) && path.hasSuffix(".css")
        }
    }

    /// Builds on a thread of its own: the build is long, blocking work that must not hold up the
    /// threads serving requests and event streams.
    private static func build(_ builder: PreviewBuilder, changed: [String]) async -> Result<PreviewBuildReport, any Error> {
        await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: Result { try builder.rebuild(changed: changed) })
            }.start()
        }
    }

    /// `Site/` in a new folder of the system's temporary folder: the build puts its staging folder beside it.
    private func makeTemporaryOutput() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-site-serve-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        temporaryFolder = folder
        return folder.appendingPathComponent("Site")
    }
}
