/**
 * The host room: the sysfs/procfs view of PCI devices and IOMMU groups under an injectable root, and
 * reading the ROM from a GPU (sysfs ROM BAR, snapshot, ACPI _ROM through acpi_call). Depends only on
 * {@code io}.
 */
package io.github.vbios.host;
