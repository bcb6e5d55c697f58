/*
 * A libFuzzer front end for a .NET program that runs under SharpFuzz's Fuzzer.LibFuzzer.Run.
 *
 * libFuzzer lives in this small native process and mutates inputs; the .NET program (instrumented by the
 * sharpfuzz tool) runs the target in a child process that stays up for the whole run. They talk through:
 *   - one System V shared memory segment: the first MAP_BYTES bytes are the edge map the instrumented
 *     assemblies write into, the INPUT_BYTES after it carry the current input;
 *   - a control pipe (child's fd 198): we send the input's length as a 4-byte int per execution;
 *   - a status pipe (child's fd 199): the child sends a 4-byte int once when ready, then one per execution
 *     (0 = fine, anything else = the target threw).
 * The child finds the segment and the pipes through environment variables. After every execution the edge
 * map is copied into libFuzzer's "extra counters", so libFuzzer's coverage (cov/ft) is the managed code's.
 *
 * Flags (besides libFuzzer's own): --target_path=PROGRAM (required) and --target_arg=ARG (one argument).
 * Build: clang -O1 -fsanitize=fuzzer dotnet-bridge.c -o dotnet-bridge
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAP_BYTES (1 << 16)
#define INPUT_BYTES (1 << 20)
#define CHILD_CONTROL_FD 198
#define CHILD_STATUS_FD 199

__attribute__((used, section("__libfuzzer_extra_counters"))) static uint8_t managed_edges[MAP_BYTES];

static const char *program;
static const char *program_arg;
static int segment = -1;
static uint8_t *shared;
static int control_fd = -1;
static int status_fd = -1;
static pid_t child = -1;
static uint8_t ever_hit[MAP_BYTES]; /* which map slots any execution touched: the managed edge coverage */
static unsigned long edges_hit;

static void fail(const char *what)
{
    fprintf(stderr, "dotnet-bridge: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void cleanup(void)
{
    fprintf(stderr, "dotnet-bridge: managed edges hit: %lu of %d map slots\n", edges_hit, MAP_BYTES);
    if (segment >= 0)
    {
        shmctl(segment, IPC_RMID, NULL);
    }
    if (child > 0)
    {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
    }
}

static const char *flag(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && arg[n] == '=' ? arg + n + 1 : NULL;
}

/* Reads or writes exactly 4 bytes, retrying on EINTR; returns the byte count (0 on end of pipe). */
static ssize_t exchange(int fd, int32_t *value, int writing)
{
    ssize_t done;
    do
    {
        done = writing ? write(fd, value, sizeof *value) : read(fd, value, sizeof *value);
    } while (done < 0 && errno == EINTR);
    return done;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    for (int i = 1; i < *argc; i++)
    {
        const char *v;
        if ((v = flag((*argv)[i], "--target_path")) != NULL) program = v;
        if ((v = flag((*argv)[i], "--target_arg")) != NULL) program_arg = v;
    }
    if (program == NULL || *program == '\0')
    {
        fprintf(stderr, "dotnet-bridge: give the .NET program with --target_path=PATH\n");
        exit(1);
    }

    int control[2], status[2];
    if (pipe(control) != 0 || pipe(status) != 0) fail("pipe");
    segment = shmget(IPC_PRIVATE, MAP_BYTES + INPUT_BYTES, IPC_CREAT | IPC_EXCL | 0600);
    if (segment < 0) fail("shmget");
    atexit(cleanup);
    shared = shmat(segment, NULL, 0);
    if (shared == (void *)-1) fail("shmat");

    child = fork();
    if (child < 0) fail("fork");
    if (child == 0)
    {
        prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive libFuzzer (timeouts, -max_total_time) */
        if (dup2(control[0], CHILD_CONTROL_FD) < 0 || dup2(status[1], CHILD_STATUS_FD) < 0) fail("dup2");
        close(control[0]); close(control[1]); close(status[0]); close(status[1]);
        char id[16];
        snprintf(id, sizeof id, "%d", segment);
        setenv("__LIBFUZZER_SHM_ID", id, 1);
        setenv("__LIBFUZZER_CONTROL_PIPE_ID", "198", 1);
        setenv("__LIBFUZZER_STATUS_PIPE_ID", "199", 1);
        if (program_arg != NULL)
            execl(program, program, program_arg, (char *)NULL);
        else
            execl(program, program, (char *)NULL);
        fail("exec");
    }

    close(control[0]);
    close(status[1]);
    control_fd = control[1];
    status_fd = status[0];
    int32_t hello;
    if (exchange(status_fd, &hello, 0) != sizeof hello)
    {
        fprintf(stderr, "dotnet-bridge: %s did not start under SharpFuzz (no hello on the status pipe)\n", program);
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > INPUT_BYTES)
    {
        return 0; /* run.sh keeps -max_len far below this */
    }
    memset(shared, 0, MAP_BYTES);
    memcpy(shared + MAP_BYTES, data, size);
    int32_t length = (int32_t)size;
    if (exchange(control_fd, &length, 1) != sizeof length) fail("write to the .NET process");

    int32_t outcome;
    ssize_t got = exchange(status_fd, &outcome, 0);
    memcpy(managed_edges, shared, MAP_BYTES);
    for (size_t i = 0; i < MAP_BYTES; i++)
    {
        if (managed_edges[i] && !ever_hit[i])
        {
            ever_hit[i] = 1;
            edges_hit++;
        }
    }
    if (got != sizeof outcome)
    {
        /* The runtime itself died (stack overflow, fail-fast, out of memory): a finding like any other. */
        fprintf(stderr, "dotnet-bridge: the .NET process ended during this input\n");
        fprintf(stderr, "dotnet-bridge: managed edges hit: %lu of %d map slots\n", edges_hit, MAP_BYTES);
        child = -1;
        __builtin_trap();
    }
    if (outcome != 0)
    {
        fprintf(stderr, "dotnet-bridge: the target threw on this input (exception above)\n");
        fprintf(stderr, "dotnet-bridge: managed edges hit: %lu of %d map slots\n", edges_hit, MAP_BYTES);
        __builtin_trap();
    }
    return 0;
}
