// libhyphen: the hyphenation patterns of LibreOffice and TeX, read from /usr/share/hyphen.
#include <hyphen.h>
