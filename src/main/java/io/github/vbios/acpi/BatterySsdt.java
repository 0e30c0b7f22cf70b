package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.integer;

import io.github.vbios.io.VbiosException;
import java.util.Locale;

/**
 * Variant (c), acpi-vm.md 1.5: a fake battery under {@code \_SB}, so drivers that look for a
 * notebook find one. {@code FULL}: {@code BAT0} with {@code _BIF} (rechargeable, technology 1,
 * which the NVIDIA Linux driver's notebook test accepts) and {@code _BST}, plus an {@code AC0}
 * adapter on mains. {@code MINIMAL}: {@code _HID/_UID/_STA} only.
 */
public final class BatterySsdt {
    /** Which battery to generate. */
    public enum Kind {
        FULL, MINIMAL, NONE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.id().equalsIgnoreCase(text.trim())) {
                    return k;
                }
            }
            throw new VbiosException(VbiosException.Kind.USAGE, "battery '" + text + "' is not full, minimal or none");
        }
    }

    private static final long DESIGN_CAPACITY_MWH = 50000;
    private static final long DESIGN_VOLTAGE_MV = 11400;

    private BatterySsdt() {
    }

    public static GeneratedTable build(Kind kind, TableHeader header) {
        if (kind == Kind.NONE) {
            throw new IllegalArgumentException("no battery requested");
        }
        byte[] bat = kind == Kind.FULL ? fullBattery() : minimalBattery();
        byte[] body = kind == Kind.FULL ? Aml.cat(bat, acAdapter()) : bat;
        return new GeneratedTable("vbios-battery.aml", "battery", AcpiTable.build(header, Aml.scope("\\_SB", body)));
    }

    private static byte[] sta(long value) {
        return Aml.method("_STA", 0, false, Aml.ret(integer(value)));
    }

    private static byte[] minimalBattery() {
        return Aml.device("BAT0",
                Aml.named("_HID", Aml.eisaId("PNP0C0A")),
                Aml.named("_UID", Aml.one()),
                sta(0x0F));
    }

    private static byte[] fullBattery() {
        // _BIF: power unit mWh, design/last full capacity, technology 1 (rechargeable), voltage,
        // warning/low levels, granularities, model, serial, type, OEM (ACPI 6.x 10.2.2.1).
        byte[] bif = Aml.pkg(Aml.zero(), integer(DESIGN_CAPACITY_MWH), integer(DESIGN_CAPACITY_MWH), Aml.one(),
                integer(DESIGN_VOLTAGE_MV), integer(5000), integer(1000), integer(100), integer(100),
                Aml.string("VBAT"), Aml.string("0001"), Aml.string("LION"), Aml.string("QEMU"));
        // _BST: state 0 (full, neither charging nor discharging), rate 0, remaining, voltage.
        byte[] bst = Aml.pkg(Aml.zero(), Aml.zero(), integer(DESIGN_CAPACITY_MWH), integer(DESIGN_VOLTAGE_MV));
        return Aml.device("BAT0",
                Aml.named("_HID", Aml.eisaId("PNP0C0A")),
                Aml.named("_UID", Aml.one()),
                sta(0x1F),
                Aml.method("_BIF", 0, false, Aml.ret(bif)),
                Aml.method("_BST", 0, false, Aml.ret(bst)));
    }

    private static byte[] acAdapter() {
        return Aml.device("AC0",
                Aml.named("_HID", Aml.string("ACPI0003")),
                Aml.named("_PCL", Aml.pkg(Aml.name("\\_SB"))),
                Aml.method("_PSR", 0, false, Aml.ret(Aml.one())),
                sta(0x0F));
    }
}
