/**
 * The acpi room: the AML encoder, table builder and SSDT variants that serve a ROM to the guest
 * (_ROM embedded or through fw_cfg, battery), the ASL printer, and the SSDT manifest
 * ({@code vbios-ssdt.json}) it writes and reads. Depends on {@code rom}, {@code rom.nvidia} and
 * {@code io}.
 */
package io.github.vbios.acpi;
