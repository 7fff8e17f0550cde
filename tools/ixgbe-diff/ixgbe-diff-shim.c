/*
 * ixgbe-diff-shim: LD_PRELOAD library that presents a register model living in another process (the ethdev4j
 * "model server", see docs/ixgbe.md "Differential run") to an unmodified DPDK 22.11 net_ixgbe as a UIO-bound PCI
 * function. Route learnt from /work/shared/reference/ixgbe-shim (fake sysfs + PROT_NONE BAR + SIGSEGV decoding);
 * this version owns no register model: every BAR access becomes a request on a unix stream socket.
 *
 *   open("/dev/uioN")                           -> an eventfd (the interrupt fd; it never fires)
 *   open("/sys/class/uio/uioN/device/config")   -> <SYSFS_PCI_DEVICES>/<bdf>/config
 *   mmap(<SYSFS_PCI_DEVICES>/<bdf>/resource0)   -> PROT_NONE anonymous memory (the BAR)
 *   SIGSEGV inside the BAR                      -> decode the MOV, one request to the model server, write the
 *                                                  destination register back, skip the instruction
 *   rte_eal_using_phys_addrs()                  -> 1 (bus_pci maps UIO BARs only when it believes in PAs)
 *   rte_eal_iova_mode()                         -> PA for librte_bus_pci only; the rest of DPDK (and so the
 *                                                  driver's descriptors) sees the real VA mode
 *   memory                                      -> DPDK's memfd-backed segments (--no-huge: one "memfd:nohuge")
 *                                                  are announced to the server (VA, length, file offset and the fd
 *                                                  number, which the server opens as /proc/<pid>/fd/<n>), so the
 *                                                  model reads and writes descriptors and buffers at DPDK's VAs
 *   rte_eth_dev_configure/start/stop/close      -> phase markers sent to the server
 *
 * Environment: IXGBE_DIFF_SOCKET (required: the server's socket path), SYSFS_PCI_DEVICES (the fake tree),
 * IXGBE_DIFF_BDF (default 0000:01:00.0), IXGBE_DIFF_PROC (the process name to act in, default dpdk-testpmd; other
 * processes that inherit LD_PRELOAD, such as timeout(1), are left alone).
 *
 * Wire format (little endian, both directions, one reply per request): 32-byte records
 *   0       4       8              16             24             32
 *   +-------+-------+--------------+--------------+--------------+
 *   |  op   |  arg  |      a       |      b       |      c       |
 *   +-------+-------+--------------+--------------+--------------+
 *   HELLO  arg=0       a=pid                                  reply a=0
 *   READ   arg=offset                                         reply a=value (32 bits)
 *   WRITE  arg=offset  a=value (32 bits)                      reply echoes
 *   MEM    arg=fd      a=va        b=length     c=file offset reply echoes
 *   MARK   arg=phase   a=port      b=result (end markers)     reply echoes
 * A reply whose op differs from the request's is a protocol error: the shim prints it and exits.
 * Build: gcc -O2 -Wall -fPIC -shared -o libixgbediffshim.so ixgbe-diff-shim.c -ldl
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/un.h>
#include <ucontext.h>
#include <unistd.h>

enum { OP_HELLO = 1, OP_READ = 2, OP_WRITE = 3, OP_MEM = 4, OP_MARK = 5 };
enum { MARK_CONFIGURE = 1, MARK_START = 2, MARK_STOP = 3, MARK_CLOSE = 4, MARK_END = 0x100 };

struct msg { uint32_t op, arg; uint64_t a, b, c; };
_Static_assert(sizeof(struct msg) == 32, "wire record is 32 bytes");

static int active;
static int sock = -1;
static volatile int lock;
static uintptr_t bar_base, bar_len;
static dev_t res_dev; static ino_t res_ino; static int res_known;
static char cfg_path[4096];
#define MAX_ANNOUNCED 64
static struct { uint64_t dev, ino, off, va; } announced[MAX_ANNOUNCED];
static int n_announced;

static void die(const char *fmt, ...)
{
	char buf[512]; int n; va_list ap;
	va_start(ap, fmt); n = vsnprintf(buf, sizeof(buf), fmt, ap); va_end(ap);
	if (n > (int)sizeof(buf) - 1) n = sizeof(buf) - 1;
	if (write(2, "ixgbe-diff-shim: ", 17) < 0 || write(2, buf, n) < 0 || write(2, "\n", 1) < 0) {}
	_exit(111);
}

static void xfer_locked(struct msg *m)
{
	uint32_t op = m->op; size_t done = 0; ssize_t r;
	while (done < sizeof(*m)) {
		r = send(sock, (char *)m + done, sizeof(*m) - done, MSG_NOSIGNAL);
		if (r < 0 && errno == EINTR) continue;
		if (r <= 0) die("send to the model server failed (op %u): %s", op, strerror(errno));
		done += r;
	}
	for (done = 0; done < sizeof(*m); done += r) {
		r = recv(sock, (char *)m + done, sizeof(*m) - done, 0);
		if (r < 0 && errno == EINTR) { r = 0; continue; }
		if (r == 0) die("the model server closed the connection (op %u, offset 0x%05x)", op, m->arg);
		if (r < 0) die("recv from the model server failed (op %u): %s", op, strerror(errno));
	}
	if (m->op != op) die("the model server answered op %u to op %u (offset 0x%05x)", m->op, op, m->arg);
}

static void xfer(struct msg *m)
{
	while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE)) ;
	xfer_locked(m);
	__atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
}

static uint32_t model_read32(uint32_t off)
{
	struct msg m = { OP_READ, off, 0, 0, 0 };
	xfer(&m);
	return (uint32_t)m.a;
}

static void model_write32(uint32_t off, uint32_t v)
{
	struct msg m = { OP_WRITE, off, v, 0, 0 };
	xfer(&m);
}

/* ------------------------------------------------------------------------------------------------- memory */

