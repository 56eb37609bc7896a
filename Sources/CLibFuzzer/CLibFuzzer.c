// Only a header: LLVMFuzzerRunDriver comes from libFuzzer when a target is built with -sanitize=fuzzer.
#include "CLibFuzzer.h"
