package io.github.vbios.firmware.external;

import io.github.vbios.io.ByteSlice;
import java.nio.file.Path;
import java.util.List;

/** UPX-packed executables ({@code UPX!} in the first 4 KiB of an MZ or ELF file); unpacked by {@code upx -d}. */
public final class Upx extends ExternalUnpacker {
    private static final byte[] MARK = {'U', 'P', 'X', '!'};

    public Upx(ExternalTools tools) {
        super(tools);
    }

    @Override
    public String kind() {
        return "upx";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        boolean exe = d.length() > 0x40 && (d.u16(0) == 0x5A4D || d.matchesAscii(0, "\u007fELF"));
        return exe && d.clamp(0, 4096).indexOf(MARK, 0) >= 0;
    }

    @Override
    String program() {
        return "upx";
    }

    @Override
    String debianPackage() {
        return "upx-ucl";
    }

    @Override
    List<String> command(Path program, Path input, Path out) {
        return List.of(program.toString(), "-q", "-d", "-o", out.resolve("unpacked.bin").toString(), input.toString());
    }
}
