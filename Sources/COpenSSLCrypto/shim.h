// OpenSSL's libcrypto (Debian's libssl-dev): SHA-256 for the content-hashed names of the theme's assets.
#include <openssl/evp.h>
