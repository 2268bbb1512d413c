/* pmrun (adapted from the kernel-rig prototype): execute a tiny operation script (generated from a
 * daxcheck scenario by gen.py) inside the guest, in /mnt.
 *
 *   pmrun run SCRIPT K [D] : setup lines ("F ..."), sync, then the first K "OP" lines (K<0: all),
 *                            sleep D seconds (default 0), print "PMRUN-MARKER k=K", then sleep forever (host kill -9's qemu).
 *   pmrun observe SCRIPT   : for each "OBS" line print "PMRUN-OBS name=value" (hex, LE-ready).
 *
 * Script lines (tokens separated by blanks; byte values are hex strings):
 *   F NAME SIZE hole|unwritten|written FILLBYTEHEX      setup file (durable after the sync)
 *   OP create F | unlink F | rename A B | sync | fsync F | fdatasync F | truncate F LEN
 *   OP write F OFF HEX [O_DIRECT] [O_DSYNC] [O_SYNC]
 *   OP fallocate F OFF LEN [KEEP_SIZE|PUNCH_HOLE|ZERO_RANGE]
 *   OP mmap M F OFF LEN FLAG|FLAG...     OP munmap M     OP msync M OFF LEN [MS_SYNC|MS_ASYNC]
 *   OP store M OFF HEX   OP clwb M OFF   OP clflush M OFF   OP clflushopt M OFF   OP sfence | mfence
 *   OP sleep SECONDS     (harness only, not in the model)
 *   OBS NAME bytes F OFF LEN | OBS NAME size F | OBS NAME exists F
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/falloc.h>

#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#ifndef MAP_SYNC
#define MAP_SYNC 0x80000
#endif

#define MAXT 16
struct fdent { char name[64]; int fd; } fds[32];
struct maent { char name[64]; char *p; size_t len; } maps[32];
int nfds, nmaps;

static int getfd(const char *name)
{
    for (int i = 0; i < nfds; i++) if (!strcmp(fds[i].name, name)) return fds[i].fd;
    int fd = open(name, O_RDWR);
    if (fd < 0) return -1;
    snprintf(fds[nfds].name, 64, "%s", name); fds[nfds++].fd = fd;
    return fd;
}
static void dropfd(const char *name)   /* forget the cached fd (after rename/unlink the name moves) */
{
    for (int i = 0; i < nfds; i++) if (!strcmp(fds[i].name, name)) { fds[i].name[0] = 0; }
}
static void renamefd(const char *a, const char *b)
{
    dropfd(b);
    for (int i = 0; i < nfds; i++) if (!strcmp(fds[i].name, a)) snprintf(fds[i].name, 64, "%s", b);
}
static struct maent *getmap(const char *name)
{
    for (int i = 0; i < nmaps; i++) if (!strcmp(maps[i].name, name)) return &maps[i];
    return NULL;
}
static unsigned char *unhex(const char *h, size_t *n)
{
    size_t l = strlen(h) / 2; unsigned char *b;
    if (posix_memalign((void **)&b, 4096, l < 4096 ? 4096 : l)) return NULL;
    for (size_t i = 0; i < l; i++) { unsigned v; sscanf(h + 2 * i, "%2x", &v); b[i] = v; }
    *n = l; return b;
}
static int has(char **t, int n, const char *w)
{
    for (int i = 0; i < n; i++) if (!strcmp(t[i], w)) return 1;
    return 0;
}