/* Announces every memfd-backed mapping of this process not announced yet (DPDK's memory segments). */
static void announce_memory(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[1024];
	if (!f) die("cannot read /proc/self/maps: %s", strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		unsigned long lo, hi, off, ino; unsigned maj, min; char perms[8]; int pathpos = 0, k, fdn = -1;
		struct msg m; DIR *d; struct dirent *e;
		if (sscanf(line, "%lx-%lx %7s %lx %x:%x %lu %n", &lo, &hi, perms, &off, &maj, &min, &ino, &pathpos) < 7)
			continue;
		if (!strstr(line + pathpos, "/memfd:") || perms[3] != 's') continue;
		for (k = 0; k < n_announced; k++)
			if (announced[k].ino == ino && announced[k].off == off && announced[k].va == lo) break;
		if (k < n_announced) continue;
		/* the fd that holds this memfd open (DPDK keeps its segment fds) */
		d = opendir("/proc/self/fd");
		while (d && (e = readdir(d))) {
			struct stat st; int n = atoi(e->d_name);
			if (e->d_name[0] == '.' || fstat(n, &st) < 0) continue;
			if ((uint64_t)st.st_ino == ino) { fdn = n; break; }
		}
		if (d) closedir(d);
		if (fdn < 0) die("no open fd for the memfd mapping %s", line);
		if (n_announced == MAX_ANNOUNCED) die("more than %d memfd mappings", MAX_ANNOUNCED);
		announced[n_announced].ino = ino; announced[n_announced].off = off; announced[n_announced].va = lo;
		n_announced++;
		m.op = OP_MEM; m.arg = fdn; m.a = lo; m.b = hi - lo; m.c = off;
		xfer(&m);
	}
	fclose(f);
}

/* ------------------------------------------------------------------------------------------------ decoder */
static const int gidx[16] = { REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
	REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15 };

static uint64_t bar_read(uint32_t off, int size)
{
	if (size == 8) return bar_read(off, 4) | (bar_read(off + 4, 4) << 32);
	uint64_t v = model_read32(off & ~3u) >> ((off & 3) * 8);
	return size == 4 ? v : v & ((1ull << (size * 8)) - 1);
}

