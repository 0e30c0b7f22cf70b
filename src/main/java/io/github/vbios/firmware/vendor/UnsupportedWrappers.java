package io.github.vbios.firmware.vendor;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.Incomplete;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import java.util.Optional;

/**
 * Wrappers vbios recognises but does not unpack yet (firmware.md 3): it says so in a finding and
 * lets the raw scan look inside, which still finds volumes and ROMs stored uncompressed.
 */
public final class UnsupportedWrappers implements Container {
    /** Signature, where it sits, and the sentence for the user. */
    private record Known(String magic, int offset, String name) {
    }

    private static final Known[] KNOWN = {
        new Known("CD001", 0x8001, "ISO 9660 image"),
        new Known("\u0016\u0004IM4P", 2, "Apple IM4P container"),
        new Known("pbzx", 0, "Apple PBZX stream"),
    };

    @Override
    public String kind() {
        return "unsupported";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return find(d).isPresent();
    }

    private static Optional<Known> find(ByteSlice d) {
        for (Known k : KNOWN) {
            if (d.matchesAscii(k.offset(), k.magic())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        Known k = find(blob.data()).orElseThrow();  // open() follows recognises()
        walk.seen(blob, "unsupported", 0, blob.data().length(), k.name(), null);
        walk.incomplete(blob, k.offset(), Incomplete.UNOPENED, k.name() + " (" + k.magic().strip()
                + ") is not unpacked by vbios yet; scanning it raw, which finds only uncompressed volumes and ROMs");
        return false;
    }
}