/* returns 0 ok, else errno (or -1 for a script error) */
static int do_op(char **t, int n)
{
    const char *op = t[0];
    if (!strcmp(op, "create")) {
        int fd = open(t[1], O_RDWR | O_CREAT | O_EXCL, 0644);
        if (fd < 0) return errno;
        dropfd(t[1]); snprintf(fds[nfds].name, 64, "%s", t[1]); fds[nfds++].fd = fd; return 0;
    }
    if (!strcmp(op, "unlink")) { if (unlink(t[1])) return errno; dropfd(t[1]); return 0; }
    if (!strcmp(op, "rename")) { if (rename(t[1], t[2])) return errno; renamefd(t[1], t[2]); return 0; }
    if (!strcmp(op, "sync")) { sync(); return 0; }
    if (!strcmp(op, "sleep")) { sleep(atoi(t[1])); return 0; }
    if (!strcmp(op, "sfence")) { __asm__ volatile("sfence" ::: "memory"); return 0; }
    if (!strcmp(op, "mfence")) { __asm__ volatile("mfence" ::: "memory"); return 0; }
    if (!strcmp(op, "fsync") || !strcmp(op, "fdatasync") || !strcmp(op, "truncate") ||
        !strcmp(op, "fallocate")) {
        int fd = getfd(t[1]); if (fd < 0) return errno;
        if (!strcmp(op, "fsync")) return fsync(fd) ? errno : 0;
        if (!strcmp(op, "fdatasync")) return fdatasync(fd) ? errno : 0;
        if (!strcmp(op, "truncate")) return ftruncate(fd, strtoll(t[2], 0, 0)) ? errno : 0;
        int mode = 0;
        if (has(t, n, "KEEP_SIZE")) mode |= FALLOC_FL_KEEP_SIZE;
        if (has(t, n, "PUNCH_HOLE")) mode |= FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE;
        if (has(t, n, "ZERO_RANGE")) mode |= FALLOC_FL_ZERO_RANGE;
        return fallocate(fd, mode, strtoll(t[2], 0, 0), strtoll(t[3], 0, 0)) ? errno : 0;
    }
    if (!strcmp(op, "write")) {
        size_t len; unsigned char *b = unhex(t[3], &len); off_t off = strtoll(t[2], 0, 0);
        int fl = 0, fd, own = 0;
        if (has(t, n, "O_DIRECT")) fl |= O_DIRECT;
        if (has(t, n, "O_DSYNC")) fl |= O_DSYNC;
        if (has(t, n, "O_SYNC")) fl |= O_SYNC;
        if (fl) { fd = open(t[1], O_RDWR | fl); own = 1; } else fd = getfd(t[1]);
        if (fd < 0) return errno;
        ssize_t r = pwrite(fd, b, len, off); int e = errno;
        if (own) close(fd);
        free(b);
        if (r < 0) return e;
        if ((size_t)r != len) { printf("PMRUN-SHORT-WRITE %zd of %zu\n", r, len); return -2; }
        return 0;
    }
    if (!strcmp(op, "mmap")) {
        int fd = getfd(t[2]); if (fd < 0) return errno;
        int flags = 0; char fb[256]; snprintf(fb, sizeof fb, "%s", t[5]);
        for (char *s = strtok(fb, "|"); s; s = strtok(NULL, "|")) {
            if (!strcmp(s, "MAP_SHARED")) flags |= MAP_SHARED;
            else if (!strcmp(s, "MAP_SHARED_VALIDATE")) flags |= MAP_SHARED_VALIDATE;
            else if (!strcmp(s, "MAP_PRIVATE")) flags |= MAP_PRIVATE;
            else if (!strcmp(s, "MAP_SYNC")) flags |= MAP_SYNC;
            else return -1;
        }
        size_t len = strtoll(t[4], 0, 0);
        char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, flags, fd, strtoll(t[3], 0, 0));
        if (p == MAP_FAILED) return errno;
        snprintf(maps[nmaps].name, 64, "%s", t[1]); maps[nmaps].p = p; maps[nmaps++].len = len;
        return 0;
    }
    struct maent *m = n > 1 ? getmap(t[1]) : NULL;
    if (!m) return -1;
    if (!strcmp(op, "munmap")) { int r = munmap(m->p, m->len); m->name[0] = 0; return r ? errno : 0; }
    if (!strcmp(op, "msync")) {
        int fl = has(t, n, "MS_ASYNC") ? MS_ASYNC : MS_SYNC;
        return msync(m->p + strtoll(t[2], 0, 0), strtoll(t[3], 0, 0), fl) ? errno : 0;
    }
    char *a = m->p + strtoll(t[2], 0, 0);
    if (!strcmp(op, "store")) { size_t len; unsigned char *b = unhex(t[3], &len); memcpy(a, b, len); free(b); return 0; }
    if (!strcmp(op, "clwb")) { __asm__ volatile(".byte 0x66; xsaveopt %0" : "+m"(*(volatile char *)a)); return 0; }
    if (!strcmp(op, "clflushopt")) { __asm__ volatile(".byte 0x66; clflush %0" : "+m"(*(volatile char *)a)); return 0; }
    if (!strcmp(op, "clflush")) { __asm__ volatile("clflush %0" : "+m"(*(volatile char *)a)); return 0; }
    return -1;
}

