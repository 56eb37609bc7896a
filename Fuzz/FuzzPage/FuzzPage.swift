import Foundation
import Fuzzing

// Built with `-sanitize=fuzzer -D FUZZING` by `make fuzz`: libFuzzer runs every input through
// LLVMFuzzerTestOneInput. In a normal build, `main` replays the files given as arguments instead.
#if FUZZING
let pageFuzzing = try! PageFuzzing()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = try! pageFuzzing.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

// SwiftPM links a debug executable with `main` aliased to `<Target>_main`.
@_cdecl("FuzzPage_main")
public func fuzzPageMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv, testOneInput: fuzzOneInput)
}
#else
@main
enum FuzzPage {
    static func main() {
        FuzzReplay.main(target: "FuzzPage", start: { try PageFuzzing().run })
    }
}
#endif
