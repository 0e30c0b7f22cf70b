package io.github.vbios.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.testutil.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Peer test: UEFITool's own EFI/Tiano decoder (UEFIExtract, package uefitool-cli) must unpack a
 * compression section made by {@link EfiCompressor} to the original bytes. The firmware volume is
 * the smallest one UEFITool accepts (firmware.md 2.5-2.7).
 */
class UefiExtractPeerTest {
    /** EFI_FIRMWARE_FILE_SYSTEM2_GUID 8C8CE578-8A3D-4F1C-9935-896185C32DD3, on-disk byte order. */
    private static final byte[] FFS2 = {0x78, (byte) 0xE5, (byte) 0x8C, (byte) 0x8C, 0x3D, (byte) 0x8A, 0x1C, 0x4F,
        (byte) 0x99, 0x35, (byte) 0x89, 0x61, (byte) 0x85, (byte) 0xC3, 0x2D, (byte) 0xD3};
    private static final int FV_SIZE = 0x80000;

    static byte[] section(int type, byte[] body, byte[] extraHeader) {
        int size = 4 + extraHeader.length + body.length;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) size).put((byte) (size >> 8)).put((byte) (size >> 16)).put((byte) type);
        return b.put(extraHeader).put(body).array();
    }

    /** EFI_SECTION_COMPRESSION (type 1, CompressionType 1) around a RAW section holding {@code payload}. */
    static byte[] compressedRawSection(byte[] payload, EfiCompressionVariant v) {
        byte[] raw = section(0x19, payload, new byte[0]);
        byte[] packed = EfiCompressor.compress(raw, v);
        byte[] extra = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN).putInt(raw.length).put((byte) 1).array();
        return section(0x01, packed, extra);
    }

    /** One FV (erase polarity 1) holding one FREEFORM file with {@code sections}. */
    static byte[] volume(byte[] sections) {
        ByteBuffer fv = ByteBuffer.allocate(FV_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        Arrays.fill(fv.array(), (byte) 0xFF);
        fv.position(0).put(new byte[16]).put(FFS2).putLong(FV_SIZE).put("_FVH".getBytes(StandardCharsets.US_ASCII))
                .putInt(0x0004FEFF).putShort((short) 0x48).putShort((short) 0).putShort((short) 0).put((byte) 0)
                .put((byte) 2).putInt(FV_SIZE / 0x1000).putInt(0x1000).putLong(0);
        fv.putShort(0x32, (short) -sum16(fv.array(), 0x48));
        int fileSize = 24 + sections.length;
        ByteBuffer f = ByteBuffer.allocate(fileSize).order(ByteOrder.LITTLE_ENDIAN);
        f.put(new byte[] {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, 9, 10, 11, 12, 13, 14, 15, 16});
        f.put((byte) 0).put((byte) 0xAA).put((byte) 0x02).put((byte) 0)
                .put((byte) fileSize).put((byte) (fileSize >> 8)).put((byte) (fileSize >> 16)).put((byte) 0);
        int sum = 0;
        for (int i = 0; i < 24; i++) {
            sum += f.array()[i];
        }
        f.put(16, (byte) (0xAA - sum)); // header checksum excludes File (0xAA) and State
        f.put(23, (byte) ~0x07); // HEADER_CONSTRUCTION | HEADER_VALID | DATA_VALID, inverted (erase polarity 1)
        f.position(24);
        f.put(sections);
        fv.position(0x48).put(f.array());
        return fv.array();
    }

    private static int sum16(byte[] b, int len) {
        ByteBuffer bb = ByteBuffer.wrap(b, 0, len).order(ByteOrder.LITTLE_ENDIAN);
        int s = 0;
        while (bb.remaining() >= 2) {
            s += bb.getShort() & 0xFFFF;
        }
        return s & 0xFFFF;
    }

    @ParameterizedTest
    @EnumSource(EfiCompressionVariant.class)
    void uefiExtractUnpacksOurCompressedSection(EfiCompressionVariant v, @TempDir Path tmp) throws Exception {
        Path tool = Tools.onPath("UEFIExtract");
        Assumptions.assumeTrue(tool != null, "UEFIExtract (package uefitool-cli) not installed; skipping peer test");
        // 400 KB: several blocks, and (for Tiano) match distances beyond 64 KiB
        byte[] payload = EfiRoundTripTest.structured(400_000, 99);
        Path image = tmp.resolve("fv.bin");
        Files.write(image, volume(compressedRawSection(payload, v)));
        Process p = new ProcessBuilder(tool.toString(), image.toString()).directory(tmp.toFile())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String report = Files.readString(tmp.resolve("fv.bin.report.txt"));
        assertThat(report).contains("Compressed section").doesNotContain("decompression failed");
        assertThat(bodies(tmp.resolve("fv.bin.dump"))).anySatisfy(b -> assertThat(b).isEqualTo(payload));
        // UEFITool tries both variants and names the one that decoded (firmware.md 2.8)
        String info = Files.readString(find(tmp.resolve("fv.bin.dump"), "Compressed section").resolve("info.txt"));
        assertThat(info).contains("Compression algorithm: " + (v == EfiCompressionVariant.EFI_1_1 ? "EFI 1.1" : "Tiano"));
    }

    private static Path find(Path dump, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dump)) {
            return s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new AssertionError("UEFIExtract dumped no '" + suffix + "' folder"));
        }
    }

    private static List<byte[]> bodies(Path dump) throws IOException {
        try (Stream<Path> s = Files.walk(dump)) {
            return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("body"))
                    .map(f -> {
                        try {
                            return Files.readAllBytes(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
