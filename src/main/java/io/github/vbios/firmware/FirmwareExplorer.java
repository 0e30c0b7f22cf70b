package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.OutOfBoundsException;
import java.util.List;

/**
 * The recursive unpacking engine (firmware.md 8.1-8.2): each blob goes through the wrapper
 * detectors, then capsules and the flash descriptor, and finally the raw-area scan that finds
 * volumes and carves everything else. Each child carries its provenance.
 */
public final class FirmwareExplorer {
    private final List<Container> containers;

    public FirmwareExplorer(List<Container> containers) {
        this.containers = List.copyOf(containers);
    }

    /** The standard detector order; {@code tools} runs innoextract/upx/unar when installed. */
    public static FirmwareExplorer standard(ExternalTools tools) {
        return new FirmwareExplorer(List.of(
                new Archives.Zip(), new Archives.SevenZ(), new Archives.Gzip(), new Archives.Xz(), new Archives.Tar(), new Archives.DellThinOsPkg(), new Cabinet(),
                new RegExport(), new DellPfs(), new InsydeIflash(), new AmiUcp(), new AmiPfat(), new PhoenixTdk(), new InnoSetup(tools), new Upx(tools), new Rar(tools), new ZlibStream(),
                new Capsule(), new FlashDescriptor(), new SelfExtractor(), new UnsupportedWrappers()));
    }

    /** Walks {@code input} completely; never throws on bad input. */
    public Walk explore(ByteSlice input, String name, Limits limits, Carver carver) {
        Walk walk = new Walk(limits, carver, this);
        dispatch(new Blob(input, Provenance.root(name)), walk);
        return walk;
    }

    void dispatch(Blob blob, Walk walk) {
        if (!walk.enter(blob) || blob.data().isEmpty() || walk.exhausted()) {
            return;
        }
        try {
            for (Container c : containers) {
                if (c.recognises(blob.data()) && c.open(blob, walk)) {
                    return;
                }
            }
            RawArea.scan(blob, walk);
        } catch (OutOfBoundsException e) {
            // A length field lied past a check: keep what was found so far and say where.
            walk.finding(blob, Finding.warning(e.offset(), "truncated structure: " + e.getMessage()));
        } catch (OutOfMemoryError e) {
            walk.finding(blob, Finding.error(-1, "limit hit: out of memory while unpacking; lower --max-total"));
        }
    }
}
