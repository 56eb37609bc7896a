#if FUZZING
import CLibFuzzer

/// Hands the process to libFuzzer, which calls `testOneInput` with every input it makes. Called by
/// the `main` of a fuzz target built by `make fuzz` (with -sanitize=fuzzer and FUZZING defined).
public func runLibFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                         testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, testOneInput)
}
#endif
