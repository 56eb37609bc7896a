import Diagnostics
import Foundation
import Support

/// Pagefind (PyPI `pagefind-bin`), the static search index: the build runs it when it finds it,
/// over the pages it wrote, and publishes its bundle under `pagefind/`. Visitors search in the
/// browser; no server answers a query.
public struct Pagefind: Sendable {
    public let executable: URL

    public init(executable: URL) {
        self.executable = executable
    }

    /// The bundle's entry point, which names its indexes.
    public static let entryFile = "pagefind-entry.json"

    /// The environment variable naming the Pagefind executable, or `off`.
    public static let environmentVariable = "CLEISS_PAGEFIND"

    /// Whether `$CLEISS_PAGEFIND` is `off`: search turned off on purpose.
    public static func isTurnedOff(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment[environmentVariable] == "off"
    }

    /// Finds Pagefind: `$CLEISS_PAGEFIND` (`off` turns search off), else `pagefind` on the PATH,
    /// else the binary of the Python package `pagefind_bin` of the first `python3` on the PATH.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Pagefind? {
        if isTurnedOff(environment: environment) { return nil }
        if let named = environment[environmentVariable], !named.isEmpty { return Pagefind(executable: URL(fileURLWithPath: named)) }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        func onPath(_ name: String) -> URL? {
            folders.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
        }
        if let binary = onPath("pagefind") { return Pagefind(executable: binary) }
        guard let python = onPath("python3"),
              let result = try? Self.run(python, ["-c", "import sys, pagefind_bin; sys.stdout.write(str(pagefind_bin.get_executable()))"]),
              result.status == 0, !result.output.isEmpty else { return nil }
        return Pagefind(executable: URL(fileURLWithPath: result.output))
    }

    /// `1.5.2`, or nil when the executable does not answer.
    public func version() -> String? {
        guard let result = try? Self.run(executable, ["--version"]), result.status == 0 else { return nil }
        return result.output.split(separator: " ").last.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Indexes `pages` (output path → where its bytes are now) and returns the bundle's files, by
    /// path inside `pagefind/`. Works in `scratch`, a folder beside the output (on the same disk, so
    /// that the pages are hard links, not copies), removed at the end.
    public func index(pages: [(path: String, file: URL)], scratch: URL) throws(DiagnosticsError) -> [(path: String, data: Data)] {
        let manager = FileManager.default
        let site = scratch.appendingPathComponent("site"), bundle = scratch.appendingPathComponent("bundle")
        defer { try? manager.removeItem(at: scratch) }
        do {
            try? manager.removeItem(at: scratch)
            for page in pages {
                let target = site.appendingPathComponent(page.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if link(page.file.path, target.path) != 0 { try manager.copyItem(at: page.file, to: target) }
            }
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: scratch.path), "cannot prepare the pages for the search index: \(error.localizedDescription)",
                                          hint: "check that the folder above the output can be written"))
        }
        let result: (status: Int32, output: String)
        do {
            result = try Self.run(executable, ["--site", site.path, "--output-path", bundle.path, "--silent"])
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: executable.path), "cannot run Pagefind: \(error.localizedDescription)",
                                          hint: "install it with `pip install pagefind-bin`, point \(Self.environmentVariable) at it, or set \(Self.environmentVariable)=off"))
        }
        guard result.status == 0 else {
            throw DiagnosticsError(.error(SourceLocation(file: executable.path), "Pagefind failed (exit \(result.status)): \(result.output.suffix(500))",
                                          hint: "run it by hand on the output to see why, or build with \(Self.environmentVariable)=off"))
        }
        return StableBundle.stabilized(FileListing.files(in: bundle).map { path in
            (path, manager.contents(atPath: bundle.appendingPathComponent(path).path) ?? Data())
        })
    }

    /// Pagefind writes the languages of its entry file in a random order: sorted, two builds are byte-identical (see `StableBundle`).
    static func sortedJSON(_ data: Data) -> Data {
        guard let value = try? JSONSerialization.jsonObject(with: data),
              let sorted = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else { return data }
        return sorted
    }

    /// Runs `executable` and returns its exit status and its standard output and error, together.
    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
