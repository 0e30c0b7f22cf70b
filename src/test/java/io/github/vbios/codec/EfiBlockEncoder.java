package io.github.vbios.codec;

/**
 * Collects literal/match symbols and writes them as EFI compression blocks (UEFI 2.9A 19.2): block
 * size, extra set, Char&Len set, Position set, coded symbols. The inverse of {@link EfiBlockDecoder}.
 */
final class EfiBlockEncoder {
    private static final int NC = EfiBlockDecoder.NC;
    private static final int NT = EfiBlockDecoder.NT;
    private static final int CBIT = EfiBlockDecoder.CBIT;
    private static final int TBIT = EfiBlockDecoder.TBIT;

    private final EfiBitWriter out;
    private final int pbit;
    /** Position symbols the window needs: distance-1 < 2^(np-1). */
    private final int np;
    private final int[] sym;
    private final int[] pos;
    private int n;

    EfiBlockEncoder(EfiBitWriter out, EfiCompressionVariant v, int blockSymbols) {
        this.out = out;
        this.pbit = v.positionCountBits();
        this.np = v.windowBits() + 1;
        this.sym = new int[blockSymbols];
        this.pos = new int[blockSymbols];
    }

    void literal(int b) {
        add(b, 0);
    }

    /** A match of {@code len} (3..256) bytes starting {@code distance} bytes back. */
    void match(int len, int distance) {
        add(256 + len - Lz77Matcher.MIN_MATCH, distance - 1);
    }

    private void add(int c, int p) {
        sym[n] = c;
        pos[n] = p;
        if (++n == sym.length) {
            flush();
        }
    }

    static int positionSymbol(int d) {
        return d <= 1 ? d : 32 - Integer.numberOfLeadingZeros(d);
    }

    void flush() {
        if (n == 0) {
            return;
        }
        int[] cFreq = new int[NC];
        int[] pFreq = new int[np];
        for (int i = 0; i < n; i++) {
            cFreq[sym[i]]++;
            if (sym[i] >= 256) {
                pFreq[positionSymbol(pos[i])]++;
            }
        }
        out.bits(16, n);
        Code c = Code.of(cFreq, NC);
        if (c.single >= 0) {
            out.bits(TBIT, 0);
            out.bits(TBIT, 0);
            out.bits(CBIT, 0);
            out.bits(CBIT, c.single);
        } else {
            writeCharLenSet(c.len);
        }
        Code p = Code.of(pFreq, np);
        writePtSet(p, np, pbit, -1);
        for (int i = 0; i < n; i++) {
            c.write(out, sym[i]);
            if (sym[i] >= 256) {
                int ps = positionSymbol(pos[i]);
                p.write(out, ps);
                if (ps > 1) {
                    out.bits(ps - 1, pos[i] - (1 << (ps - 1)));
                }
            }
        }
        n = 0;
    }

    /** "ReadPTLen" in reverse: count, 3-bit or unary lengths, a 2-bit zero run after index {@code special}. */
    private void writePtSet(Code code, int nn, int nbit, int special) {
        if (code.single >= 0) {
            out.bits(nbit, 0);
            out.bits(nbit, code.single);
            return;
        }
        int count = trimmed(code.len, nn);
        out.bits(nbit, count);
        int i = 0;
        while (i < count) {
            int k = code.len[i++];
            if (k <= 6) {
                out.bits(3, k);
            } else {
                out.bits(k - 3, (1 << (k - 3)) - 2); // k-4 ones and a zero
            }
            if (i == special) {
                while (i < 6 && code.len[i] == 0) {
                    i++;
                }
                out.bits(2, i - 3);
            }
        }
    }

    /** The Char&Len lengths, run-length coded with the extra set (T symbols 0, 1, 2 are zero runs). */
    private void writeCharLenSet(int[] cLen) {
        int count = trimmed(cLen, NC);
        int[] tFreq = new int[NT];
        forEachToken(cLen, count, (t, extraBits, extra) -> tFreq[t]++);
        Code t = Code.of(tFreq, NT);
        writePtSet(t, NT, TBIT, 3);
        out.bits(CBIT, count);
        forEachToken(cLen, count, (tok, extraBits, extra) -> {
            t.write(out, tok);
            out.bits(extraBits, extra);
        });
    }

    interface TokenSink {
        void token(int t, int extraBits, int extra);
    }

    private static void forEachToken(int[] cLen, int count, TokenSink sink) {
        int i = 0;
        while (i < count) {
            int k = cLen[i++];
            if (k != 0) {
                sink.token(k + 2, 0, 0);
                continue;
            }
            int run = 1;
            while (i < count && cLen[i] == 0) {
                i++;
                run++;
            }
            if (run <= 2) {
                for (int j = 0; j < run; j++) {
                    sink.token(0, 0, 0);
                }
            } else if (run <= 18) {
                sink.token(1, 4, run - 3);
            } else if (run == 19) {
                sink.token(0, 0, 0);
                sink.token(1, 4, 15);
            } else {
                sink.token(2, CBIT, run - 20);
            }
        }
    }

    private static int trimmed(int[] len, int nn) {
        int count = nn;
        while (count > 0 && len[count - 1] == 0) {
            count--;
        }
        return count;
    }

    /** A code for one set: either a single symbol sent in zero bits, or canonical lengths and words. */
    private static final class Code {
        final int single;
        final int[] len;
        final int[] word;

        private Code(int single, int[] len, int[] word) {
            this.single = single;
            this.len = len;
            this.word = word;
        }

        static Code of(int[] freq, int nn) {
            if (HuffmanLengths.used(freq, nn) <= 1) {
                int s = 0;
                for (int i = 0; i < nn; i++) {
                    if (freq[i] > 0) {
                        s = i;
                    }
                }
                return new Code(s, null, null);
            }
            int[] len = HuffmanLengths.lengths(freq, nn, HuffmanTable.MAX_CODE_LENGTH);
            return new Code(-1, len, HuffmanLengths.codes(len, nn));
        }

        void write(EfiBitWriter w, int s) {
            if (single < 0) {
                w.bits(len[s], word[s]);
            }
        }
    }
}