static int tokenize(char *line, char **t)
{
    int n = 0;
    for (char *s = strtok(line, " \t\n"); s && n < MAXT; s = strtok(NULL, " \t\n")) t[n++] = s;
    return n;
}

static int setup_file(char **t)
{
    const char *name = t[1]; long long size = strtoll(t[2], 0, 0); const char *kind = t[3];
    unsigned fill = strtoul(t[4], 0, 16);
    int fd = open(name, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return errno;
    if (!strcmp(kind, "hole")) { if (size && ftruncate(fd, size)) return errno; }
    else if (!strcmp(kind, "unwritten")) { if (size && fallocate(fd, 0, 0, size)) return errno; }
    else {
        char *b = malloc(size ? size : 1); memset(b, fill, size);
        if (size && pwrite(fd, b, size, 0) != size) return errno;
        free(b);
    }
    if (fsync(fd)) return errno;
    close(fd);
    return 0;
}

static int run(const char *script, int k, int delay)
{
    FILE *f = fopen(script, "r"); if (!f) { perror(script); return 1; }
    char line[1 << 16], copy[1 << 16]; char *t[MAXT]; int i = 0;
    while (fgets(line, sizeof line, f)) {
        snprintf(copy, sizeof copy, "%s", line); copy[strcspn(copy, "\n")] = 0;
        int n = tokenize(line, t);
        if (n == 0) continue;
        if (!strcmp(t[0], "F")) {
            int e = setup_file(t);
            printf("PMRUN-SETUP %s => %d (%s)\n", copy, e, e ? strerror(e) : "ok");
            continue;
        }
        if (strcmp(t[0], "OP")) continue;
        if (i == 0) { sync(); printf("PMRUN-SETUP-DONE\n"); }
        if (k >= 0 && i >= k) break;
        i++;
        int e = do_op(t + 1, n - 1);
        if (strlen(copy) > 100) strcpy(copy + 90, "...");
        printf("PMRUN-OP %d %s => %d %s\n", i, copy + 3, e,
               e == 0 ? "OK" : e > 0 ? strerrorname_np(e) : "SCRIPT-ERROR");
    }
    if (i == 0) { sync(); printf("PMRUN-SETUP-DONE\n"); }
    __asm__ volatile("mfence" ::: "memory");
    if (delay > 0) { printf("PMRUN-SLEEP %d\n", delay); sleep(delay); }
    printf("PMRUN-MARKER k=%d\n", i);
    fflush(stdout);
    for (;;) pause();
}

static int observe(const char *script)
{
    FILE *f = fopen(script, "r"); if (!f) { perror(script); return 1; }
    char line[1 << 16]; char *t[MAXT];
    while (fgets(line, sizeof line, f)) {
        int n = tokenize(line, t);
        if (n < 4 || strcmp(t[0], "OBS")) continue;
        const char *name = t[1], *what = t[2], *file = t[3];
        struct stat st; int ex = stat(file, &st) == 0;
        if (!strcmp(what, "exists")) { printf("PMRUN-OBS %s=%d\n", name, ex); continue; }
        if (!strcmp(what, "size")) { printf("PMRUN-OBS %s=%lld\n", name, ex ? (long long)st.st_size : 0LL); continue; }
        long long off = strtoll(t[4], 0, 0), len = strtoll(t[5], 0, 0);
        unsigned char buf[4096]; memset(buf, 0, sizeof buf);
        ssize_t r = -1; int e = 0;
        if (ex) { int fd = open(file, O_RDONLY); r = pread(fd, buf, len, off); e = errno; close(fd); }
        printf("PMRUN-OBS %s=", name);
        for (long long i = 0; i < len; i++) printf("%02x", buf[i]);
        printf(" read=%zd%s%s\n", r, r < 0 && ex ? " err=" : "", r < 0 && ex ? strerror(e) : "");
    }
    return 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc >= 4 && !strcmp(argv[1], "run")) return run(argv[2], atoi(argv[3]), argc >= 5 ? atoi(argv[4]) : 0);
    if (argc >= 3 && !strcmp(argv[1], "observe")) return observe(argv[2]);
    fprintf(stderr, "usage: pmrun run SCRIPT K | pmrun observe SCRIPT\n");
    return 1;
}
