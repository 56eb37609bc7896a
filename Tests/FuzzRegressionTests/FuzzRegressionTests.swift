import Foundation
import Testing

/// Every input that made a fuzz target crash, stall or exhaust memory (README, "Fuzzing"), run again
/// through the same code in a normal debug build: the replaying `main` of FuzzPage and
/// FuzzSiteConfiguration, in a child process so that a crash fails its own case, not the whole suite.
/// Each input must end normally, with the page or site.yml either accepted or refused with errors.
struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzRegressions")

    /// The inputs of one folder of Tests/FuzzRegressions, by name.
    static func inputs(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: regressions.appendingPathComponent(folder).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Inputs of bugs whose fix is on its way (Tests/FuzzRegressions/open-bugs.txt: one `folder/name`
    /// per line, `#` comments): their crash is a known issue until the fix is merged and the line removed.
    static let openBugs: Set<String> = {
        let text = (try? String(contentsOf: regressions.appendingPathComponent("open-bugs.txt"), encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }()

    @Test(arguments: inputs("page"))
    func pageEndsNormally(_ input: String) throws {
        try replay(input, with: "FuzzPage", outcomes: ["refused", "checked"])
    }

    @Test(arguments: inputs("site"))
    func siteConfigurationEndsNormally(_ input: String) throws {
        try replay(input, with: "FuzzSiteConfiguration", outcomes: ["refused", "loaded"])
    }

    func replay(_ input: String, with target: String, outcomes: [String]) throws {
        let result = try Self.run(target, on: Self.regressions.appendingPathComponent(input))
        // The start of what it printed: the outcome, or the error and the top of the stack.
        let printed = result.output.split(separator: "\n").prefix(30).joined(separator: "\n")
        let check = {
            #expect(result.reason == .exit && result.status == 0, "\(input): \(target) ended with \(result.reason == .exit ? "exit status" : "signal") \(result.status)\n\(printed)")
            #expect(outcomes.contains { result.output.contains(": \($0)(") }, "\(input): \(printed)")
        }
        if Self.openBugs.contains(input) {
            withKnownIssue("open bug, see Tests/FuzzRegressions/open-bugs.txt", isIntermittent: true, check)
        } else {
            check()
        }
    }

    /// Runs the fuzz target's replaying executable on one file. A generous limit turns a stall into a
    /// failure instead of a test run that never ends.
    static func run(_ target: String, on file: URL, limitSeconds: Double = 300) throws -> (reason: Process.TerminationReason, status: Int32, output: String) {
        let products = Bundle.main.bundleURL.pathExtension == "xctest" ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
        let process = Process()
        process.executableURL = products.appendingPathComponent(target)
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limitSeconds, execute: watchdog)
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationReason, process.terminationStatus, text)
    }
}
