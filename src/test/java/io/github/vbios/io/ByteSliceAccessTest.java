package io.github.vbios.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The access methods that replaced the raw array getter (issue 13): each one reads exactly the
 * slice, never the bytes around it in the shared array, and rejects what does not fit.
 */
class ByteSliceAccessTest {
    /** "before|inside|after": the slice is "inside", its neighbours in the array must never show. */
    private static final byte[] ARRAY = "before|inside|after".getBytes(StandardCharsets.US_ASCII);
    private static final ByteSlice INSIDE = ByteSlice.of(ARRAY).slice(7, 6);

    @Test
    void indexOfClipsItsRangeToTheSlice() {
        byte[] i = {'i'};
        assertThat(INSIDE.indexOf(i, -10, 100, 1)).isZero();
        assertThat(INSIDE.indexOf(i, 1, 100, 1)).isEqualTo(3);
        assertThat(INSIDE.indexOf(i, 1, 4, 1)).isEqualTo(3);
        assertThat(INSIDE.indexOf(i, 1, 3, 1)).isEqualTo(-1);
        assertThat(INSIDE.indexOf(i, 6, 100, 1)).isEqualTo(-1);
        assertThat(INSIDE.indexOf(i, 100, 200, 1)).isEqualTo(-1);
        assertThat(INSIDE.indexOf(i, 4, 2, 1)).isEqualTo(-1);
        assertThat(INSIDE.indexOf(i, Long.MIN_VALUE, Long.MAX_VALUE, 3)).isZero();
        assertThat(INSIDE.indexOf(i, Long.MAX_VALUE, Long.MAX_VALUE, 7)).isEqualTo(-1);
        assertThat(INSIDE.indexOf(i, 0, Long.MIN_VALUE, 1)).isEqualTo(-1);
        // "e|a" straddles the slice's end, "|i" its start: neither is in the slice
        assertThat(INSIDE.indexOf("e|a".getBytes(StandardCharsets.US_ASCII), 0)).isEqualTo(-1);
        assertThat(INSIDE.indexOf("|i".getBytes(StandardCharsets.US_ASCII), -1)).isEqualTo(-1);
        assertThat(INSIDE.indexOf("de".getBytes(StandardCharsets.US_ASCII), 0, 6, 2)).isEqualTo(4);
        assertThat(INSIDE.indexOf("de".getBytes(StandardCharsets.US_ASCII), 0, 5, 2)).isEqualTo(-1);
    }

    @Test
    void indexOfRejectsAnEmptyNeedleOrStep() {
        assertThatThrownBy(() -> INSIDE.indexOf(new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> INSIDE.indexOf(new byte[] {'i'}, 0, 6, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skipWhileStopsAtTheSliceEndAndChecksFrom() {
        byte[] d = new byte[64];
        ByteSlice s = ByteSlice.of(d).slice(3, 20);
        assertThat(s.skipWhile(0, 0)).isEqualTo(20);
        assertThat(s.skipWhile(20, 0)).isEqualTo(20);
        assertThat(INSIDE.skipWhile(0, 'i')).isEqualTo(1);
        assertThat(INSIDE.skipWhile(1, 'i')).isEqualTo(1);
        assertThatThrownBy(() -> s.skipWhile(21, 0)).isInstanceOf(OutOfBoundsException.class);
        assertThatThrownBy(() -> s.skipWhile(-1, 0)).isInstanceOf(OutOfBoundsException.class);
    }

    @Test
    void inputStreamReadsExactlyTheSlice() throws IOException {
        try (InputStream in = INSIDE.inputStream()) {
            assertThat(in.available()).isEqualTo(6);
            assertThat(in.read()).isEqualTo('i');
            in.mark(100);
            assertThat(in.skip(2)).isEqualTo(2);
            assertThat(in.read()).isEqualTo('i');
            in.reset();
            assertThat(in.readAllBytes()).isEqualTo("nside".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
            assertThat(in.skip(5)).isZero();
            assertThat(in.available()).isZero();
        }
        byte[] buf = new byte[10];
        try (InputStream in = INSIDE.inputStream()) {
            assertThat(in.read(buf, 2, 8)).isEqualTo(6);
            assertThatThrownBy(() -> in.read(buf, 8, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThat(Arrays.copyOfRange(buf, 2, 8)).isEqualTo(INSIDE.toArray());
        assertThat(ByteSlice.empty().inputStream().read()).isEqualTo(-1);
    }

    @Test
    void copyToCopiesTheSliceOrNothing() {
        byte[] dst = new byte[8];
        INSIDE.copyTo(dst, 2);
        assertThat(new String(dst, 2, 6, StandardCharsets.US_ASCII)).isEqualTo("inside");
        byte[] small = new byte[8];
        assertThatThrownBy(() -> INSIDE.copyTo(small, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> INSIDE.copyTo(small, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(small).containsOnly(0);
        ByteSlice.empty().copyTo(small, 8);
    }

    @Test
    void stringDecodesOnlyTheSlice() {
        assertThat(INSIDE.string(StandardCharsets.ISO_8859_1)).isEqualTo("inside");
        byte[] utf16 = "\uFEFFab".getBytes(StandardCharsets.UTF_16LE);
        assertThat(ByteSlice.of(utf16).from(2).string(StandardCharsets.UTF_16LE)).isEqualTo("ab");
        assertThat(ByteSlice.empty().string(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void checksumsAndEqualityCoverOnlyTheSlice() {
        byte[] copy = "inside".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(copy);
        CRC32C crcC = new CRC32C();
        crcC.update(copy);
        assertThat(INSIDE.crc32()).isEqualTo(crc.getValue());
        assertThat(INSIDE.crc32c()).isEqualTo(crcC.getValue());
        assertThat(INSIDE.contentEquals(ByteSlice.of(copy))).isTrue();
        assertThat(INSIDE.contentEquals(ByteSlice.of(copy).slice(0, 5))).isFalse();
        assertThat(INSIDE.contentEquals(ByteSlice.of(ARRAY))).isFalse();
    }

    @Test
    void sum8InParentReachesOnlyIntoTheBufferTheSliceWasCutFrom() {
        byte[] d = new byte[32];
        d[10] = 3;
        d[20] = 5;
        ByteSlice view = ByteSlice.of(d).slice(8, 8);
        assertThat(view.sum8InParent(0, 8)).isEqualTo(view.sum8(0, 8)).isEqualTo(3);
        assertThat(view.sum8InParent(0, 24)).isEqualTo(8);
        assertThat(view.sum8InParent(0, 25)).isEqualTo(-1);
        assertThat(view.sum8InParent(-1, 4)).isEqualTo(-1);
        assertThat(view.sum8InParent(0, 0)).isEqualTo(-1);
    }

    @Test
    void bufferIsAReadOnlyViewOfTheSlice() {
        ByteBuffer b = INSIDE.buffer();
        assertThat(b.isReadOnly()).isTrue();
        assertThat(b.hasArray()).isFalse();
        assertThat(b.remaining()).isEqualTo(6);
        assertThatThrownBy(() -> b.put(0, (byte) 1)).isInstanceOf(ReadOnlyBufferException.class);
        byte[] got = new byte[6];
        b.get(got);
        assertThat(got).isEqualTo("inside".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void bytesGoOutAsCopies() {
        byte[] d = {1, 2, 3, 4};
        ByteSlice s = ByteSlice.of(d).from(1);
        s.toArray()[0] = 9;
        s.bytes(0, 2)[0] = 9;
        assertThat(s.u8(0)).isEqualTo(2);
    }
}
