/* output.c - atomic output files (temp file + rename). */
#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool same_contents(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    bool same = true;
    char buf[65536];
    size_t off = 0, n;
    while (same && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        same = off + n <= len && memcmp(buf, data + off, n) == 0;
        off += n;
    }
    same = same && !ferror(f) && off == len;
    fclose(f);
    return same;
}

/* Anything but a plain regular file (/dev/null, /dev/stdout, a FIFO, a
 * symbolic link): write through it; renaming over it would replace the
 * device or the link with a file. */
static int write_special(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "mofc: error: cannot write '%s': %s\n", path, strerror(errno));
        return 2;
    }
    return 0;
}

int output_write(const char *path, const char *data, size_t len, bool only_if_changed)
{
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_special(path, data, len);
    if (only_if_changed && same_contents(path, data, len))
        return 0;
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 16);
    if (!tmp) {
        fputs("mofc: out of memory\n", stderr);
        return 2;
    }
    memcpy(tmp, path, pl);
    memcpy(tmp + pl, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "mofc: error: cannot write '%s': %s\n", path, strerror(errno));
        free(tmp);
        return 2;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int err = errno;
            close(fd);
            unlink(tmp);
            fprintf(stderr, "mofc: error: cannot write '%s': %s\n", path, strerror(err));
            free(tmp);
            return 2;
        }
        done += (size_t)w;
    }
    /* mkstemp creates 0600; outputs are ordinary files. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        int err = errno;
        unlink(tmp);
        fprintf(stderr, "mofc: error: cannot write '%s': %s\n", path, strerror(err));
        free(tmp);
        return 2;
    }
    free(tmp);
    return 0;
}
