// Zstandard keeps the preview server's copy of the site small: the output of 10,000 briefings is
// 812 MB as written and about 150 MB compressed at level 1, which costs about 1 s of CPU once,
// then only for the files a rebuild changes.
#include <zstd.h>
