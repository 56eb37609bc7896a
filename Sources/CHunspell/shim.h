// hunspell: the spelling dictionaries of LibreOffice, read from /usr/share/hunspell.
#include <hunspell/hunspell.h>
