import Foundation
import Fuzzing

// Built with `-sanitize=fuzzer -D FUZZING` by `make fuzz`: libFuzzer runs every input through
// LLVMFuzzerTestOneInput. In a normal build, `main` replays the files given as arguments instead.
#if FUZZING
let siteConfigurationFuzzing = SiteConfigurationFuzzing()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = try! siteConfigurationFuzzing.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

// SwiftPM links a debug executable with `main` aliased to `<Target>_main`.
@_cdecl("FuzzSiteConfiguration_main")
public func fuzzSiteConfigurationMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv, testOneInput: fuzzOneInput)
}
#else
@main
enum FuzzSiteConfiguration {
    static func main() {
        FuzzReplay.main(target: "FuzzSiteConfiguration", start: { SiteConfigurationFuzzing().run })
    }
}
#endif
