#ifndef CDOSSIER_SYSTEM_H
#define CDOSSIER_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): both keep existing at
/// every moment. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or
/// kernel cannot exchange; the caller then falls back to two renames).
int dossier_exchange_paths(const char *a, const char *b);

/// Makes stdout line-buffered, so that progress lines appear at once also when piped.
void dossier_line_buffer_stdout(void);

#endif
