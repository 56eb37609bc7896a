// libFuzzer's entry for programs that have their own main (clang's libclang_rt.fuzzer, linked by
// -sanitize=fuzzer). SwiftPM links a debug executable with `main` as an alias of `<Target>_main`, so
// libFuzzer's own main is not taken: the fuzz targets call this driver from theirs.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
