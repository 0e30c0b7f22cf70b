package io.github.vbios.codec;

import java.util.Arrays;
import java.util.Optional;

/**
 * Canonical Huffman decoding table for one EFI code set (UEFI 2.9A 19.2.3 "MakeTable"): a direct
 * lookup on the first {@code tableBits} bits, and a binary tree for the longer codes. Built only
 * from complete codes with lengths <= 16, so every lookup ends at a symbol within 16 bits
 * (the bounds EDK2 added for CVE-2017-5731..5735).
 *
 * <p>A table entry is {@code length << 16 | symbol} for codes of at most {@code tableBits} bits,
 * so the common case is one load and one shift; entries with {@link #TREE} set name the tree
 * node below which the longer codes sharing that prefix continue.
 */
final class HuffmanTable {
    static final int MAX_CODE_LENGTH = 16;
    static final int TREE = 1 << 30;

    final int tableBits;
    final int[] table;
    private final int[] left;
    private final int[] right;
    private final int[] lengths;
    private int symbols;

    HuffmanTable(int maxSymbols, int tableBits) {
        this.tableBits = tableBits;
        this.table = new int[1 << tableBits];
        this.left = new int[2 * maxSymbols];
        this.right = new int[2 * maxSymbols];
        this.lengths = new int[maxSymbols];
    }

    /** Every symbol decodes from zero bits to {@code symbol} (the "count 0" form of the format). */
    void single(int symbolCount, int symbol) {
        symbols = symbolCount;
        Arrays.fill(lengths, 0);
        Arrays.fill(table, symbol); // length 0: consumes no bits
    }

    int length(int symbol) {
        return lengths[symbol];
    }

    /**
     * Builds the table from {@code len[0..n)}; returns empty on success, else the reason the code is unusable.
     * Codes must be complete (Kraft sum exactly 1): EDK2 only checks the sum modulo 2^16, which lets
     * over-subscribed tables through.
     */
    Optional<String> build(int[] len, int n) {
        symbols = n;
        int[] count = new int[MAX_CODE_LENGTH + 1];
        for (int i = 0; i < n; i++) {
            if (len[i] > MAX_CODE_LENGTH || len[i] < 0) {
                return Optional.of("code length " + len[i] + " for symbol " + i + " exceeds 16");
            }
            count[len[i]]++;
        }
        int[] start = new int[MAX_CODE_LENGTH + 2];
        for (int i = 1; i <= MAX_CODE_LENGTH; i++) {
            start[i + 1] = start[i] + (count[i] << (MAX_CODE_LENGTH - i));
        }
        if (start[MAX_CODE_LENGTH + 1] != 1 << MAX_CODE_LENGTH) {
            return Optional.of("code lengths do not form a complete prefix code (Kraft sum "
                    + start[MAX_CODE_LENGTH + 1] + "/65536)");
        }
        System.arraycopy(len, 0, lengths, 0, n);
        Arrays.fill(lengths, n, lengths.length, 0);
        fill(start);
        return Optional.empty();
    }

    private void fill(int[] start) {
        int shift = MAX_CODE_LENGTH - tableBits;
        int avail = symbols;
        Arrays.fill(table, -1);
        for (int sym = 0; sym < symbols; sym++) {
            int len = lengths[sym];
            if (len == 0) {
                continue;
            }
            int code = start[len];
            start[len] += 1 << (MAX_CODE_LENGTH - len);
            if (len <= tableBits) {
                Arrays.fill(table, code >>> shift, start[len] >>> shift, len << 16 | sym);
                continue;
            }
            // Long code: walk/extend the tree below the table slot, one node per extra bit.
            int slot = code >>> shift;
            if (table[slot] < 0) {
                table[slot] = TREE | newNode(avail++);
            }
            int node = table[slot] & ~TREE;
            for (int bit = len - tableBits - 1; bit >= 0; bit--) {
                boolean one = (code >>> (shift - (len - tableBits - bit))) % 2 != 0;
                if (bit == 0) {
                    setChild(node, one, sym);
                } else {
                    int child = one ? right[node] : left[node];
                    if (child < symbols) {
                        child = newNode(avail++);
                        setChild(node, one, child);
                    }
                    node = child;
                }
            }
        }
    }

    private int newNode(int node) {
        left[node] = -1;
        right[node] = -1;
        return node;
    }

    private void setChild(int node, boolean one, int value) {
        if (one) {
            right[node] = value;
        } else {
            left[node] = value;
        }
    }

    /** The symbol below tree entry {@code e} for the 32-bit {@code window}; its length is {@link #length}. */
    int walk(int e, int window) {
        int v = e & ~TREE;
        int mask = 1 << (31 - tableBits);
        while (v >= symbols) {
            v = (window & mask) != 0 ? right[v] : left[v];
            mask >>>= 1;
        }
        return v;
    }

    /** Decodes one symbol from the bit reader; the code was validated complete, so this always ends. */
    int decode(EfiBitReader in) {
        int window = in.peek32();
        int e = table[window >>> (32 - tableBits)];
        if ((e & TREE) == 0) {
            in.skip(e >>> 16);
            return e & 0xFFFF;
        }
        int v = e & ~TREE;
        int mask = 1 << (31 - tableBits);
        while (v >= symbols) {
            v = (window & mask) != 0 ? right[v] : left[v];
            mask >>>= 1;
        }
        in.skip(lengths[v]);
        return v;
    }
}
