package io.github.vbios.firmware.external;

import io.github.vbios.io.ByteSlice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Inno Setup installers (Lenovo updates): {@code MZ} plus the "Inno Setup Setup Data" marker; unpacked by innoextract. */
public final class InnoSetup extends ExternalUnpacker {
    private static final byte[] MARK = "Inno Setup Setup Data".getBytes(StandardCharsets.US_ASCII);

    public InnoSetup(ExternalTools tools) {
        super(tools);
    }

    @Override
    public String kind() {
        return "innosetup";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.length() > 0x40 && d.u16(0) == 0x5A4D && d.indexOf(MARK, 0x40) >= 0;
    }

    @Override
    String program() {
        return "innoextract";
    }

    @Override
    String debianPackage() {
        return "innoextract";
    }

    @Override
    List<String> command(Path program, Path input, Path out) {
        return List.of(program.toString(), "-s", "-e", "-d", out.toString(), input.toString());
    }
}
