/* output.c - atomic output files (temp file + rename). */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* True if `path` is a regular file holding exactly these bytes: one open,
 * one fstat, one read (outputs are rewritten in bulk, so this is hot). */
static bool same_contents(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    bool same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len;
    char *buf = same ? malloc(len + 1) : NULL;
    if (same && !buf)
        same = false;
    size_t got = 0;
    while (same && got <= len) {
        ssize_t n = read(fd, buf + got, len + 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    same = same && got == len && memcmp(buf, data, len) == 0;
    free(buf);
    close(fd);
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
    /* same_contents() opens with O_NOFOLLOW and checks for a regular file,
     * so it can go first: it is the common case when regenerating. */
    if (only_if_changed && same_contents(path, data, len))
        return 0;
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_special(path, data, len);
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
