package io.github.vbios.codec;

/**
 * The block loop of the EFI decoder (UEFI 2.9A 19.2.3): per block a 16-bit symbol count, the
 * "extra" set (code lengths of the length codes), the Char&Len set and the Position set, then
 * literals and (length, distance) matches until OriginalSize bytes are out.
 */
final class EfiBlockDecoder {
    static final int MIN_MATCH = 3;
    /** 256 literals + match lengths 3..256 (NC = 510). */
    static final int NC = 256 + 256 - MIN_MATCH + 1;
    static final int CBIT = 9;
    /** Extra set: code lengths 0..16 plus three zero-run symbols (NT). */
    static final int NT = 19;
    static final int TBIT = 5;
    /** Largest position set the 5-bit count can describe (MAXNP). */
    static final int MAXNP = 31;

    private final EfiBitReader in;
    private final int pbit;
    private final HuffmanTable pt = new HuffmanTable(MAXNP, 8);
    private final HuffmanTable c = new HuffmanTable(NC, 12);
    private final int[] lengths = new int[NC];
    private long blocks;

    EfiBlockDecoder(EfiBitReader in, EfiCompressionVariant variant) {
        this.in = in;
        this.pbit = variant.positionCountBits();
    }

    void decode(byte[] out) throws CodecException {
        int o = 0;
        int remaining = 0;
        // Each block costs up to ~5k table operations; more blocks than this can only come from a
        // hostile stream (real encoders emit thousands of symbols per block).
        long maxBlocks = 1024 + out.length / 16;
        while (o < out.length) {
            if (remaining == 0) {
                if (++blocks > maxBlocks) {
                    throw fail("too many blocks (" + blocks + ") for " + out.length + " bytes of output");
                }
                remaining = readBlockHeader();
            }
            remaining--;
            int sym = c.decode(in);
            if (sym < 256) {
                out[o++] = (byte) sym;
                continue;
            }
            int len = sym - 256 + MIN_MATCH;
            int distance = decodePosition() + 1;
            int from = o - distance;
            if (from < 0) {
                throw fail("match distance " + distance + " reaches before the start of the output (at output byte "
                        + o + ")");
            }
            int n = Math.min(len, out.length - o);
            if (distance >= n) {
                System.arraycopy(out, from, out, o, n);
                o += n;
            } else {
                for (int i = 0; i < n; i++) {
                    out[o++] = out[from + i]; // overlapping copy repeats the last `distance` bytes
                }
            }
        }
    }

    /** Reads the three code sets; returns the block's symbol count (0 stands for 65536, as a u16 wrap). */
    private int readBlockHeader() throws CodecException {
        int size = in.bits(16);
        readExtraOrPositionSet(NT, TBIT, 3);
        readCharLenSet();
        readExtraOrPositionSet(MAXNP, pbit, -1);
        return size == 0 ? 0x10000 : size;
    }

    /** "ReadPTLen": a count, 3-bit or unary lengths, and after index {@code special} a 2-bit zero run. */
    private void readExtraOrPositionSet(int nn, int nbit, int special) throws CodecException {
        int n = in.bits(nbit);
        if (n == 0) {
            int sym = in.bits(nbit);
            if (sym >= nn) {
                throw fail("single-symbol code names symbol " + sym + ", only " + nn + " exist");
            }
            pt.single(nn, sym);
            return;
        }
        if (n > nn) {
            throw fail("code-length count " + n + " exceeds the " + nn + " symbols of the set");
        }
        java.util.Arrays.fill(lengths, 0, nn, 0);
        int i = 0;
        while (i < n) {
            lengths[i++] = readPtLength();
            if (i == special) {
                int zeros = in.bits(2);
                i = Math.min(nn, i + zeros);
            }
        }
        String bad = pt.build(lengths, nn);
        if (bad != null) {
            throw fail((special > 0 ? "extra set: " : "position set: ") + bad);
        }
    }

    /** A code length coded as 3 bits, or 7 followed by one 1-bit per extra unit and a 0 (max 16). */
    private int readPtLength() throws CodecException {
        int window = in.peek32();
        int len = window >>> 29;
        if (len == 7) {
            int mask = 1 << 28;
            while ((window & mask) != 0) {
                len++;
                mask >>>= 1;
                if (len > HuffmanTable.MAX_CODE_LENGTH) {
                    throw fail("code length over 16 in a unary run");
                }
            }
            in.skip(len - 3);
        } else {
            in.skip(3);
        }
        return len;
    }

    /** "ReadCLen": Char&Len code lengths, themselves coded with the extra set. */
    private void readCharLenSet() throws CodecException {
        int n = in.bits(CBIT);
        if (n == 0) {
            int sym = in.bits(CBIT);
            if (sym >= NC) {
                throw fail("single-symbol Char&Len code names symbol " + sym + ", only " + NC + " exist");
            }
            c.single(NC, sym);
            return;
        }
        if (n > NC) {
            throw fail("Char&Len count " + n + " exceeds " + NC);
        }
        java.util.Arrays.fill(lengths, 0, NC, 0);
        int i = 0;
        while (i < n) {
            int t = pt.decode(in);
            if (t > 2) {
                lengths[i++] = t - 2;
                continue;
            }
            int zeros = t == 0 ? 1 : t == 1 ? in.bits(4) + 3 : in.bits(CBIT) + 20;
            if (i + zeros > NC) {
                throw fail("zero run of " + zeros + " at Char&Len symbol " + i + " runs past symbol " + NC);
            }
            i += zeros;
        }
        String bad = c.build(lengths, NC);
        if (bad != null) {
            throw fail("Char&Len set: " + bad);
        }
    }

    /** "DecodeP": position symbol p, then p-1 extra bits; returns distance - 1. */
    private int decodePosition() {
        int p = pt.decode(in);
        return p <= 1 ? p : (1 << (p - 1)) + in.bits(p - 1);
    }

    private CodecException fail(String what) {
        return new CodecException("EFI compressed data invalid at bit " + in.bitOffset() + " of the bit stream (byte "
                + (8 + in.bitOffset() / 8) + " of the input), block " + blocks + ": " + what);
    }
}
