package io.github.vbios.codec;

import java.util.Arrays;
import java.util.Optional;

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
        // Each block costs up to ~5k table operations; more blocks than this can only come from a
        // hostile stream (real encoders emit thousands of symbols per block).
        long maxBlocks = 1024L + out.length / 16;
        while (o < out.length) {
            if (++blocks > maxBlocks) {
                throw fail("too many blocks (" + blocks + ") for " + out.length + " bytes of output");
            }
            int size = readBlockHeader();
            o = decodeSymbols(out, o, size);
        }
    }

    /**
     * The hot loop: up to {@code symbols} literals/matches into {@code out} from {@code o}; returns
     * the new output position. The bit buffer lives in locals and is written back on exit; one
     * refill per symbol tops it up to >= 57 bits, enough for a Char&Len code (<= 16 bits) and a
     * position code (<= 16 bits); the position's extra bits get their own check.
     */
    private int decodeSymbols(byte[] out, int o, int symbols) throws CodecException {
        final EfiBitReader r = in;
        final int[] ct = c.table;
        final int cshift = 32 - c.tableBits;
        final int[] ptab = pt.table;
        final int pshift = 32 - pt.tableBits;
        final int limit = out.length;
        final int bulkEnd = r.end - 8;
        long acc = r.acc;
        int count = r.count;
        int pos = r.pos;
        for (; symbols > 0 && o < limit; symbols--) {
            if (count < 40) {
                if (pos <= bulkEnd) {
                    int take = (63 - count) >>> 3; // 3..7 bytes: never a 64-bit shift
                    int shift = take << 3;
                    acc = acc << shift | r.word(pos) >>> (64 - shift);
                    pos += take;
                    count += shift;
                } else {
                    r.acc = acc;
                    r.count = count;
                    r.pos = pos;
                    r.refill();
                    acc = r.acc;
                    count = r.count;
                    pos = r.pos;
                }
            }
            int window = (int) (acc >>> (count - 32));
            int e = ct[window >>> cshift];
            int sym;
            if ((e & HuffmanTable.TREE) == 0) {
                count -= e >>> 16;
                sym = e & 0xFFFF;
            } else {
                sym = c.walk(e, window);
                count -= c.length(sym);
            }
            if (sym < 256) {
                out[o++] = (byte) sym;
                continue;
            }
            // count >= 24 here; the position window needs 32 buffered bits, its extra bits up to 29
            if (count < 32) {
                int take = (63 - count) >>> 3; // 3..7 bytes: never a 64-bit shift
                if (pos <= bulkEnd) {
                    int shift = take << 3;
                    acc = acc << shift | r.word(pos) >>> (64 - shift);
                    pos += take;
                    count += shift;
                } else {
                    r.acc = acc;
                    r.count = count;
                    r.pos = pos;
                    r.refill();
                    acc = r.acc;
                    count = r.count;
                    pos = r.pos;
                }
            }
            window = (int) (acc >>> (count - 32));
            e = ptab[window >>> pshift];
            int p;
            if ((e & HuffmanTable.TREE) == 0) {
                count -= e >>> 16;
                p = e & 0xFFFF;
            } else {
                p = pt.walk(e, window);
                count -= pt.length(p);
            }
            int distance = p + 1;
            if (p > 1) {
                // "DecodeP": p - 1 extra bits; after <= 48 bits of codes at least 9 remain, top up first
                if (count < 32) {
                    r.acc = acc;
                    r.count = count;
                    r.pos = pos;
                    r.refill();
                    acc = r.acc;
                    count = r.count;
                    pos = r.pos;
                }
                int nb = p - 1;
                distance = (1 << nb) + ((int) (acc >>> (count - 32)) >>> (32 - nb)) + 1;
                count -= nb;
            }
            o = copyMatch(out, o, sym - 256 + MIN_MATCH, distance);
        }
        r.acc = acc;
        r.count = count;
        r.pos = pos;
        if (count < 32) {
            r.refill(); // the reader's own methods expect >= 32 buffered bits
        }
        return o;
    }

    private int copyMatch(byte[] out, int o, int len, int distance) throws CodecException {
        int from = o - distance;
        if (from < 0) {
            throw fail("match distance " + distance + " reaches before the start of the output (at output byte "
                    + o + ")");
        }
        int n = Math.min(len, out.length - o);
        if (distance >= n) {
            System.arraycopy(out, from, out, o, n);
            return o + n;
        }
        if (distance == 1) {
            Arrays.fill(out, o, o + n, out[from]); // runs of one byte (zero padding) are common
            return o + n;
        }
        // An overlapping match repeats the last `distance` bytes; copying from `from` in chunks of
        // (o - from) keeps that period and doubles the chunk each time.
        int stop = o + n;
        while (o < stop) {
            int chunk = Math.min(stop - o, o - from);
            System.arraycopy(out, from, out, o, chunk);
            o += chunk;
        }
        return o;
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
        Arrays.fill(lengths, 0, nn, 0);
        int i = 0;
        while (i < n) {
            lengths[i++] = readPtLength();
            if (i == special) {
                int zeros = in.bits(2);
                i = Math.min(nn, i + zeros);
            }
        }
        Optional<String> bad = pt.build(lengths, nn);
        if (bad.isPresent()) {
            throw fail((special > 0 ? "extra set: " : "position set: ") + bad.get());
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
        Arrays.fill(lengths, 0, NC, 0);
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
        Optional<String> bad = c.build(lengths, NC);
        if (bad.isPresent()) {
            throw fail("Char&Len set: " + bad.get());
        }
    }

    private CodecException fail(String what) {
        return new CodecException("EFI compressed data invalid at bit " + in.bitOffset() + " of the bit stream (byte "
                + (8 + in.bitOffset() / 8) + " of the input), block " + blocks + ": " + what);
    }
}
