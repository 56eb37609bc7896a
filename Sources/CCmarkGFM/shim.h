// libcmark-gfm and its GitHub extensions (tables, strikethrough, autolinks, task lists, tagfilter).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
