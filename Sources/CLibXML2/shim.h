// libxml2 (Debian's libxml2-dev): its HTML parser reads the generated pages for `check --links`,
// its XML parser reads sitemap.xml.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers would clash with the ICU that Foundation bundles;
// nothing here uses libxml2's ICU converters.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/// libxml2's `xmlFree` is a global function pointer, which Swift 6 sees as shared mutable state.
static inline void cleiss_xmlFree(void *pointer) { xmlFree(pointer); }
