package io.github.vbios.firmware;

/**
 * One structure the walk entered or identified: a capsule, a region, a volume, an FFS file, a
 * section, an archive entry. {@code offset} is relative to the blob named by {@code path}.
 */
public record SeenContainer(String kind, Provenance path, long offset, long length, String name, String detail) {
}
