/**
 * The rom room, writing side: turning a dump into a romfile ({@link io.github.vbios.rom.patch.RomPatcher}:
 * {@link io.github.vbios.rom.patch.RomfileCleaner}, {@link io.github.vbios.rom.patch.IdPatcher},
 * {@link io.github.vbios.rom.patch.ChecksumFixer}) and checking what was written. Depends on
 * {@code rom}, {@code rom.nvidia} and {@code io}.
 */
package io.github.vbios.rom.patch;
