/**
 * Vendor wrappers around firmware images (firmware.md 3): Dell PFS/HDR and ThinOS packages, Insyde
 * iFlash, AMI UCP and PFAT, BIOS Guard blocks, Phoenix TDK, self-extracting executables, and the
 * wrappers named but not unpacked. Depends on {@code firmware}, its {@code uefi}, {@code archive}
 * and {@code external} packages, and {@code io}.
 */
package io.github.vbios.firmware.vendor;