static void bar_write(uint32_t off, uint64_t val, int size)
{
	uint32_t mask, old;
	if (size == 8) { bar_write(off, (uint32_t)val, 4); bar_write(off + 4, val >> 32, 4); return; }
	if (size == 4) { model_write32(off, (uint32_t)val); return; }
	/* narrower than the register: read-modify-write (no ixgbe code path does this, see docs/ixgbe.md) */
	mask = ((1u << (size * 8)) - 1) << ((off & 3) * 8);
	old = model_read32(off & ~3u);
	model_write32(off & ~3u, (old & ~mask) | (((uint32_t)val << ((off & 3) * 8)) & mask));
}

/* Emulates the MOV at RIP that faulted on BAR address `fault`: 0 when done, -1 when not a form we know. */
static int emulate(ucontext_t *uc, uintptr_t fault)
{
	greg_t *g = uc->uc_mcontext.gregs;
	const uint8_t *p = (const uint8_t *)g[REG_RIP];
	int i = 0, o16 = 0, rex = 0, op, op2 = -1, modrm, mod, reg, rm, size, load, sx = 0;
	uint64_t val, imm = 0;
	uint32_t off = (uint32_t)(fault - bar_base);

	while (p[i] == 0x66 || p[i] == 0x2E || p[i] == 0x3E || p[i] == 0x26 || p[i] == 0x36) { if (p[i] == 0x66) o16 = 1; i++; }
	if ((p[i] & 0xF0) == 0x40) rex = p[i++];
	op = p[i++];
	if (op == 0x0F) op2 = p[i++];
	modrm = p[i++]; mod = modrm >> 6; reg = ((modrm >> 3) & 7) | ((rex & 4) ? 8 : 0); rm = modrm & 7;
	if (mod == 3) return -1;
	if (rm == 4) { int sib = p[i++]; if (mod == 0 && (sib & 7) == 5) i += 4; }
	else if (mod == 0 && rm == 5) i += 4;
	i += mod == 1 ? 1 : mod == 2 ? 4 : 0;
	size = (rex & 8) ? 8 : o16 ? 2 : 4;
	switch (op) {
	case 0x8B: load = 1; break;
	case 0x89: load = 0; break;
	case 0x8A: load = 1; size = 1; break;
	case 0x88: load = 0; size = 1; break;
	case 0xC7:
		if (reg & 7) return -1;
		load = 0;
		if (o16) { imm = *(const uint16_t *)(p + i); i += 2; }
		else { imm = (uint64_t)(int64_t)*(const int32_t *)(p + i); i += 4; }
		break;
	case 0xC6: if (reg & 7) return -1; load = 0; size = 1; imm = p[i++]; break;
	case 0x0F:
		if (op2 != 0xB6 && op2 != 0xB7 && op2 != 0xBE && op2 != 0xBF) return -1;
		load = 1; sx = op2 >= 0xBE; size = (op2 & 1) ? 2 : 1;
		break;
	default: return -1;
	}
	if (load) {
		uint64_t *dst = (uint64_t *)&g[gidx[reg]];
		val = bar_read(off, size);
		if (op == 0x0F) {
			uint64_t r = !sx ? val : size == 1 ? (uint64_t)(int64_t)(int8_t)val : (uint64_t)(int64_t)(int16_t)val;
			if (o16) *dst = (*dst & ~0xFFFFull) | (r & 0xFFFF);
			else *dst = (rex & 8) ? r : (r & 0xFFFFFFFFull);
		} else if (size >= 4) *dst = val;                      /* a 32-bit load zero-extends */
		else if (size == 2) *dst = (*dst & ~0xFFFFull) | val;
		else if (!rex && reg >= 4 && reg < 8) {                /* AH, CH, DH, BH */
			dst = (uint64_t *)&g[gidx[reg - 4]];
			*dst = (*dst & ~0xFF00ull) | (val << 8);
		} else *dst = (*dst & ~0xFFull) | val;
	} else {
		if (op == 0xC7 || op == 0xC6) val = imm;
		else if (size == 1 && !rex && reg >= 4 && reg < 8) val = ((uint64_t)g[gidx[reg - 4]] >> 8) & 0xFF;
		else val = (uint64_t)g[gidx[reg]];
		if (size < 8) val &= (1ull << (size * 8)) - 1;
		bar_write(off, val, size);
	}
	g[REG_RIP] += i;
	return 0;
}

