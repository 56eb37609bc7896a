import Foundation

/// The `main` of a fuzz target in a normal build (without `-sanitize=fuzzer`, which brings its own):
/// runs the files given as arguments through the target, as libFuzzer would, and prints each outcome.
/// The regression tests run it in a child process, so that a crash fails one test, not the suite.
public enum FuzzReplay {
    /// `start` prepares the target (its site, the charter's dictionaries) and gives the function to run.
    public static func main<Outcome>(target: String, start: () throws -> (Data) throws -> Outcome) -> Never {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            FileHandle.standardError.write(Data("usage: \(target) FILE...  (to fuzz, run `make fuzz FUZZ_TARGET=\(target)`)\n".utf8))
            exit(2)
        }
        let run: (Data) throws -> Outcome
        do {
            run = try start()
        } catch {
            FileHandle.standardError.write(Data("\(target): cannot start: \(error)\n".utf8))
            exit(1)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(target): cannot read \(path)\n".utf8))
                exit(2)
            }
            do {
                print("\(path): \(try run(data))")
            } catch {
                FileHandle.standardError.write(Data("\(target): \(path): \(error)\n".utf8))
                exit(1)
            }
        }
        exit(0)
    }
}
