/*
 * A minimal C option-ROM walker in the style of rom-parser (written for this benchmark): reads
 * one file, finds 55 AA + PCIR at 0 or on a 512-byte boundary, walks the PCI view (rom-format.md
 * 1.9.2) and prints each image and the x86 checksum. The baseline for "a C parser once per file".
 * Build: cc -O2 -o romwalk bench/romwalk.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned u16(const unsigned char *p) { return p[0] | p[1] << 8; }

static int image_at(const unsigned char *b, long n, long off) {
    if (off + 0x1A > n || b[off] != 0x55 || b[off + 1] != 0xAA) return 0;
    unsigned p = u16(b + off + 0x18);
    return p && !(p & 3) && off + p + 0x18 <= n && !memcmp(b + off + p, "PCIR", 4);
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: romwalk FILE\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 3; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(n ? n : 1);
    if (!b || fread(b, 1, n, f) != (size_t) n) { fprintf(stderr, "read error\n"); return 3; }
    fclose(f);
    long off = -1;
    for (long o = 0; o + 0x1A <= n; o += 512) if (image_at(b, n, o)) { off = o; break; }
    if (off < 0) { printf("%s: no option ROM\n", argv[1]); return 3; }
    for (int i = 0; i < 64 && image_at(b, n, off); i++) {
        const unsigned char *pcir = b + off + u16(b + off + 0x18);
        long len = u16(pcir + 0x10) * 512L;
        int sum = 0;
        if (pcir[0x14] == 0) for (long k = 0; k < len && off + k < n; k++) sum += b[off + k];
        printf("image 0x%lx vendor %04x device %04x type %02x len 0x%lx last %d sum %02x\n", off, u16(pcir + 4),
               u16(pcir + 6), pcir[0x14], len, pcir[0x15] >> 7, sum & 0xFF);
        if (!len) break;
        off += len;
        if (pcir[0x15] & 0x80) break;
    }
    free(b);
    return 0;
}