static void segv_handler(int sig, siginfo_t *si, void *ctx)
{
	uintptr_t a = (uintptr_t)si->si_addr;
	if (bar_len && a >= bar_base && a < bar_base + bar_len) {
		if (emulate(ctx, a) == 0) return;
		{
			const uint8_t *p = (const uint8_t *)((ucontext_t *)ctx)->uc_mcontext.gregs[REG_RIP];
			die("undecoded instruction at %p on BAR offset 0x%05lx: %02x %02x %02x %02x %02x %02x", (void *)p,
				(unsigned long)(a - bar_base), p[0], p[1], p[2], p[3], p[4], p[5]);
		}
	}
	signal(sig, SIG_DFL);   /* not ours: the re-executed access crashes as it would have */
}

/* ------------------------------------------------------------------------------------------ interposition */
static int is_resource0(int fd)
{
	struct stat st;
	return res_known && fstat(fd, &st) == 0 && st.st_dev == res_dev && st.st_ino == res_ino;
}

/* 1: open an eventfd instead; the path to open otherwise */
static const char *redirect(const char *path, int *eventfd_instead)
{
	*eventfd_instead = 0;
	if (!active || !path) return path;
	if (!strncmp(path, "/dev/uio", 8)) { *eventfd_instead = 1; return path; }
	if (!strncmp(path, "/sys/class/uio/uio", 18) && strstr(path, "/device/config")) return cfg_path;
	return path;
}

typedef int (*openat_fn)(int, const char *, int, ...);
static int open_common(const char *sym, int dfd, const char *path, int flags, mode_t mode)
{
	int ev;
	path = redirect(path, &ev);
	if (ev) return eventfd(0, EFD_CLOEXEC);
	if (dfd == -1000) {
		int (*real)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, sym);
		return real(path, flags, mode);
	}
	return ((openat_fn)dlsym(RTLD_NEXT, sym))(dfd, path, flags, mode);
}
#define MODE_ARG(flags) mode_t mode = 0; if ((flags) & (O_CREAT | O_TMPFILE)) { va_list ap; va_start(ap, flags); \
	mode = va_arg(ap, mode_t); va_end(ap); }
int open(const char *path, int flags, ...) { MODE_ARG(flags) return open_common("open", -1000, path, flags, mode); }
int open64(const char *path, int flags, ...) { MODE_ARG(flags) return open_common("open64", -1000, path, flags, mode); }
int openat(int dfd, const char *path, int flags, ...) { MODE_ARG(flags) return open_common("openat", dfd, path, flags, mode); }
int openat64(int dfd, const char *path, int flags, ...) { MODE_ARG(flags) return open_common("openat64", dfd, path, flags, mode); }

static void *mmap_common(const char *sym, void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *(*real)(void *, size_t, int, int, int, off_t) =
		(void *(*)(void *, size_t, int, int, int, off_t))dlsym(RTLD_NEXT, sym);
	if (active && fd >= 0 && is_resource0(fd)) {
		void *m = real(addr, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | (flags & MAP_FIXED), -1, 0);
		if (m != MAP_FAILED) {
			bar_base = (uintptr_t)m; bar_len = len;
			announce_memory();   /* EAL's memory is in place before the bus probes */
		}
		return m;
	}
	return real(addr, len, prot, flags, fd, off);
}
void *mmap(void *a, size_t l, int p, int f, int fd, off_t o) { return mmap_common("mmap", a, l, p, f, fd, o); }
void *mmap64(void *a, size_t l, int p, int f, int fd, off_t o) { return mmap_common("mmap64", a, l, p, f, fd, o); }

