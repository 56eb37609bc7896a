// brotli (Debian's libbrotli-dev): the .br twins of the output (`build --compress`); the decoder
// is for the tests, which read the twins back.
#include <brotli/encode.h>
#include <brotli/decode.h>
