package io.github.vbios.vm;

/** A QEMU fw_cfg file: {@code -fw_cfg name=opt/...,file=PATH} (acpi-vm.md 1.4, 3.1). */
public record FwCfgEntry(String name, String file) {
}