int rte_eal_using_phys_addrs(void)
{
	int (*real)(void) = (int (*)(void))dlsym(RTLD_NEXT, "rte_eal_using_phys_addrs");
	return active ? 1 : real();
}

int rte_eal_iova_mode(void)
{
	static int (*real)(void);
	static uintptr_t pci_base;
	Dl_info di;
	void *ra = __builtin_return_address(0);
	if (!real) real = (int (*)(void))dlsym(RTLD_NEXT, "rte_eal_iova_mode");
	if (!active) return real();
	if (!pci_base) {
		void *sym = dlsym(RTLD_DEFAULT, "rte_pci_get_sysfs_path");
		if (sym && dladdr(sym, &di)) pci_base = (uintptr_t)di.dli_fbase;
	}
	if (pci_base && dladdr(ra, &di) && (uintptr_t)di.dli_fbase == pci_base) return 1; /* RTE_IOVA_PA */
	return real();
}

static void mark(uint32_t phase, uint16_t port, int64_t result)
{
	struct msg m = { OP_MARK, phase, port, (uint64_t)result, 0 };
	if (active && sock >= 0) xfer(&m);
}

#define PHASE(fn, phase) int fn(uint16_t port) { \
	int (*real)(uint16_t) = (int (*)(uint16_t))dlsym(RTLD_NEXT, #fn); \
	if ((phase) == MARK_START && active && bar_len) announce_memory(); \
	mark(phase, port, 0); int r = real(port); mark((phase) | MARK_END, port, r); return r; }
PHASE(rte_eth_dev_start, MARK_START)
PHASE(rte_eth_dev_stop, MARK_STOP)
PHASE(rte_eth_dev_close, MARK_CLOSE)

int rte_eth_dev_configure(uint16_t port, uint16_t nrx, uint16_t ntx, const void *conf)
{
	int (*real)(uint16_t, uint16_t, uint16_t, const void *) =
		(int (*)(uint16_t, uint16_t, uint16_t, const void *))dlsym(RTLD_NEXT, "rte_eth_dev_configure");
	mark(MARK_CONFIGURE, port, 0);
	int r = real(port, nrx, ntx, conf);
	mark(MARK_CONFIGURE | MARK_END, port, r);
	return r;
}

__attribute__((constructor)) static void shim_init(void)
{
	extern char *program_invocation_short_name;
	const char *want = getenv("IXGBE_DIFF_PROC"), *path = getenv("IXGBE_DIFF_SOCKET");
	const char *sysfs = getenv("SYSFS_PCI_DEVICES"), *bdf = getenv("IXGBE_DIFF_BDF");
	char rp[4096]; struct stat st; struct sigaction sa; struct sockaddr_un sun;
	struct msg hello = { OP_HELLO, 0, 0, 0, 0 };

	if (strcmp(program_invocation_short_name, want ? want : "dpdk-testpmd") != 0) return;
	if (!path || !*path) die("IXGBE_DIFF_SOCKET is not set (the model server's unix socket)");
	if (!sysfs) die("SYSFS_PCI_DEVICES is not set (the fake PCI tree)");
	if (!bdf) bdf = "0000:01:00.0";
	snprintf(cfg_path, sizeof(cfg_path), "%s/%s/config", sysfs, bdf);
	snprintf(rp, sizeof(rp), "%s/%s/resource0", sysfs, bdf);
	if (stat(rp, &st) != 0) die("%s: %s", rp, strerror(errno));
	res_dev = st.st_dev; res_ino = st.st_ino; res_known = 1;
	if (strlen(path) >= sizeof(sun.sun_path)) die("IXGBE_DIFF_SOCKET too long: %s", path);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, path);
	sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (sock < 0 || connect(sock, (struct sockaddr *)&sun, sizeof(sun)) != 0)
		die("connect(%s): %s", path, strerror(errno));
	hello.a = (uint64_t)getpid();
	active = 1;
	xfer(&hello);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = segv_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigaction(SIGSEGV, &sa, NULL);
}
