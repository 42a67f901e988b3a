/*
 * rusage.c - run a command several times and report its wall time and
 * peak memory, precisely and without GNU time.
 *
 *     rusage [-n RUNS] [-w WARMUPS] [-v] -- COMMAND [ARG...]
 *
 * Each run is fork + execvp; wall time is CLOCK_MONOTONIC around the
 * child's life, peak RSS and CPU time come from wait4()'s rusage of that
 * one child (getrusage(RUSAGE_CHILDREN) would mix the runs).  The
 * command's stdout and stderr go to /dev/null unless -v.  Warm-up runs
 * (default 1) are not counted.  One line of key=value pairs on stdout:
 *
 *     runs=7 median_ms=412.31 min_ms=405.02 max_ms=430.11 median_rss_kib=85432
 *     median_user_ms=380.1 median_sys_ms=30.2 status=0
 *
 * (on one line).  status= is the exit status of the last run that exited
 * non-zero (0 if none); such runs are still measured, and rusage then
 * exits 1.  A run killed by a signal, or a command that cannot be run,
 * stops the series at once: "runs=K status=S" (128+N for signal N).
 */
#define _DEFAULT_SOURCE /* wait4() */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct sample {
    double wall_ms, user_ms, sys_ms;
    long rss_kib;
};

static double ms_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

static double tv_ms(const struct timeval *tv)
{
    return (double)tv->tv_sec * 1e3 + (double)tv->tv_usec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* Median of n values (sorted in place); the mean of the middle two if even. */
static double median_d(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static long median_l(long *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_long);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One run; returns its status (exit code, 128+signal, 127 exec failure). */
static int run_once(char **argv, int verbose, struct sample *s)
{
    struct timespec t0, t1;
    struct rusage ru;
    int st;

    fflush(NULL);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("rusage: fork");
        exit(2);
    }
    if (pid == 0) {
        if (!verbose) {
            int fd = open("/dev/null", O_WRONLY);
            if (fd >= 0) {
                dup2(fd, 1);
                dup2(fd, 2);
                close(fd);
            }
        }
        execvp(argv[0], argv);
        fprintf(stderr, "rusage: cannot run %s\n", argv[0]);
        _exit(127);
    }
    if (wait4(pid, &st, 0, &ru) < 0) {
        perror("rusage: wait4");
        exit(2);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    s->wall_ms = ms_between(&t0, &t1);
    s->user_ms = tv_ms(&ru.ru_utime);
    s->sys_ms = tv_ms(&ru.ru_stime);
    s->rss_kib = ru.ru_maxrss; /* KiB on Linux */
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return WEXITSTATUS(st);
}

static void usage(void)
{
    fprintf(stderr, "usage: rusage [-n RUNS] [-w WARMUPS] [-v] -- COMMAND [ARG...]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int runs = 7, warmups = 1, verbose = 0, i = 1;

    for (; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            runs = atoi(argv[++i]);
        } else if (strcmp(argv[i], "-w") == 0 && i + 1 < argc) {
            warmups = atoi(argv[++i]);
        } else if (strcmp(argv[i], "-v") == 0) {
            verbose = 1;
        } else if (argv[i][0] == '-') {
            usage();
        } else {
            break;
        }
    }
    if (i >= argc || runs < 1 || warmups < 0)
        usage();
    char **cmd = argv + i;

    double *wall = calloc((size_t)runs, sizeof *wall);
    double *user = calloc((size_t)runs, sizeof *user);
    double *sys = calloc((size_t)runs, sizeof *sys);
    long *rss = calloc((size_t)runs, sizeof *rss);
    if (!wall || !user || !sys || !rss) {
        fprintf(stderr, "rusage: out of memory\n");
        return 2;
    }

    struct sample s;
    int last_bad = 0;
    for (int k = 0; k < warmups + runs; k++) {
        int status = run_once(cmd, verbose, &s);
        if (status >= 127) {
            printf("runs=%d status=%d\n", k < warmups ? 0 : k - warmups, status);
            return 1;
        }
        if (status != 0)
            last_bad = status;
        if (k >= warmups) {
            int j = k - warmups;
            wall[j] = s.wall_ms;
            user[j] = s.user_ms;
            sys[j] = s.sys_ms;
            rss[j] = s.rss_kib;
        }
    }
    double min = wall[0], max = wall[0];
    for (int k = 1; k < runs; k++) {
        if (wall[k] < min)
            min = wall[k];
        if (wall[k] > max)
            max = wall[k];
    }
    printf("runs=%d median_ms=%.2f min_ms=%.2f max_ms=%.2f median_rss_kib=%ld "
           "median_user_ms=%.1f median_sys_ms=%.1f status=%d\n",
           runs, median_d(wall, runs), min, max, median_l(rss, runs), median_d(user, runs),
           median_d(sys, runs), last_bad);
    free(wall);
    free(user);
    free(sys);
    free(rss);
    return last_bad ? 1 : 0;
}
