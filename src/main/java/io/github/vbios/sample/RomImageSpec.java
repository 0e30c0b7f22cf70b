package io.github.vbios.sample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One image for {@link OptionRomBuilder}: header fields, data structure, optional NPDE and EFI
 * header, and body bytes. Defaults describe a valid image; the setters here are the ones the demo's
 * images use. The fields only tests set to a wrong value on purpose (lengths that lie, moved
 * structures, NPDE flags; rom-format.md section 3) are package-private for the test-side
 * {@code RomImageEdit}, so the jar carries no setter it never calls.
 */
public final class RomImageSpec {
    int signature = 0xAA55;
    String dataStructure = "PCIR";
    int vendorId;
    int deviceId;
    int classCode = 0x030000;
    int codeType;
    int pcirPointer;
    final int pcirRevision = 3;
    int pcirStructLength = 0x18;
    int sizeBlocks = 1;
    Integer pcirLengthBlocks;
    Integer byte2;
    Integer indicator;
    boolean npde;
    int npdeRevision = 0x0101;
    int npdeLength = 0x14;
    Integer npdeSubBlocks;
    Integer npdeLast;
    int npdeFlags;
    long npdeExtra;
    boolean fixChecksum;
    Integer efiMachine;
    int efiSubsystem = 0x0B;
    int efiCompression;
    int efiImageOffset = 0x50;
    byte[] efiPayload;
    final List<Object[]> puts = new ArrayList<>();

    RomImageSpec(int codeType, int vendorId, int deviceId) {
        this.codeType = codeType;
        this.vendorId = vendorId;
        this.deviceId = deviceId;
        this.pcirPointer = codeType == 0x03 ? 0x1C : 0x80;
        this.fixChecksum = codeType != 0x03;
    }

    public RomImageSpec signature(int u16) {
        this.signature = u16;
        return this;
    }

    /** "PCIR", "NPDS" or anything else (a wrong signature). */
    public RomImageSpec dataStructure(String sig) {
        this.dataStructure = sig;
        return this;
    }

    public RomImageSpec classCode(int classCode) {
        this.classCode = classCode;
        return this;
    }

    /** Physical size of the image in 512-byte blocks (where the next image starts). */
    public RomImageSpec sizeBlocks(int blocks) {
        this.sizeBlocks = blocks;
        return this;
    }

    /** PCIR indicator byte; default: 0x80 on the builder's last image, else 0. */
    public RomImageSpec indicator(int value) {
        this.indicator = value;
        return this;
    }

    public RomImageSpec npde(int revision, int length) {
        this.npde = true;
        this.npdeRevision = revision;
        this.npdeLength = length;
        return this;
    }

    /** NPDE byte 0x0A; default: 0x80 on the builder's last image, else 0. */
    public RomImageSpec npdeLast(int value) {
        this.npdeLast = value;
        return this;
    }

    /** NPDE u32 at 0x0C: the GOP version on EFI images. */
    public RomImageSpec npdeExtra(long value) {
        this.npdeExtra = value;
        return this;
    }

    public RomImageSpec efi(int machine, int subsystem, int compression, byte[] payload) {
        this.efiMachine = machine;
        this.efiSubsystem = subsystem;
        this.efiCompression = compression;
        this.efiPayload = payload.clone();
        return this;
    }

    /** Bytes at an offset inside the image (header extras, BIT, strings). */
    public RomImageSpec put(int offset, byte[] bytes) {
        puts.add(new Object[] {offset, bytes.clone()});
        return this;
    }

    public RomImageSpec putAscii(int offset, String text) {
        return put(offset, text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
