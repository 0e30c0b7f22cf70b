package io.github.vbios.plan;

import io.github.vbios.host.PciDevice;

/** A device in the doctor report, with the role doctor gave it. */
public record DoctorDevice(PciDevice device, DeviceRole role) {
}
