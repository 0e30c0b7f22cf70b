package io.github.vbios.firmware;

import io.github.vbios.firmware.archive.Cabinet;
import io.github.vbios.firmware.archive.Gzip;
import io.github.vbios.firmware.archive.RegExport;
import io.github.vbios.firmware.archive.SevenZ;
import io.github.vbios.firmware.archive.Tar;
import io.github.vbios.firmware.archive.Xz;
import io.github.vbios.firmware.archive.Zip;
import io.github.vbios.firmware.archive.ZlibStream;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.firmware.external.InnoSetup;
import io.github.vbios.firmware.external.Rar;
import io.github.vbios.firmware.external.Upx;
import io.github.vbios.firmware.uefi.Capsule;
import io.github.vbios.firmware.uefi.FlashDescriptor;
import io.github.vbios.firmware.uefi.RawArea;
import io.github.vbios.firmware.vendor.AmiPfat;
import io.github.vbios.firmware.vendor.AmiUcp;
import io.github.vbios.firmware.vendor.DellPfs;
import io.github.vbios.firmware.vendor.DellThinOsPkg;
import io.github.vbios.firmware.vendor.InsydeIflash;
import io.github.vbios.firmware.vendor.PhoenixTdk;
import io.github.vbios.firmware.vendor.SelfExtractor;
import io.github.vbios.firmware.vendor.UnsupportedWrappers;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.OutOfBoundsException;
import java.util.List;

/**
 * The recursive unpacking engine (firmware.md 8.1-8.2): each blob goes through the wrapper
 * detectors (magic at fixed offsets), then capsules and the flash descriptor; a blob none of them
 * claims is searched for the embedded formats, and finally goes to the raw-area scan that finds
 * volumes and carves everything else. Each child carries its provenance.
 */
public final class FirmwareExplorer {
    private final List<Container> containers;
    private final List<EmbeddedFormat> embedded;

    public FirmwareExplorer(List<Container> containers, List<EmbeddedFormat> embedded) {
        this.containers = List.copyOf(containers);
        this.embedded = List.copyOf(embedded);
    }

    /** An explorer with these containers and no embedded formats (a fuzz target's one family). */
    public FirmwareExplorer(List<Container> containers) {
        this(containers, List.of());
    }

    /** The standard detector order; {@code tools} runs innoextract/upx/unar when installed. */
    public static FirmwareExplorer standard(ExternalTools tools) {
        return new FirmwareExplorer(List.of(
                new Zip(), new SevenZ(), new Gzip(), new Xz(), new Tar(), new DellThinOsPkg(), new Cabinet(),
                new RegExport(), new DellPfs(), new InsydeIflash(),
                new InnoSetup(tools), new Upx(tools), new Rar(tools), new ZlibStream(),
                new Capsule(), new FlashDescriptor(), new SelfExtractor(), new UnsupportedWrappers()),
                List.of(new AmiUcp(), new AmiPfat(), new PhoenixTdk()));
    }

    /** The detectors in the order they are asked. */
    List<Container> containers() {
        return containers;
    }

    /** The embedded formats in the order they are searched. */
    List<EmbeddedFormat> embedded() {
        return embedded;
    }

    /**
     * Walks {@code input} completely, or as far as the limits allow (then the walk says why it is
     * incomplete); never throws on bad input. The per-stream cap is lowered to fit this JVM's heap.
     */
    public Walk explore(ByteSlice input, String name, Limits limits, Carver carver) {
        long heap = Runtime.getRuntime().maxMemory();
        Limits fitted = limits.fitHeap(heap);
        Walk walk = new Walk(fitted, carver, this);
        Blob root = new Blob(input, Provenance.root(name));
        if (fitted.maxStream() < limits.maxStream()) {
            walk.finding(root, Finding.info(FirmwareCode.HEAP_LIMIT, -1, "the Java heap (" + (heap >> 20)
                    + " MiB) holds streams of at most "
                    + (fitted.maxStream() >> 20) + " MiB, not the " + (limits.maxStream() >> 20)
                    + " MiB of --max-stream; larger ones are skipped. For more, run with VBIOS_JAVA_OPTS=-Xmx"
                    + Math.max(1, (long) limits.maxStream() * Limits.HEAP_SHARE >> 30) + "g"));
        }
        dispatch(root, walk);
        return walk;
    }

    void dispatch(Blob blob, Walk walk) {
        if (!walk.enter(blob) || blob.data().isEmpty() || walk.exhausted(blob)) {
            return;
        }
        if (blob.data().isFilledWith(blob.data().u8(0))) {
            return; // one byte repeated (erased flash, a zero-fill bomb) holds no structure: skip ~20 scans
        }
        try {
            for (Container c : containers) {
                if (c.recognises(blob.data()) && c.open(blob, walk)) {
                    return;
                }
            }
            for (EmbeddedFormat e : embedded) {
                int at = e.find(blob.data());
                if (at >= 0 && e.open(blob, at, walk)) {
                    return;
                }
            }
            RawArea.scan(blob, walk);
        } catch (OutOfBoundsException e) {
            // A length field lied past a check: keep what was found so far and say where.
            walk.finding(blob, Finding.warning(FirmwareCode.STRUCTURE_TRUNCATED, e.offset(), "truncated structure: "
                    + e.getMessage()));
        } catch (OutOfMemoryError e) {
            walk.outOfMemory(blob);
        } catch (StackOverflowError e) {
            // Limits.MAX_DEPTH levels fit the walk thread's stack; this is the last line of defence.
            walk.stop(blob, Incomplete.STACK, "limit hit: containers nest deeper than the walk's stack allows;"
                    + " the rest is not examined (lower --max-depth)");
        }
    }
}
