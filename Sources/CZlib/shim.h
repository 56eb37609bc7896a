// zlib (Debian's zlib1g-dev): the gzip twins of the output (`build --compress`).
#include <zlib.h>

// deflateInit2 and inflateInit2 are macros, which Swift does not import: the same calls as functions.
static inline int cleiss_deflateInit2(z_streamp stream, int level, int windowBits, int memLevel, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, memLevel, strategy);
}

static inline int cleiss_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
