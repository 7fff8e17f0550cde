/*
 * Decoder check and cost of one access for tools/ixgbe-diff/ixgbe-diff-shim.c (run by ShimDecoderTest with the shim
 * preloaded, IXGBE_DIFF_PROC=ixgbe-diff-selftest, and a RAM BAR model behind the socket). Each instruction form the
 * shim decodes is used once on the trapping BAR; the results are compared with what a RAM must answer. Prints one
 * line per check ("ok"/"MISMATCH"), then "ns_per_read <n>", and exits 0 only if all checks held.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static int failures;

static void check(const char *what, unsigned long long got, unsigned long long want)
{
	printf("%s %s: got 0x%llx want 0x%llx\n", got == want ? "ok" : "MISMATCH", what, got, want);
	if (got != want) failures++;
}

int main(int argc, char **argv)
{
	char path[512];
	int n = argc > 1 ? atoi(argv[1]) : 20000, i, fd;
	struct timespec a, b;
	uint32_t sum = 0;
	snprintf(path, sizeof(path), "%s/0000:01:00.0/resource0", getenv("SYSFS_PCI_DEVICES"));
	fd = open(path, O_RDWR);
	if (fd < 0) { perror(path); return 2; }
	volatile uint8_t *bar = mmap(NULL, 0x80000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (bar == MAP_FAILED) { perror("mmap"); return 2; }
	volatile uint32_t *r32 = (volatile uint32_t *)bar;

	r32[0x100 / 4] = 0x11223344;                                   /* C7 /0 id  */
	check("mov r32,[m] after mov [m],imm32", r32[0x100 / 4], 0x11223344);
	{ uint32_t v = 0xCAFEF00D; r32[0x200 / 4] = v; }               /* 89 /r      */
	check("mov [m],r32", r32[0x200 / 4], 0xCAFEF00D);
	check("movzx r32,word [m+2]", *(volatile uint16_t *)(bar + 0x102), 0x1122);
	check("movzx r32,byte [m+1]", bar[0x101], 0x33);
	check("movsx r32,byte [m+3]", (uint32_t)(int32_t)*(volatile int8_t *)(bar + 0x103), 0x11);
	*(volatile uint16_t *)(bar + 0x104) = 0xBEEF;                  /* 66 C7 /0 iw */
	bar[0x107] = 0x5A;                                             /* C6 /0 ib   */
	check("16- and 8-bit stores merged", r32[0x104 / 4], 0x5A00BEEF);
	check("mov r64,[m] (REX.W)", *(volatile uint64_t *)(bar + 0x100), 0x5A00BEEF11223344ull);
	*(volatile uint64_t *)(bar + 0x300) = 0x0123456789ABCDEFull;    /* REX.W 89  */
	check("mov [m],r64 low", r32[0x300 / 4], 0x89ABCDEF);
	check("mov [m],r64 high", r32[0x304 / 4], 0x01234567);
	{
		register uint32_t r10 asm("r10");
		uint64_t idx = 0x40;   /* 0x100 + 0x40 * 4 = 0x200 */
		asm volatile("movl 0x100(%1,%2,4), %0" : "=r"(r10) : "r"(bar), "r"(idx) : "memory"); /* REX.R, SIB, disp32 */
		check("mov r10d,[base+index*4+disp32]", r10, 0xCAFEF00D);
		r10 = 0x600DBEEF;
		asm volatile("movl %0, 0x40(%1)" : : "r"(r10), "r"(bar) : "memory");             /* REX.R, disp8 */
		check("mov [base+disp8],r10d", r32[0x40 / 4], 0x600DBEEF);
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < n; i++) sum += r32[0x8 / 4];
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("ns_per_read %.0f (sum %u)\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n, sum);
	return failures != 0;
}
